import { strict as assert } from 'assert';
import { evaluateEvidence } from '../../../src/core/evidence';
import { TASK_EVIDENCE } from './specs';
import { deliverable, lineOf, pick, realInput } from './fixtures';

const tasks = ['add-cycle-highlights', 'rc1-finalize-highlights', 'm3-start-highlights'];
const only = Object.fromEntries(tasks.map((t) => [t, TASK_EVIDENCE[t]]));
const evaluate = (...a: Parameters<typeof realInput>) => evaluateEvidence(realInput(...a), only);

describe('evidence: cycle-highlights (deliverables/<series>/glance.yaml)', () => {
  it("counts Flamingo's real 3 bullets, with the line of cycle-highlights:", () => {
    const map = evaluate('flamingo', '2025-09-20');
    const flamingo = deliverable('flamingo', 'glance');
    for (const task of tasks) {
      const e = pick(map, task);
      assert.equal(e.state, 'done', task);
      assert.equal(e.text, '3 cycle highlights in glance.yaml.');
      assert.equal(e.file, 'deliverables/flamingo/glance.yaml');
      assert.equal(e.line, lineOf(flamingo.text, /^cycle-highlights:/));
    }
  });

  it("sees that Gazpacho's real glance.yaml never got cycle-highlights: overdue after g-cycle-highlights", () => {
    const before = evaluate('gazpacho', '2026-03-05');
    assert.equal(pick(before, 'add-cycle-highlights').state, 'open');
    assert.equal(pick(before, 'add-cycle-highlights').deadline, '2026-03-05');
    const after = evaluate('gazpacho', '2026-03-06');
    for (const task of ['add-cycle-highlights', 'rc1-finalize-highlights']) {
      const e = pick(after, task);
      assert.equal(e.state, 'overdue', task);
      assert.match(e.text, /No cycle-highlights in glance\.yaml for Gazpacho\. The g-cycle-highlights deadline was 2026-03-05\./);
    }
    // "Start assembling" has no deadline of its own.
    assert.equal(pick(after, 'm3-start-highlights').state, 'open');
  });

  it('says when there are more than 5 or fewer than 3 bullets', () => {
    const text = deliverable('flamingo', 'glance').text;
    const seven = text.replace('cycle-highlights:\n', 'cycle-highlights:\n  - One\n  - Two\n  - Three\n  - Four\n');
    const e = pick(evaluate('flamingo', '2025-09-20', { deliverables: { glance: { text: seven, file: 'g.yaml' } } }), 'add-cycle-highlights');
    assert.match(e.text, /^7 cycle highlights .* More than 5/);
    const one = text.replace(/cycle-highlights:\n( {2}.*\n)+/, 'cycle-highlights:\n  - Only one\n');
    assert.match(pick(evaluate('flamingo', '2025-09-20', { deliverables: { glance: { text: one, file: 'g.yaml' } } }), 'add-cycle-highlights').text, /^1 cycle highlight in .* asks for 3 to 5/);
  });

  it('is unknown when glance.yaml is missing or is another deliverable', () => {
    const missing = pick(evaluate('indri', '2026-10-20'), 'add-cycle-highlights');
    assert.equal(missing.state, 'unknown');
    assert.match(missing.text, /deliverables\/indri does not exist yet/);
    const store = deliverable('gazpacho', 'glance-store');
    const wrong = pick(evaluate('gazpacho', '2026-03-06', { deliverables: { glance: store } }), 'add-cycle-highlights');
    assert.equal(wrong.state, 'unknown');
    assert.match(wrong.text, /is for openstack\/glance_store, not openstack\/glance/);
  });
});

import { strict as assert } from 'assert';
import { performance } from 'perf_hooks';
import { checkEvidenceSpec, EVIDENCE_DELIVERABLES, EVIDENCE_RULES, evaluateEvidence, type EvidenceInput } from '../../../src/core/evidence';
import { TASK_EVIDENCE } from './specs';
import { allTasks } from '../../../src/core/checklist/checklist';
import { loadChecklist } from '../helpers';
import { deliverable, pick, realInput } from './fixtures';

const DELIVERABLE_TASKS = Object.keys(TASK_EVIDENCE).filter((t) => !['current-release-constant', 'm3-prelude', 'rc1-translation-stable-patches', 'rc-translation-patches'].includes(t));

describe('evidence: registry and evaluateEvidence', () => {
  it('maps real task ids of resources/release-cycle.yaml to known rules', () => {
    const ids = new Set(allTasks(loadChecklist()).map((t) => t.id));
    for (const [taskId, spec] of Object.entries(TASK_EVIDENCE)) {
      assert.ok(ids.has(taskId), `${taskId} is a task of release-cycle.yaml`);
      assert.deepEqual(checkEvidenceSpec(spec), { spec });
    }
  });

  it('checks a task evidence spec from YAML', () => {
    assert.match((checkEvidenceSpec({ rule: 'nope' }) as { problem: string }).problem, /unknown rule "nope"/);
    assert.match((checkEvidenceSpec('cycle-highlights') as { problem: string }).problem, /mapping/);
    assert.match((checkEvidenceSpec({ rule: 'cycle-highlights', args: [1] }) as { problem: string }).problem, /args/);
    assert.deepEqual(checkEvidenceSpec({ rule: 'cycle-highlights' }), { spec: { rule: 'cycle-highlights' } });
  });

  it('evaluates every default task for a real series', () => {
    const map = evaluateEvidence(realInput('gazpacho', '2026-04-05'), TASK_EVIDENCE);
    assert.deepEqual([...map.keys()].sort(), Object.keys(TASK_EVIDENCE).sort());
    const states = Object.fromEntries([...map].map(([id, e]) => [id, e.state]));
    assert.deepEqual(states, {
      'current-release-constant': 'done',
      'm1-library-releases': 'done',
      'm2-library-releases': 'done',
      'm3-client-release': 'done',
      'm3-prelude': 'overdue',
      'm3-start-highlights': 'open',
      'add-cycle-highlights': 'overdue',
      'rc1-release': 'done',
      'rc1-finalize-highlights': 'overdue',
      'additional-rcs': 'done',
      'final-rc-request': 'done',
      'watch-final-proposal': 'done',
      // Gerrit and the clones were not read here.
      'rc1-translation-stable-patches': 'unknown',
      'rc-translation-patches': 'unknown',
    });
  });

  it('turns an unknown rule, a bad argument and a throwing rule into unknown evidence', () => {
    const input = realInput('gazpacho', '2026-04-05');
    const map = evaluateEvidence(
      input,
      { a: { rule: 'nope' }, b: { rule: 'cycle-highlights', args: { deliverable: 'nova' } }, c: { rule: 'rc1-release', args: { deadline: 3 } }, d: { rule: 'boom' }, e: { rule: 'toString' } },
      { ...EVIDENCE_RULES, boom: () => { throw new Error('kaput'); } },
    );
    assert.equal(pick(map, 'a').text, 'No evidence rule "nope".');
    assert.match(pick(map, 'b').text, /"nova" is not one of glance, glance-store/);
    assert.match(pick(map, 'c').text, /"deadline" must be text/);
    assert.equal(pick(map, 'd').text, 'Evidence rule "boom" failed: kaput.');
    assert.equal(pick(map, 'e').state, 'unknown');
    for (const e of map.values()) assert.equal(e.state, 'unknown');
  });

  it('reports malformed and mistyped deliverables as unknown with the reason, for every deliverable rule', () => {
    const glance = deliverable('gazpacho', 'glance').text;
    const cases: Array<[string, RegExp]> = [
      ['', /is empty/],
      ['just some text\n', /line 1 .* is not a top-level key/],
      [glance.replace('  - version: 32.0.0.0rc1', '\t- version: 32.0.0.0rc1'), /tab/],
      [glance.replace(/^releases:\n/m, 'releases: [{version: 1.0.0}]\nold:\n'), /"releases:" is not a block list/],
      [glance.replace('type: service', 'type: service\nteam: nova'), /"team" appears twice/],
      [glance.replace('type: service', 'type: library'), /type: library; glance\.yaml is a service/],
      [glance.replace('version: 32.0.0.0rc2', 'version: 32.0.0-rc2'), /"32\.0\.0-rc2", not of the form/],
      [deliverable('gazpacho', 'python-glanceclient').text, /is for openstack\/python-glanceclient, not openstack\/glance/],
    ];
    for (const [text, reason] of cases) {
      const map = evaluateEvidence(realInput('gazpacho', '2026-04-05', { deliverables: { glance: { text, file: 'deliverables/gazpacho/glance.yaml' } } }), TASK_EVIDENCE);
      for (const id of DELIVERABLE_TASKS.filter((t) => !t.includes('library') && t !== 'm3-client-release')) {
        const e = pick(map, id);
        assert.equal(e.state, 'unknown', `${id} with ${reason}`);
        assert.match(e.text, reason, id);
      }
    }
  });

  it('never throws on garbage input', () => {
    const garbage = [
      { series: 'gazpacho', today: '2026-04-05', facts: {} },
      { series: 'gazpacho', today: '2026-04-05', facts: { deliverables: { glance: { text: 42, file: 'x' } }, notes: { files: [] }, migrationPy: { text: '', file: 'm' } } },
      { series: '', today: '', facts: { deliverables: null } },
    ] as unknown as EvidenceInput[];
    for (const input of garbage) {
      const map = evaluateEvidence(input, TASK_EVIDENCE);
      assert.equal(map.size, Object.keys(TASK_EVIDENCE).length);
      for (const e of map.values()) assert.ok(['unknown', 'open'].includes(e.state), e.text);
    }
  });

  it('evaluates all rules for a series in well under 20 ms once the data is loaded', () => {
    const input = realInput('gazpacho', '2026-04-05');
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      evaluateEvidence(input, TASK_EVIDENCE);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[25] < 20, `median ${times[25].toFixed(2)} ms`);
  });

  it('knows the four Glance deliverables', () => {
    assert.deepEqual([...EVIDENCE_DELIVERABLES], ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin']);
  });
});

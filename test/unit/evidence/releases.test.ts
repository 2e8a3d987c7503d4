import { strict as assert } from 'assert';
import { evaluateEvidence, type EvidenceFacts } from '../../../src/core/evidence';
import { TASK_EVIDENCE } from './specs';
import { deliverable, lineOf, pick, realInput, withoutBlock, withoutRelease } from './fixtures';

function task(id: string, series: string, today: string, facts: Partial<EvidenceFacts> = {}) {
  return pick(evaluateEvidence(realInput(series, today, facts), { [id]: TASK_EVIDENCE[id] }), id);
}

describe('evidence: rc1-release', () => {
  it("is done for Gazpacho's real RC1 and stable/2026.1, at the RC1's line", () => {
    const e = task('rc1-release', 'gazpacho', '2026-03-20');
    assert.equal(e.state, 'done');
    assert.equal(e.text, 'glance 32.0.0.0rc1 with stable/2026.1 at 32.0.0.0rc1.');
    assert.equal(e.line, lineOf(deliverable('gazpacho', 'glance').text, /version: 32\.0\.0\.0rc1/));
    assert.equal(e.deadline, '2026-03-12');
  });

  it("warns about Flamingo's RC1 merged without stable/2025.2: open in the RC1 week, overdue after it", () => {
    const text = withoutBlock(withoutRelease(withoutRelease(deliverable('flamingo', 'glance').text, '31.1.0'), '31.0.0'), 'branches');
    const facts = { deliverables: { glance: { text, file: 'deliverables/flamingo/glance.yaml' } } };
    const inWeek = task('rc1-release', 'flamingo', '2025-09-12', facts);
    assert.equal(inWeek.state, 'open');
    assert.match(inWeek.text, /⚠ glance 31\.0\.0\.0rc1 is released but stable\/2025\.2 is missing/);
    const after = task('rc1-release', 'flamingo', '2025-09-15', facts);
    assert.equal(after.state, 'overdue');
    assert.match(after.text, /stable\/2025\.2 is missing.*f-rc1 deadline was 2025-09-11/);
  });

  it('is open before an RC1 exists (real Hibiscus: only 33.0.0.0b2) and overdue after the RC1 week', () => {
    const open = task('rc1-release', 'hibiscus', '2026-08-21');
    assert.equal(open.state, 'open');
    assert.equal(open.text, 'No RC1 of glance in Hibiscus (last: 33.0.0.0b2).');
    assert.equal(task('rc1-release', 'hibiscus', '2026-09-13').state, 'open');
    assert.equal(task('rc1-release', 'hibiscus', '2026-09-14').state, 'overdue');
  });

  it('without a release-id, accepts a stable branch at the RC1', () => {
    const input = { ...realInput('gazpacho', '2026-03-20'), releaseId: undefined };
    assert.equal(pick(evaluateEvidence(input, { r: TASK_EVIDENCE['rc1-release'] }), 'r').state, 'done');
  });
});

describe('evidence: m3-client-release', () => {
  it("is done for Gazpacho's real python-glanceclient 4.11.0 and stable/2026.1", () => {
    const e = task('m3-client-release', 'gazpacho', '2026-03-01');
    assert.equal(e.state, 'done');
    assert.equal(e.text, 'python-glanceclient 4.11.0; stable/2026.1 at 4.11.0.');
    assert.equal(e.line, lineOf(deliverable('gazpacho', 'python-glanceclient').text, /name: stable\/2026\.1/));
  });

  it('is open for real Hibiscus (4.12.0, no branch yet) and overdue after h-final-clientlib', () => {
    const open = task('m3-client-release', 'hibiscus', '2026-08-21');
    assert.equal(open.state, 'open');
    assert.match(open.text, /4\.12\.0 released; stable\/2026\.2 not requested yet/);
    assert.equal(open.deadline, '2026-08-27');
    assert.equal(task('m3-client-release', 'hibiscus', '2026-08-28').state, 'overdue');
  });

  it('is overdue when no client release exists after the deadline', () => {
    const text = withoutBlock(withoutBlock(deliverable('gazpacho', 'python-glanceclient').text, 'releases'), 'branches');
    const e = task('m3-client-release', 'gazpacho', '2026-02-27', { deliverables: { 'python-glanceclient': { text, file: 'c.yaml' } } });
    assert.equal(e.state, 'overdue');
    assert.match(e.text, /No python-glanceclient release in Gazpacho yet/);
  });
});

describe('evidence: m1/m2-library-releases', () => {
  it("lists Flamingo's real library releases as done", () => {
    for (const id of ['m1-library-releases', 'm2-library-releases']) {
      const e = task(id, 'flamingo', '2025-09-01');
      assert.equal(e.state, 'done');
      assert.equal(e.text, 'Released in Flamingo: glance-store 4.10.0, 5.0.0, 5.1.0, 5.2.0; python-glanceclient 4.9.0, 4.10.0.');
    }
  });

  it("shows Gazpacho's missed glance_store release: open after g-1, overdue once g-final-lib passed", () => {
    const text = withoutBlock(withoutBlock(deliverable('gazpacho', 'glance-store').text, 'releases'), 'branches');
    const facts = { deliverables: { 'glance-store': { text, file: 'deliverables/gazpacho/glance-store.yaml' } } };
    const m1 = task('m1-library-releases', 'gazpacho', '2025-11-14', facts);
    assert.equal(m1.state, 'open');
    assert.match(m1.text, /glance-store: none; python-glanceclient 4\.11\.0\. No glance-store release yet\./);
    const late = task('m2-library-releases', 'gazpacho', '2026-02-20', facts);
    assert.equal(late.state, 'overdue');
    assert.match(late.text, /g-final-lib deadline was 2026-02-19/);
  });

  it('is done when the clone says master has nothing unreleased, open while it has commits (release status)', () => {
    const text = withoutBlock(withoutBlock(deliverable('gazpacho', 'glance-store').text, 'releases'), 'branches');
    const deliverables = { 'glance-store': { text, file: 'deliverables/gazpacho/glance-store.yaml' } };
    const idle = task('m1-library-releases', 'gazpacho', '2026-02-20', { deliverables, unreleased: { 'glance-store': { commits: 0, lastRelease: '5.3.0' } } });
    assert.equal(idle.state, 'done');
    assert.match(idle.text, /glance-store: none \(nothing unreleased since 5\.3\.0\); python-glanceclient 4\.11\.0\./);
    const busy = task('m1-library-releases', 'gazpacho', '2026-02-20', { deliverables, unreleased: { 'glance-store': { commits: 4, lastRelease: '5.3.0' } } });
    assert.equal(busy.state, 'overdue');
  });

  it('is open (information) when only glance_store released, and names an unreadable client file', () => {
    const e = task('m1-library-releases', 'hibiscus', '2026-06-01', { deliverables: { 'python-glanceclient': { missing: 'python-glanceclient.yaml is not in the folder.' } } });
    assert.equal(e.state, 'open');
    assert.match(e.text, /glance-store 5\.5\.0, 5\.6\.0; python-glanceclient: python-glanceclient\.yaml is not in the folder\./);
  });
});

describe('evidence: final release, final RC, additional RCs', () => {
  it("reads Gazpacho's real RC1, RC2 and 32.0.0", () => {
    const watch = task('watch-final-proposal', 'gazpacho', '2026-04-05');
    assert.equal(watch.state, 'done');
    assert.equal(watch.text, 'glance 32.0.0 (final) is in the file.');
    assert.equal(task('final-rc-request', 'gazpacho', '2026-04-05').text, 'glance 32.0.0 released after 32.0.0.0rc2.');
    assert.equal(task('additional-rcs', 'gazpacho', '2026-04-05').text, 'RCs: 32.0.0.0rc1, 32.0.0.0rc2; final 32.0.0.');
  });

  it('before the final: the last RC is open before g-finalrc and stands as final after it', () => {
    const text = withoutRelease(deliverable('gazpacho', 'glance').text, '32.0.0');
    const facts = { deliverables: { glance: { text, file: 'g.yaml' } } };
    assert.equal(task('final-rc-request', 'gazpacho', '2026-03-20', facts).state, 'open');
    assert.equal(task('final-rc-request', 'gazpacho', '2026-03-27', facts).state, 'done');
    assert.equal(task('watch-final-proposal', 'gazpacho', '2026-03-27', facts).state, 'open');
    const late = task('watch-final-proposal', 'gazpacho', '2026-04-03', facts);
    assert.equal(late.state, 'overdue');
    assert.match(late.text, /last RC 32\.0\.0\.0rc2/);
  });

  it('overdue final RC when real Hibiscus has no RC after h-finalrc; a fourth RC is warned about', () => {
    assert.equal(task('final-rc-request', 'hibiscus', '2026-09-25').state, 'overdue');
    assert.equal(task('additional-rcs', 'hibiscus', '2026-08-21').text, 'RCs so far: none.');
    const base = withoutRelease(deliverable('gazpacho', 'glance').text, '32.0.0');
    const four = base.replace('branches:', ['rc3', 'rc4'].map((rc) => `  - version: 32.0.0.0${rc}\n    projects:\n      - repo: openstack/glance\n        hash: 07dd0a203b6883efa66486035c436b92c83da0f3\n`).join('') + 'branches:');
    const e = task('additional-rcs', 'gazpacho', '2026-03-27', { deliverables: { glance: { text: four, file: 'g.yaml' } } });
    assert.equal(e.state, 'open');
    assert.match(e.text, /32\.0\.0\.0rc4\. ⚠ 4 RCs: the document asks for at most 3\./);
  });
});

import * as assert from 'node:assert/strict';
import { allTasks, fillTemplate, phaseAsMarkdown, PHASE_IDS, taskText, validateChecklist } from '../../src/core/checklist/checklist';
import { DataError } from '../../src/core/dataErrors';
import { loadChecklist, readFixture } from './helpers';

/** The seed is the document run through an HTML-to-text converter that dropped every link, file names
 * like migration.py (taken for a domain) included, together with a link's closing parenthesis. */
function asInSeed(text: string): string {
  return normalize(text.replace(/https?:\/\/[^\s)]*\)?/g, '').replace(/\b[\w-]+\.py\./g, ''));
}

function normalize(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

interface SeedTask {
  heading: string;
  text: string;
}

/** Task sentences of the seed in order, each under the nearest heading above it. */
function seedTasks(): SeedTask[] {
  const lines = readFixture('release-cycle-tasks.txt').split('\n');
  const tasks: SeedTask[] = [];
  const lostHeadings = ['Milestone-1', 'Milestone-2', 'Milestone-3'];
  let heading = '';
  let headingJustSeen = false;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const task = /^ {2}(\d+)\. (.*)$/.exec(line);
    if (task) {
      // A list restarting at 1 with no heading above it: the seed lost a "Milestone-N" heading there.
      if (task[1] === '1' && !headingJustSeen) heading = lostHeadings.shift() ?? '(unexpected list)';
      tasks.push({ heading, text: normalize(task[2]) });
      headingJustSeen = false;
    } else if (!/^\s/.test(line)) {
      heading = line.trim();
      headingJustSeen = true;
    }
  }
  return tasks;
}

describe('release-cycle.yaml', () => {
  const checklist = loadChecklist();

  it('has the 12 phases of the document, in order, and 34 tasks', () => {
    assert.deepEqual(
      checklist.phases.map((p) => p.id),
      [...PHASE_IDS],
    );
    assert.equal(checklist.phases.length, 12);
    assert.equal(allTasks(checklist).length, 34);
    assert.deepEqual(
      checklist.phases.map((p) => p.tasks.length),
      [1, 6, 2, 2, 1, 3, 5, 1, 4, 4, 3, 2],
    );
  });

  it('holds every task sentence of the seed, in the same order, under the right phase', () => {
    const seed = seedTasks();
    assert.equal(seed.length, 34, 'the seed parser found 34 tasks');
    const data = checklist.phases.flatMap((phase) => phase.tasks.map((task) => ({ heading: phase.title, text: asInSeed(task.text) })));
    assert.deepEqual(data, seed);
  });

  it('keeps the sub-bullets of the CURRENT_RELEASE task and the note on release candidates', () => {
    const tasks = allTasks(checklist);
    const constant = tasks.find((t) => t.id === 'current-release-constant')!;
    assert.equal(constant.details.length, 2);
    assert.match(constant.details[0], /must be api-break/);
    assert.match(constant.details[1], /827919/);
    assert.match(tasks.find((t) => t.id === 'additional-rcs')!.note!, /more than 3 release candidates/);
    const seed = normalize(readFixture('release-cycle-tasks.txt'));
    assert.ok(seed.includes(asInSeed(constant.details[0])));
    assert.ok(seed.includes(normalize(tasks.find((t) => t.id === 'additional-rcs')!.note!)));
  });

  it("carries the document's three links and a link on every task", () => {
    const urls = allTasks(checklist).flatMap((t) => t.links.map((l) => l.url));
    for (const url of [
      'https://wiki.openstack.org/wiki/PTG/Ussuri/Etherpads',
      'https://review.opendev.org/c/openstack/releases/+/505425',
      'https://review.opendev.org/c/openstack/glance/+/827919',
    ]) {
      assert.ok(urls.includes(url), url);
    }
    assert.ok(allTasks(checklist).every((t) => t.links.length > 0));
    const reviewPriority = allTasks(checklist).filter((t) => /Review-Priority/.test(t.text));
    assert.equal(reviewPriority.length, 3);
    assert.ok(reviewPriority.every((t) => t.links.some((l) => /review\.opendev\.org\/q\/.*Review-Priority/.test(l.url))));
  });

  it('fills series placeholders in links and "$series" in the text', () => {
    const names = { series: 'indri', releaseId: '2027.1' };
    assert.equal(fillTemplate('https://releases.openstack.org/{series}/schedule.html#{letter}-rc1 {Series} {releaseId}', names),
      'https://releases.openstack.org/indri/schedule.html#i-rc1 Indri 2027.1');
    const rc1 = allTasks(checklist).find((t) => t.id === 'rc1-release')!;
    assert.match(taskText(rc1, names), /stable\/2027\.1 branching/);
  });

  it('renders a phase as a Markdown checklist', () => {
    const phase = checklist.phases[3];
    assert.equal(
      phaseAsMarkdown(phase, new Set(['m1m2-driver-patches']), { series: 'indri', releaseId: '2027.1' }),
      '### Indri (2027.1): Between Milestone-1 and Milestone-2\n\n- [ ] Review stable backports and release status.\n- [x] Watch for and respond to updates to new driver patches.\n',
    );
  });
});

describe('validateChecklist', () => {
  const good = () => JSON.parse(JSON.stringify(loadChecklist())) as { phases: Array<{ id: string; tasks: Array<Record<string, unknown>> }> };

  function fails(data: unknown, field: RegExp): void {
    assert.throws(
      () => validateChecklist(data, 'test.yaml'),
      (e: unknown) => e instanceof DataError && field.test(e.field) && e.message.startsWith('test.yaml: '),
    );
  }

  it('names the field of a bad value', () => {
    const noText = good();
    delete noText.phases[2].tasks[1].text;
    fails(noText, /^phases\[2\]\.tasks\[1\]\.text$/);
    const badUrl = good();
    (badUrl.phases[0].tasks[0].links as Array<{ url: string }>)[0].url = 'ftp://example.org';
    fails(badUrl, /^phases\[0\]\.tasks\[0\]\.links\[0\]\.url$/);
    const duplicate = good();
    duplicate.phases[1].tasks[0].id = 'ptg-etherpad';
    fails(duplicate, /^phases\[1\]\.tasks\[0\]\.id$/);
    const reordered = good();
    reordered.phases.reverse();
    fails(reordered, /^phases\[0\]\.id$/);
    const badAction = good();
    badAction.phases[0].tasks[0].actions = ['not a command'];
    fails(badAction, /^phases\[0\]\.tasks\[0\]\.actions\[0\]$/);
    fails({ phases: 'none' }, /^phases$/);
    fails(null, /^\(root\)$/);
  });
});

describe('evidence rules in the checklist data', () => {
  it('names only rules the evidence module knows, on the twelve tasks the files can prove and the two the bot patches can', async () => {
    const { EVIDENCE_RULES, checkEvidenceSpec } = await import('../../src/core/evidence');
    const checklist = loadChecklist();
    const specs = Object.fromEntries(checklist.phases.flatMap((p) => p.tasks).flatMap((t) => (t.evidence ? [[t.id, t.evidence]] : [])));
    for (const [id, spec] of Object.entries(specs)) {
      assert.ok(spec.rule in EVIDENCE_RULES, `${id}: ${spec.rule}`);
      assert.ok('spec' in checkEvidenceSpec(spec), id);
    }
    assert.equal(Object.keys(specs).length, 14);
    assert.deepEqual(specs['rc1-release'], { rule: 'rc1-release', args: { deliverable: 'glance', deadline: 'rc1' } });
  });
});

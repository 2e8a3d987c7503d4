// The one picture: ticks and evidence counted once, so the tooltip, the badge, the phase row and the
// new-phase message agree (issue 18); the day's problem is the tooltip's first line.
import * as assert from 'assert';
import { addDaysTo, type Day } from '../../../src/core/calendar/days';
import { phaseAt } from '../../../src/core/calendar/phase';
import { findPhase } from '../../../src/core/checklist/checklist';
import type { EvidenceEvaluation } from '../../../src/core/checklist/taskStatus';
import type { Evidence } from '../../../src/core/evidence';
import { buildSnapshot, doneIn, taskStatusIn, type SnapshotInputs } from '../../../src/core/snapshot';
import { loadChecklist, realScheduleSet } from '../helpers';
import { msg } from '../../../src/core/l10n';

const checklist = loadChecklist();
const schedules = realScheduleSet();

function firstDayOf(series: string, phaseId: string): Day {
  const schedule = schedules.schedules.find((s) => s.series === series)!;
  for (let day = schedule.weeks[0].monday; day <= schedule.weeks.at(-1)!.sunday; day = addDaysTo(day, 1)) {
    const result = phaseAt(day, schedules);
    if (result.kind === 'phase' && result.series === series && result.phaseId === phaseId) return day;
  }
  throw new Error(`no ${phaseId} in ${series}`);
}

const rc1Week = firstDayOf('indri', 'rc1-week');
const inputs = (over: Partial<SnapshotInputs> = {}): SnapshotInputs => ({ today: rc1Week, checklist, schedules, ticks: () => new Set(), origin: 'fixture', problems: [], ...over });
const done = (text: string): Evidence => ({ state: 'done', text });
const openLine = (details: readonly string[]) => details.find((d) => d.startsWith('Open tasks in this phase'));

describe('the snapshot (src/core/snapshot.ts)', () => {
  const phase = findPhase(checklist, 'rc1-week');

  it('counts a task done by evidence as done everywhere: open list, tooltip line, done set', () => {
    const before = buildSnapshot(inputs());
    const evidence: EvidenceEvaluation = { series: 'indri', results: new Map([['rc1-finalize-highlights', done('cycle-highlights has 3 bullets')]]), overruled: new Set() };
    const after = buildSnapshot(inputs({ evidence }));
    assert.equal(after.openInShownPhase.length, before.openInShownPhase.length - 1);
    assert.equal(openLine(after.summary.details), `Open tasks in this phase: ${after.openInShownPhase.length} of ${phase.tasks.length}`);
    assert.ok(doneIn(after, 'indri').has('rc1-finalize-highlights'));
    assert.equal(after.ticked.get('indri')?.size, 0, 'the user ticked nothing');
    assert.equal(taskStatusIn(after, 'indri', 'rc1-finalize-highlights').doneBy, 'evidence');
  });

  it('an overruled evidence stays open; evidence about another series counts for nothing', () => {
    const results = new Map([['rc1-finalize-highlights', done('ok')]]);
    const overruled = buildSnapshot(inputs({ evidence: { series: 'indri', results, overruled: new Set(['rc1-finalize-highlights']) } }));
    assert.ok(overruled.openInShownPhase.some((t) => t.id === 'rc1-finalize-highlights'));
    assert.equal(taskStatusIn(overruled, 'indri', 'rc1-finalize-highlights').overruled, true);
    const other = buildSnapshot(inputs({ evidence: { series: 'hibiscus', results, overruled: new Set() } }));
    assert.ok(other.openInShownPhase.some((t) => t.id === 'rc1-finalize-highlights'));
  });

  it('lists overdue tasks in the tooltip from the same evidence', () => {
    const evidence: EvidenceEvaluation = { series: 'indri', results: new Map([['rc1-release', { state: 'overdue', text: 'no rc1', deadline: rc1Week }]]), overruled: new Set() };
    const snapshot = buildSnapshot(inputs({ evidence }));
    assert.deepEqual(snapshot.overdue.map((o) => o.task.id), ['rc1-release']);
    assert.ok(snapshot.summary.details.includes(snapshot.overdue[0].line), snapshot.summary.details.join('\n'));
  });

  it('puts the day\'s problem first and the data\'s problems with their place', () => {
    const snapshot = buildSnapshot(
      inputs({
        dayProblem: { rule: 'today-setting', severity: 'warning', message: msg('the "glanceReleaseCycle.today" setting is not a date (YYYY-MM-DD): "soon"') },
        problems: [{ rule: 'series-entry', severity: 'warning', message: msg('bad entry'), file: 'data/series_status.yaml', root: 'releases', line: 7 }],
      }),
    );
    assert.match(snapshot.summary.details[0], /^Problem: the "glanceReleaseCycle.today" setting is not a date/);
    assert.ok(snapshot.summary.details.includes('Problem: releases/data/series_status.yaml:7: bad entry'), snapshot.summary.details.join('\n'));
    assert.equal(snapshot.summary.hasProblems, true);
    assert.equal(snapshot.problems.length, 2);
  });
});

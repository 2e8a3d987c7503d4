import * as assert from 'node:assert/strict';
import { findPhase, type PhaseId } from '../../src/core/checklist/checklist';
import { phaseAt } from '../../src/core/calendar/phase';
import { summarize } from '../../src/core/calendar/phaseText';
import { loadChecklist, realScheduleSet } from './helpers';

const checklist = loadChecklist();
const set = realScheduleSet();
const noneDone = (_series: string, phaseId: PhaseId) => findPhase(checklist, phaseId).tasks;

describe('status-bar words', () => {
  it('names series, release-id, week, phase, next deadline and open tasks', () => {
    const summary = summarize({ checklist, result: phaseAt('2026-11-25', set), openTasks: noneDone, origin: 'bundled schedule data', problems: [] });
    assert.equal(summary.text, 'Indri: Between Milestone-1 and Milestone-2');
    assert.deepEqual(summary.details, [
      'Indri (2027.1), week R-17: Between Milestone-1 and Milestone-2',
      'Next deadline: Indri-2 milestone, Thu 14 Jan 2027, in 50 days',
      'Open tasks in this phase: 2 of 2',
      'Coming up: 2026.2 Hibiscus Cycle-Trailing Release Deadline (Thu 3 Dec 2026)',
      'Schedule data: bundled schedule data.',
    ]);
  });

  it("mentions the previous series' open Post-Final tasks while they overlap", () => {
    const summary = summarize({ checklist, result: phaseAt('2026-10-14', set), openTasks: noneDone, origin: 'x', problems: [] });
    assert.equal(summary.text, 'Indri: Before PTG (after closing previous release)');
    assert.ok(summary.details.includes('Hibiscus: 2 open Post-Final Release tasks'), summary.details.join('\n'));
    assert.ok(summary.details.includes('Next deadline: Indri PTG (virtual), Thu 15 Oct 2026, tomorrow'), summary.details.join('\n'));
  });

  it('says the next schedule is unknown after the newest one', () => {
    const summary = summarize({ checklist, result: phaseAt('2027-04-15', set), openTasks: noneDone, origin: 'x', problems: [], nextScheduleFrom: 'opendev.org (checked once a day)' });
    assert.equal(summary.text, 'Indri: Post-Final Release · next schedule not known yet');
    assert.equal(summary.ok, false, 'the status bar warns: the phase is a guess until a newer schedule is known');
    assert.equal(summary.nextScheduleUnknown, true);
    assert.ok(summary.details.includes('Next deadline: none known'));
    assert.ok(summary.details.includes('The schedule after Indri is not known yet: it would come from opendev.org (checked once a day).'), summary.details.join('\n'));
  });

  it('says what is missing, and what to do, outside every schedule', () => {
    const summary = summarize({ checklist, result: phaseAt('2025-01-01', set), openTasks: noneDone, origin: 'bundled schedule data', problems: ['x.yaml: cycle: bad'] });
    assert.equal(summary.ok, false);
    assert.equal(summary.text, 'Glance: no schedule for 2025-01-01');
    assert.equal(summary.details[0], '2025-01-01 is before every known schedule (they start 2026-04-06).');
    assert.match(summary.details[1], /releasesCheckoutPath/);
    assert.ok(summary.details.includes('Problem: x.yaml: cycle: bad'), summary.details.join('\n'));
  });
});

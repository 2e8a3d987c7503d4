import * as assert from 'node:assert/strict';
import { PHASE_IDS, type PhaseId } from '../../src/core/checklist/checklist';
import { addDaysTo } from '../../src/core/calendar/days';
import { phaseAt, phaseOfSeriesAt, STALE_AFTER_DAYS, type PhaseAt } from '../../src/core/calendar/phase';
import { deadlineText } from '../../src/core/calendar/phaseText';
import type { ScheduleSet } from '../../src/core/calendar/schedule';
import { realScheduleSet } from './helpers';

const set = realScheduleSet();

function at(day: string, schedules: ScheduleSet = set): PhaseAt {
  const result = phaseAt(day, schedules);
  assert.equal(result.kind, 'phase', `${day} should be inside a schedule`);
  return result as PhaseAt;
}

describe('phaseAt on the real Hibiscus and Indri schedules', () => {
  it('2026-11-25 is Indri R-17, between Milestone-1 and Milestone-2, next Indri-2 on 2027-01-14', () => {
    const r = at('2026-11-25');
    assert.equal(r.series, 'indri');
    assert.equal(r.releaseId, '2027.1');
    assert.equal(r.week, 'R-17');
    assert.equal(r.phaseId, 'm1-to-m2');
    assert.equal(r.nextDeadline?.eventId, 'i-2');
    assert.equal(r.nextDeadline?.day, '2027-01-14');
    assert.equal(r.nextDeadline?.daysAway, 50);
    assert.equal(deadlineText(r.nextDeadline!), 'Indri-2 milestone, Thu 14 Jan 2027, in 50 days');
    assert.deepEqual(r.upcoming.map((u) => u.eventId), ['i-cycle-trail']);
  });

  it('follows the examples of docs/domain.md#schedule-and-phases', () => {
    const m1 = at('2026-11-18');
    assert.deepEqual([m1.week, m1.phaseId, m1.nextDeadline?.eventId, m1.nextDeadline?.day], ['R-18', 'milestone-1', 'i-1', '2026-11-19']);
    const ptg = at('2026-10-14');
    assert.deepEqual([ptg.series, ptg.week, ptg.phaseId], ['indri', 'R-23', 'before-ptg']);
    assert.equal(ptg.previousSeries, 'hibiscus', 'Hibiscus Post-Final overlaps Indri Before PTG');
    const final = at('2026-09-30');
    assert.deepEqual([final.series, final.week, final.phaseId], ['hibiscus', 'R+0', 'final-release']);
  });

  it('reaches every phase across the two schedules, in order', () => {
    const seen: PhaseId[] = [];
    for (let day = '2026-04-06'; day <= '2027-04-04'; day = addDaysTo(day, 1)) {
      const r = at(day);
      if (r.series === 'indri' && seen[seen.length - 1] !== r.phaseId) seen.push(r.phaseId);
    }
    assert.deepEqual(seen, [...PHASE_IDS]);
  });

  it('changes phase at week boundaries (Monday), not mid-week', () => {
    // Indri-1 is in the week of 2026-11-16.
    assert.equal(at('2026-11-15').phaseId, 'summit-to-m1');
    assert.equal(at('2026-11-16').phaseId, 'milestone-1');
    assert.equal(at('2026-11-22').phaseId, 'milestone-1', 'Sunday still belongs to the Mon–Fri week listed');
    assert.equal(at('2026-11-23').phaseId, 'm1-to-m2');
  });

  it('finds the weeks of X-1, X-rc1 and X-final', () => {
    assert.deepEqual([at('2026-11-19').week, at('2026-11-19').phaseId], ['R-18', 'milestone-1']);
    const rc1 = at('2027-03-03');
    assert.deepEqual([rc1.week, rc1.phaseId, rc1.nextDeadline?.eventId], ['R-3', 'rc1-week', 'i-rc1']);
    const final = at('2027-03-24');
    assert.deepEqual([final.week, final.phaseId], ['R+0', 'final-release']);
    assert.equal(final.nextDeadline?.day, '2027-03-24', 'the release is the series initial-release day (a Wednesday)');
    const afterRc1 = at('2027-03-10');
    assert.equal(afterRc1.phaseId, 'rc1-to-final');
    assert.deepEqual(afterRc1.upcoming.map((u) => u.eventId), ['i-finalrc']);
  });

  it('puts the week between two schedules into the older series Post-Final', () => {
    // Hibiscus R+0 is the week of 2026-09-28; Indri R-24 starts 2026-10-05. Saturday/Sunday of R+0:
    assert.equal(at('2026-10-04').phaseId, 'final-release');
    const gapSet: ScheduleSet = { ...set, schedules: set.schedules.map((s) => (s.series === 'indri' ? { ...s, weeks: s.weeks.filter((w) => w.start >= '2026-10-19') } : s)) };
    const gap = at('2026-10-07', gapSet);
    assert.deepEqual([gap.series, gap.phaseId, gap.week, gap.nextScheduleUnknown], ['hibiscus', 'post-final', undefined, false]);
    assert.equal(gap.nextDeadline?.series, 'indri');
  });

  it('after the newest schedule: its Post-Final, saying the next schedule is unknown', () => {
    const r = at('2027-04-15');
    assert.deepEqual([r.series, r.phaseId, r.nextScheduleUnknown, r.nextDeadline], ['indri', 'post-final', true, undefined]);
  });

  it('outside every schedule: before the first, or long after the last', () => {
    const before = phaseAt('2025-01-01', set);
    assert.deepEqual(before, { kind: 'outside', day: '2025-01-01', reason: 'before-first', firstDay: '2026-04-06', lastDay: '2027-03-28' });
    const stale = phaseAt(addDaysTo('2027-03-28', STALE_AFTER_DAYS + 1), set);
    assert.equal(stale.kind === 'outside' && stale.reason, 'after-last');
    assert.deepEqual(phaseAt('2026-11-25', { series: [], schedules: [], origin: 'none' }), { kind: 'outside', day: '2026-11-25', reason: 'no-schedules' });
  });

  it('gives the phase of a chosen series', () => {
    assert.equal(phaseOfSeriesAt('2026-11-25', set, 'hibiscus'), 'post-final');
    assert.equal(phaseOfSeriesAt('2026-11-25', set, 'indri'), 'm1-to-m2');
    assert.equal(phaseOfSeriesAt('2026-01-05', set, 'indri'), undefined);
    assert.equal(phaseOfSeriesAt('2026-11-25', set, 'gazpacho'), 'post-final', 'released series without a schedule');
    assert.equal(phaseOfSeriesAt('2026-11-25', set, 'juniper'), undefined, 'a series nobody has heard of');
  });
});

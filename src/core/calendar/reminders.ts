// Deadlines ahead: which of the current series' deadlines that concern Glance fall within the next
// N days, each with the checklist task it is about. Which events count, and their tasks, are data
// (`deadlines:` in resources/release-cycle.yaml).
import type { Checklist } from '../checklist/checklist';
import type { Day } from './days';
import { seriesDeadlines, type Deadline } from './phase';
import type { ScheduleSet } from './schedule';

export interface Reminder extends Deadline {
  taskId: string;
  /** Remembered once shown: `<eventId>` is unique across series (its letter names the series). */
  key: string;
}

/** Deadlines of `series` from `today` to `today + daysBefore` (inclusive) that the checklist names. */
export function upcomingReminders(checklist: Checklist, set: ScheduleSet, series: string, today: Day, daysBefore: number): Reminder[] {
  if (daysBefore <= 0) return [];
  const letter = series.charAt(0);
  const wanted = new Map((checklist.deadlines ?? []).map((d) => [`${letter}-${d.event}`, d.task]));
  return seriesDeadlines(set, series, today)
    .filter((d) => wanted.has(d.eventId) && d.daysAway >= 0 && d.daysAway <= daysBefore)
    .map((d) => ({ ...d, taskId: wanted.get(d.eventId)!, key: d.eventId }));
}

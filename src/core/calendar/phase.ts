// Date -> series, week, phase and next deadline, following docs/domain.md#schedule-and-phases.
import { addDaysTo, compareDays, daysBetween, type Day } from './days';
import { displayName, type PhaseId } from '../checklist/checklist';
import { seriesInfo, type Schedule, type ScheduleSet, type Week } from './schedule';

export interface Deadline {
  eventId: string;
  title: string;
  series: string;
  day: Day;
  /** Calendar days from the asked day (0 = today). */
  daysAway: number;
}

export interface PhaseAt {
  kind: 'phase';
  day: Day;
  series: string;
  releaseId?: string;
  phaseId: PhaseId;
  /** R-17; missing after the schedule ends. */
  week?: string;
  nextDeadline?: Deadline;
  /** Other events of the next three weeks (feature freeze, final library releases, ...). */
  upcoming: Deadline[];
  /** The older series whose Post-Final Release overlaps this phase. */
  previousSeries?: string;
  /** Past the end of the newest schedule: the next series' schedule is not known yet. */
  nextScheduleUnknown: boolean;
}

interface OutsideSchedules {
  kind: 'outside';
  day: Day;
  reason: 'no-schedules' | 'before-first' | 'after-last';
  /** The first and last named days of the known schedules. */
  firstDay?: Day;
  lastDay?: Day;
}

export type PhaseResult = PhaseAt | OutsideSchedules;

/** After the newest schedule ends, its Post-Final lasts at most one more cycle before the data is called stale. */
export const STALE_AFTER_DAYS = 26 * 7;

const UPCOMING_WINDOW_DAYS = 21;

function namedWeeks(schedule: Schedule): Week[] {
  return schedule.weeks.filter((w) => w.name);
}

/** Schedules ordered oldest first by their first named week. */
function ordered(set: ScheduleSet): Schedule[] {
  const firstMonday = new Map(set.schedules.map((s) => [s, namedWeeks(s)[0].monday]));
  return [...set.schedules].sort((a, b) => compareDays(firstMonday.get(a)!, firstMonday.get(b)!));
}

function phaseEventIds(series: string): string[] {
  const x = series.charAt(0);
  return [`${x}-ptg`, `${x}-vptg`, `${x}-1`, `${x}-2`, `${x}-3`, `${x}-rc1`, `${x}-final`];
}

/** The phase of a week, by its position relative to the weeks that hold the phase events. */
function phaseOfWeek(schedule: Schedule, weekIndex: number): PhaseId {
  const x = schedule.series.charAt(0);
  const weekOf = (event: string) => schedule.weeks.findIndex((w) => w.events.includes(event));
  const ptg = Math.max(weekOf(`${x}-ptg`), weekOf(`${x}-vptg`));
  if (ptg >= 0 && weekIndex <= ptg) return 'before-ptg';
  const steps: Array<[string, PhaseId, PhaseId]> = [
    [`${x}-1`, 'summit-to-m1', 'milestone-1'],
    [`${x}-2`, 'm1-to-m2', 'milestone-2'],
    [`${x}-3`, 'm2-to-m3', 'milestone-3'],
    [`${x}-rc1`, 'm3-to-rc1', 'rc1-week'],
    [`${x}-final`, 'rc1-to-final', 'final-release'],
  ];
  for (const [event, before, during] of steps) {
    const at = weekOf(event);
    if (at < 0) continue; // a schedule without this event: skip the boundary rather than guess it
    if (weekIndex < at) return before;
    if (weekIndex === at) return during;
  }
  return 'post-final';
}

export interface PhaseSpan {
  /** Monday of its first week and Sunday of its last. */
  from: Day;
  to: Day;
  /** Its weeks' names (R-17…), in order. */
  weeks: string[];
}

/** When each phase of a series falls: its named weeks, grouped by phase (Post-Final: the R+ weeks). */
export function phaseSpans(schedule: Schedule): Map<PhaseId, PhaseSpan> {
  const spans = new Map<PhaseId, PhaseSpan>();
  schedule.weeks.forEach((week, index) => {
    if (!week.name) return;
    const phase = phaseOfWeek(schedule, index);
    const span = spans.get(phase);
    if (span) {
      span.to = week.sunday;
      span.weeks.push(week.name);
    } else spans.set(phase, { from: week.monday, to: week.sunday, weeks: [week.name] });
  });
  return spans;
}

function eventTitle(set: ScheduleSet, schedule: Schedule, eventId: string): string {
  const name = displayName(schedule.series);
  const known = schedule.eventTitles[eventId];
  // "PTG (virtual)" needs its series; "2026.2 Hibiscus Cycle-Trailing Release Deadline" already names one.
  if (known) return set.series.some((s) => known.includes(displayName(s.name))) ? known : `${name} ${known}`;
  const what = eventId.slice(eventId.indexOf('-') + 1);
  const generated: Record<string, string> = {
    ptg: `${name} PTG`,
    vptg: `${name} PTG (virtual)`,
    '1': `${name}-1 milestone`,
    '2': `${name}-2 milestone`,
    '3': `${name}-3 milestone`,
    rc1: `${name} RC1 target week`,
    final: `${name} release`,
    ff: `${name} feature freeze`,
    'final-lib': `${name} final release for non-client libraries`,
    'final-clientlib': `${name} final release for client libraries`,
    'cycle-highlights': `${name} cycle highlights deadline`,
    finalrc: `${name} final RCs`,
  };
  return generated[what] ?? `${name}: ${eventId}`;
}

/** Deadlines are the Thursday of their week; the release itself is the series' initial-release day. */
function eventDay(set: ScheduleSet, schedule: Schedule, week: Week, eventId: string): Day {
  if (eventId === `${schedule.series.charAt(0)}-final`) {
    const release = seriesInfo(set, schedule.series)?.initialRelease;
    if (release && release >= week.monday && release <= week.sunday) return release;
  }
  return week.thursday;
}

interface DatedEvent {
  eventId: string;
  schedule: Schedule;
  day: Day;
  isPhaseEvent: boolean;
}

const eventCache = new WeakMap<ScheduleSet, Map<Schedule, DatedEvent[]>>();

/** Events that belong to a schedule's own series (its letter), with their day; worked out once per set. */
function scheduleEvents(set: ScheduleSet, schedule: Schedule): DatedEvent[] {
  let perSet = eventCache.get(set);
  if (!perSet) eventCache.set(set, (perSet = new Map()));
  let events = perSet.get(schedule);
  if (!events) {
    const prefix = `${schedule.series.charAt(0)}-`;
    const phaseEvents = new Set(phaseEventIds(schedule.series));
    events = schedule.weeks.flatMap((week) =>
      week.events
        .filter((e) => e.startsWith(prefix))
        .map((eventId) => ({ eventId, schedule, day: eventDay(set, schedule, week, eventId), isPhaseEvent: phaseEvents.has(eventId) })),
    );
    perSet.set(schedule, events);
  }
  return events;
}

/** Titles are worked out only for the few events a result names. */
function asDeadline(set: ScheduleSet, event: DatedEvent, day: Day): Deadline {
  return {
    eventId: event.eventId,
    title: eventTitle(set, event.schedule, event.eventId),
    series: event.schedule.series,
    day: event.day,
    daysAway: daysBetween(day, event.day),
  };
}

/** Every event of a series' own schedule (its letter), dated and titled, in schedule order. */
export function seriesDeadlines(set: ScheduleSet, series: string, day: Day): Deadline[] {
  const schedule = set.schedules.find((s) => s.series === series);
  return schedule ? scheduleEvents(set, schedule).map((event) => asDeadline(set, event, day)) : [];
}

/** The phase at `day`, per the union of known schedules. */
export function phaseAt(day: Day, set: ScheduleSet): PhaseResult {
  const schedules = ordered(set);
  if (schedules.length === 0) return { kind: 'outside', day, reason: 'no-schedules' };
  const firstDay = namedWeeks(schedules[0])[0].monday;
  const lastNamed = namedWeeks(schedules[schedules.length - 1]);
  const lastDay = lastNamed[lastNamed.length - 1].sunday;

  for (let s = 0; s < schedules.length; s++) {
    const schedule = schedules[s];
    const weeks = schedule.weeks;
    const index = weeks.findIndex((w) => w.name && w.monday <= day && day <= w.sunday);
    if (index < 0) continue;
    const phaseId = phaseOfWeek(schedule, index);
    const previous = s > 0 ? schedules[s - 1] : undefined;
    return describe(set, schedules.slice(s), day, schedule, phaseId, {
      week: weeks[index].name,
      previousSeries: phaseId === 'before-ptg' ? previous?.series : undefined,
    });
  }

  if (day < firstDay) return { kind: 'outside', day, reason: 'before-first', firstDay, lastDay };
  if (daysBetween(lastDay, day) > STALE_AFTER_DAYS) return { kind: 'outside', day, reason: 'after-last', firstDay, lastDay };
  // Between two schedules, or after the newest one: the older series' Post-Final Release.
  const older = [...schedules].reverse().find((s) => namedWeeks(s)[0].monday <= day)!;
  const olderIndex = schedules.indexOf(older);
  return describe(set, schedules.slice(olderIndex), day, older, 'post-final', {
    nextScheduleUnknown: olderIndex === schedules.length - 1,
  });
}

/**
 * The phase of one chosen series at `day` (the view may show a series other than the current one):
 * its own phase inside its schedule, Post-Final after it, undefined before it starts or when unknown.
 */
export function phaseOfSeriesAt(day: Day, set: ScheduleSet, series: string): PhaseId | undefined {
  const schedule = set.schedules.find((s) => s.series === series);
  if (!schedule) {
    const info = seriesInfo(set, series);
    return info?.initialRelease && info.initialRelease < day ? 'post-final' : undefined;
  }
  const weeks = schedule.weeks;
  const named = weeks.filter((w) => w.name);
  if (day < named[0].monday) return undefined;
  if (day > named[named.length - 1].sunday) return 'post-final';
  const index = weeks.findIndex((w) => w.name && w.monday <= day && day <= w.sunday);
  return index < 0 ? undefined : phaseOfWeek(schedule, index);
}

function describe(
  set: ScheduleSet,
  fromHere: Schedule[],
  day: Day,
  schedule: Schedule,
  phaseId: PhaseId,
  extra: { week?: string; previousSeries?: string; nextScheduleUnknown?: boolean },
): PhaseAt {
  const horizon = addDaysTo(day, UPCOMING_WINDOW_DAYS);
  const events = fromHere
    .flatMap((s) => scheduleEvents(set, s))
    .filter((e) => e.day >= day)
    .sort((a, b) => compareDays(a.day, b.day));
  const next = events.find((e) => e.isPhaseEvent);
  const upcoming = events.filter((e) => e.day <= horizon && e !== next).map((e) => asDeadline(set, e, day));
  return {
    kind: 'phase',
    day,
    series: schedule.series,
    releaseId: seriesInfo(set, schedule.series)?.releaseId,
    phaseId,
    week: extra.week,
    nextDeadline: next && asDeadline(set, next, day),
    upcoming,
    previousSeries: extra.previousSeries,
    nextScheduleUnknown: extra.nextScheduleUnknown ?? false,
  };
}

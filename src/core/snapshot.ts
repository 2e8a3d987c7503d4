// One immutable picture of the release cycle, computed once per change (data loaded, tick, day,
// setting, series chosen). The tree, the status bar, the view's badge and message, the notifier and the
// API render from it: none of them recomputes the phase or rebuilds a done set.
import { findPhase, type Checklist, type Phase, type PhaseId, type SeriesNames, type Task } from './checklist/checklist';
import { compareDays, type Day } from './calendar/days';
import { phaseAt, phaseOfSeriesAt, phaseSpans, type PhaseResult, type PhaseSpan } from './calendar/phase';
import { summarize, type PhaseSummary } from './calendar/phaseText';
import { seriesInfo, type ScheduleSet } from './calendar/schedule';
import type { ScheduleSource } from './calendar/sources';

export interface SnapshotInputs {
  today: Day;
  checklist: Checklist;
  schedules: ScheduleSet;
  /** The series the user picked with Show Series…, if any. */
  chosenSeries?: string;
  /** Ticked task ids of a series. */
  ticks: (series: string) => ReadonlySet<string>;
  /** Where the schedules came from, for the tooltip. */
  origin: string;
  problems: readonly string[];
  /** Where a schedule newer than the newest known one would come from (said past its end). */
  nextScheduleFrom?: string;
  /** The source the schedules came from, and the tooltip's line for it. */
  source?: ScheduleSource;
  sourceLine?: string;
}

export interface Snapshot {
  readonly today: Day;
  readonly checklist: Checklist;
  readonly schedules: ScheduleSet;
  /** Today's phase (of today's series). */
  readonly phase: PhaseResult;
  /** The series today's date falls in, if any. */
  readonly currentSeries?: string;
  readonly chosenSeries?: string;
  /** The series the checklist shows: the user's choice, else today's series. */
  readonly shownSeries?: string;
  /** The phase of the shown series today (its own phase even when another series is current). */
  readonly shownPhaseId?: PhaseId;
  /** Done task ids per series, for the series the snapshot shows or mentions. */
  readonly done: ReadonlyMap<string, ReadonlySet<string>>;
  /** Open tasks of the shown series' current phase. */
  readonly openInShownPhase: readonly Task[];
  /** The status bar's words. */
  readonly summary: PhaseSummary;
  readonly problems: readonly string[];
  /** Where the schedules came from (checkout, upstream, cached copy, bundled data). */
  readonly source?: ScheduleSource;
  /** "from opendev.org, checked 3 h ago", "cached copy from 12 Oct, offline (…)", … */
  readonly sourceLine?: string;
  /** When each phase of the shown series falls (empty when its schedule is not known). */
  readonly shownSpans: ReadonlyMap<PhaseId, PhaseSpan>;
  /** Today's week of the shown series, when today is in its schedule. */
  readonly shownWeek?: string;
}

export function buildSnapshot(inputs: SnapshotInputs): Snapshot {
  const { today, checklist, schedules, chosenSeries } = inputs;
  const phase = phaseAt(today, schedules);
  const currentSeries = phase.kind === 'phase' ? phase.series : undefined;
  const shownSeries = chosenSeries ?? currentSeries;
  const shownPhaseId =
    shownSeries === undefined ? undefined : phase.kind === 'phase' && phase.series === shownSeries ? phase.phaseId : phaseOfSeriesAt(today, schedules, shownSeries);
  const mentioned = [shownSeries, currentSeries, phase.kind === 'phase' ? phase.previousSeries : undefined].filter((s): s is string => !!s);
  const done = new Map(mentioned.map((series) => [series, new Set(inputs.ticks(series))] as const));
  const open = (series: string, phaseId: PhaseId) => openTasks(findPhase(checklist, phaseId), done.get(series) ?? new Set());
  const summary = summarize({ checklist, result: phase, openTasks: open, origin: inputs.origin, problems: [...inputs.problems], nextScheduleFrom: inputs.nextScheduleFrom });
  return {
    today,
    checklist,
    schedules,
    phase,
    currentSeries,
    chosenSeries,
    shownSeries,
    shownPhaseId,
    done,
    openInShownPhase: shownSeries && shownPhaseId ? open(shownSeries, shownPhaseId) : [],
    summary,
    problems: inputs.problems,
    source: inputs.source,
    sourceLine: inputs.sourceLine,
    ...shownSchedule(schedules, shownSeries, today),
  };
}

function shownSchedule(schedules: ScheduleSet, series: string | undefined, today: Day): Pick<Snapshot, 'shownSpans' | 'shownWeek'> {
  const schedule = series ? schedules.schedules.find((s) => s.series === series) : undefined;
  if (!schedule) return { shownSpans: new Map() };
  const week = schedule.weeks.find((w) => w.name && compareDays(w.monday, today) <= 0 && compareDays(today, w.sunday) <= 0);
  return { shownSpans: phaseSpans(schedule), shownWeek: week?.name };
}

export function openTasks(phase: Phase, done: ReadonlySet<string>): Task[] {
  return phase.tasks.filter((t) => !done.has(t.id));
}

/** Done ids of a series the snapshot knows (empty for others: ask the model for those). */
export function doneIn(snapshot: Snapshot, series: string): ReadonlySet<string> {
  return snapshot.done.get(series) ?? new Set();
}

export function namesOf(snapshot: Pick<Snapshot, 'schedules'>, series: string): SeriesNames {
  return { series, releaseId: seriesInfo(snapshot.schedules, series)?.releaseId };
}

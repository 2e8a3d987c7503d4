// One immutable picture of the release cycle, computed once per change (data loaded, tick, evidence, day,
// setting, series chosen): today's phase, every task's status (ticks and evidence), the open and overdue
// tasks, the data's problems and the day's. The tree, the status bar, the view's badge and message, the
// new-phase message and the API render from it: none of them recomputes a phase, a status or a count.
import { findPhase, type Checklist, type Phase, type PhaseId, type SeriesNames, type Task } from './checklist/checklist';
import { compareDays, type Day } from './calendar/days';
import { phaseAt, phaseOfSeriesAt, phaseSpans, type PhaseResult, type PhaseSpan } from './calendar/phase';
import { summarize, type PhaseSummary } from './calendar/phaseText';
import { seriesInfo, type ScheduleSet } from './calendar/schedule';
import { longDay } from './calendar/dateText';
import { statusOf, type EvidenceEvaluation, type TaskStatus } from './checklist/taskStatus';
import { taskLabel } from './checklist/checklist';
import { t } from './l10n';
import { problemText, type Problem } from './problem';

export interface SnapshotInputs {
  today: Day;
  checklist: Checklist;
  schedules: ScheduleSet;
  /** The series the user picked with Show Series…, if any. */
  chosenSeries?: string;
  /** Ticked task ids of a series. */
  ticks: (series: string) => ReadonlySet<string>;
  /** The last evaluation of the evidence, when there is one (it is about one series). */
  evidence?: EvidenceEvaluation;
  /** Where the schedules came from, for the tooltip. */
  origin: string;
  /** Problems of the data files and settings behind the schedules. */
  problems: readonly Problem[];
  /** Said in the tooltip about the data's freshness (a releases checkout last fetched weeks ago). */
  notes?: readonly string[];
  /** A problem of today's date itself (the `today` setting is not a date): shown first. */
  dayProblem?: Problem;
  /** Where a schedule newer than the newest known one would come from (said past its end). */
  nextScheduleFrom?: string;
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
  /** Task ids shown done (the user's ticks and unoverruled evidence) per series the snapshot shows or mentions. */
  readonly done: ReadonlyMap<string, ReadonlySet<string>>;
  /** The user's own ticks of those series. */
  readonly ticked: ReadonlyMap<string, ReadonlySet<string>>;
  readonly evidence?: EvidenceEvaluation;
  /** Open tasks of the shown series' current phase (what the badge, the tooltip and the phase row count). */
  readonly openInShownPhase: readonly Task[];
  /** Overdue tasks of the shown series: the deadline they missed and the tooltip's line for each. */
  readonly overdue: ReadonlyArray<OverdueTask>;
  /** The status bar's words. */
  readonly summary: PhaseSummary;
  /** The day's problem first, then the data's. */
  readonly problems: readonly Problem[];
  /** When each phase of the shown series falls (empty when its schedule is not known). */
  readonly shownSpans: ReadonlyMap<PhaseId, PhaseSpan>;
  /** Today's week of the shown series, when today is in its schedule. */
  readonly shownWeek?: string;
}

export function buildSnapshot(inputs: SnapshotInputs): Snapshot {
  const { today, checklist, schedules, chosenSeries, evidence } = inputs;
  const phase = phaseAt(today, schedules);
  const currentSeries = phase.kind === 'phase' ? phase.series : undefined;
  const shownSeries = chosenSeries ?? currentSeries;
  const shownPhaseId =
    shownSeries === undefined ? undefined : phase.kind === 'phase' && phase.series === shownSeries ? phase.phaseId : phaseOfSeriesAt(today, schedules, shownSeries);
  const mentioned = [...new Set([shownSeries, currentSeries, phase.kind === 'phase' ? phase.previousSeries : undefined].filter((s): s is string => !!s))];
  const ticked = new Map(mentioned.map((series) => [series, new Set(inputs.ticks(series))] as const));
  const status = (series: string, taskId: string) => statusOf(evidence, ticked.get(series) ?? new Set(), series, taskId);
  const tasks = checklist.phases.flatMap((p) => p.tasks);
  const done = new Map(mentioned.map((series) => [series, new Set(tasks.filter((task) => status(series, task.id).done).map((task) => task.id))] as const));
  const open = (series: string, phaseId: PhaseId) => openTasks(findPhase(checklist, phaseId), done.get(series) ?? new Set());
  const names = shownSeries ? namesOf({ schedules }, shownSeries) : undefined;
  const overdue = shownSeries && names ? tasks.flatMap((task) => overdueOf(task, status(shownSeries, task.id), names)) : [];
  const problems = inputs.dayProblem ? [inputs.dayProblem, ...inputs.problems] : inputs.problems;
  const summary = summarize({
    checklist,
    result: phase,
    openTasks: open,
    origin: inputs.origin,
    problems: inputs.problems.map(problemText),
    dayProblem: inputs.dayProblem && problemText(inputs.dayProblem),
    extraLines: [...(inputs.notes ?? []), ...overdue.map((o) => o.line)],
    nextScheduleFrom: inputs.nextScheduleFrom,
  });
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
    ticked,
    evidence,
    openInShownPhase: shownSeries && shownPhaseId ? open(shownSeries, shownPhaseId) : [],
    overdue,
    summary,
    problems,
    ...shownSchedule(schedules, shownSeries, today),
  };
}

interface OverdueTask {
  task: Task;
  deadline?: Day;
  /** "Overdue since Thu 14 Jan 2027: Propose the final release" */
  line: string;
}

function overdueOf(task: Task, status: TaskStatus, names: SeriesNames): OverdueTask[] {
  if (!status.overdue || !status.evidence) return [];
  const deadline = status.evidence.deadline;
  return [{ task, deadline, line: t('Overdue since {0}: {1}', deadline ? longDay(deadline) : '?', taskLabel(task, names)) }];
}

/** A task's status in the snapshot (the user's ticks and the evidence); for series it does not mention, ticks only. */
export function taskStatusIn(snapshot: Snapshot, series: string, taskId: string, ticks?: ReadonlySet<string>): TaskStatus {
  return statusOf(snapshot.evidence, snapshot.ticked.get(series) ?? ticks ?? new Set(), series, taskId);
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

/** Ids shown done in a series the snapshot knows (empty for others: ask the model for those). */
export function doneIn(snapshot: Snapshot, series: string): ReadonlySet<string> {
  return snapshot.done.get(series) ?? new Set();
}

export function namesOf(snapshot: Pick<Snapshot, 'schedules'>, series: string): SeriesNames {
  return { series, releaseId: seriesInfo(snapshot.schedules, series)?.releaseId };
}

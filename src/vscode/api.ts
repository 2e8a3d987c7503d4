// The API activate() returns, for other extensions and scripts (see README, "API").
import { displayName } from '../core/checklist/checklist';
import { isDay, toDay } from '../core/calendar/days';
import { phaseAt } from '../core/calendar/phase';
import type { ScheduleSet } from '../core/calendar/schedule';
import type { Checklist } from '../core/checklist/checklist';
import { deadlineText, phaseTitle } from '../core/calendar/phaseText';
import type * as vscode from 'vscode';
import { renderTree, type ChecklistNode, type ChecklistProvider, type RenderedItem } from './checklist/checklistView';
import type { ReleaseCycleModel } from './model';
import type { Evidence } from '../core/evidence';
import type { UnreleasedEntry } from './releaseStatus';

export interface PhaseInfo {
  /** Lower-case code name (indri). */
  series: string;
  seriesTitle: string;
  /** 2027.1, when known. */
  releaseId?: string;
  phaseId: string;
  phaseTitle: string;
  /** R-17, when the date is inside the schedule. */
  week?: string;
  nextDeadline?: { eventId: string; title: string; date: string; daysAway: number; text: string };
}

export interface TaskState {
  id: string;
  phaseId: string;
  phaseTitle: string;
  text: string;
  /** Ticked by the user, or done by evidence the user did not mark "not done". */
  done: boolean;
  doneBy?: 'you' | 'evidence';
  /** What the files say about the task (tasks with an evidence rule, once read). */
  evidence?: Evidence;
}

export interface GlanceReleaseCycleApi {
  /** Resolves when the schedules and the checklist are loaded. */
  ready(): Promise<void>;
  /**
   * The phase for a date (default today) from the schedules parsed for today's views; `undefined`
   * outside them. `phaseOn` answers for any date.
   */
  phaseAt(date?: Date | string): PhaseInfo | undefined;
  /** The phase for any date (default today), parsing the schedules that date needs; `undefined` only outside every known schedule. */
  phaseOn(date?: Date | string): Promise<PhaseInfo | undefined>;
  /**
   * The checklist of a series (default the one shown) with each task's done state and, for the shown
   * series, its evidence from the last reading (see `evidenceSettled`).
   */
  tasks(series?: string): TaskState[];
  /** Re-reads the evidence files (when `refresh`) and resolves once no evidence reading is pending. */
  evidenceSettled(refresh?: boolean): Promise<void>;
  /** Overdue tasks of the shown series, one line each (what the status bar's tooltip lists). */
  overdue(): string[];
  /** What the status bar says now: text (without icon), tooltip lines, and whether it shows a warning. */
  status(): { text: string; details: string[]; warning: boolean } | undefined;
  /** The Release Cycle view as drawn: badge, description, message, and the phases with their tasks. */
  view(): ViewSnapshot;
  /**
   * The problems of a deliverable file (absolute path, or relative to the releases checkout): schema,
   * yamllint and the release team's rules, the same list the Problems view shows.
   */
  validateDeliverable(path: string): Promise<Array<{ rule: string; severity: 'error' | 'warning' | 'information'; message: string; line: number }>>;
  /**
   * What is merged and not released, from the local clones: one entry per deliverable and branch found
   * (master and the stable branches of the series in development or maintained), read again when older
   * than five minutes. Empty in Restricted Mode.
   */
  unreleased(): Promise<UnreleasedEntry[]>;
}

export interface ViewSnapshot {
  visible: boolean;
  badge?: number;
  description?: string;
  message?: string;
  selection: string[];
  /** How many times the tree was redrawn since activation (a snapshot that changes nothing in it is not drawn). */
  redraws: number;
  items: RenderedItem[];
}

/** The API's view of one phase result: undefined outside every schedule of `set`. */
function phaseInfo(day: string, set: ScheduleSet, checklist: Checklist): PhaseInfo | undefined {
  const result = phaseAt(day, set);
  if (result.kind !== 'phase') return undefined;
  const next = result.nextDeadline;
  return {
    series: result.series,
    seriesTitle: displayName(result.series),
    releaseId: result.releaseId,
    phaseId: result.phaseId,
    phaseTitle: phaseTitle(checklist, result),
    week: result.week,
    nextDeadline: next && { eventId: next.eventId, title: next.title, date: next.day, daysAway: next.daysAway, text: deadlineText(next) },
  };
}

export function createApi(
  model: ReleaseCycleModel,
  provider: ChecklistProvider,
  treeView: vscode.TreeView<ChecklistNode>,
  actions: Pick<GlanceReleaseCycleApi, 'validateDeliverable' | 'unreleased'> & {
    /** Resolves once every part of the extension has started (dist/features.js loaded). */
    started(): Promise<unknown>;
  },
): GlanceReleaseCycleApi {
  const dayOf = (date: Date | string | undefined): string => {
    const day = date === undefined ? model.today() : typeof date === 'string' ? date : toDay(date);
    if (!isDay(day)) throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
    return day;
  };
  return {
    validateDeliverable: actions.validateDeliverable,
    unreleased: actions.unreleased,
    async ready() {
      await model.ready();
      await actions.started();
    },
    phaseAt(date) {
      const data = model.data;
      if (!data) throw new Error('Not loaded yet: await api.ready() first.');
      return phaseInfo(dayOf(date), data.schedules, data.checklist);
    },
    async phaseOn(date) {
      const day = dayOf(date);
      const set = await model.scheduleSetAt(day);
      const data = model.data;
      if (!set || !data) throw new Error('Not loaded yet: await api.ready() first.');
      return phaseInfo(day, set, data.checklist);
    },
    tasks(series) {
      const data = model.data;
      if (!data) throw new Error('Not loaded yet: await api.ready() first.');
      const name = series ?? model.shownSeries();
      return data.checklist.phases.flatMap((phase) =>
        phase.tasks.map((task): TaskState => {
          const status = name ? provider.taskStatus(name, task.id) : undefined;
          const state: TaskState = { id: task.id, phaseId: phase.id, phaseTitle: phase.title, text: task.text, done: status?.done ?? false };
          if (status?.doneBy) state.doneBy = status.doneBy;
          if (status?.evidence) state.evidence = { ...status.evidence };
          return state;
        }),
      );
    },
    async evidenceSettled(refresh = false) {
      const evidence = provider.evidence;
      if (!evidence) return;
      if (refresh) await evidence.refresh();
      await evidence.settled();
    },
    overdue() {
      return model.snapshot?.overdue.map((o) => o.line) ?? [];
    },
    status() {
      const summary = model.snapshot?.summary;
      return summary && { text: summary.text, details: summary.details, warning: !summary.ok || summary.hasProblems === true };
    },
    view() {
      return {
        visible: treeView.visible,
        badge: treeView.badge?.value,
        description: treeView.description,
        message: treeView.message,
        selection: treeView.selection.map((node) => (node.kind === 'task' ? node.task.id : node.kind === 'phase' ? node.phase.id : node.kind === 'child' ? node.child.label : node.text)),
        redraws: provider.redraws,
        items: renderTree(provider),
      };
    },
  };
}

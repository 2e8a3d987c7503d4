// Evidence for the shown series' tasks (issue 14): reads the facts off the activation path (on the
// first snapshot), re-reads when one of those few files is saved or changes on disk, when the model
// publishes a new day, series or data, and on demand; fires onDidChange after each evaluation.
import * as vscode from 'vscode';
import { allTasks, displayName, taskLabel } from '../../core/checklist/checklist';
import { evaluateEvidence, type Evidence, type EvidenceFacts, type TaskEvidenceSpec } from '../../core/evidence';
import type { Snapshot } from '../../core/snapshot';
import type { Loaded, ReleaseCycleModel } from '../model';
import { readFacts } from './facts';
import type { LiveFacts } from './liveFacts';
import { statusOf, type EvidenceEvaluation } from '../../core/checklist/taskStatus';

const OVERRIDES_KEY_PREFIX = 'glanceReleaseCycle.evidenceOverrides.';
const OVERDUE_SHOWN_KEY = 'glanceReleaseCycle.evidenceOverdueShown';
const OVERDUE_OFF_KEY = 'glanceReleaseCycle.evidenceOverdueMessagesOff';
const DONT_SHOW = vscode.l10n.t('Don\'t Show Again');

/** The actions an overdue-task message offers, by command id (the task's `actions` decide which). */
const OVERDUE_ACTIONS: Record<string, string> = {
  'glanceReleaseCycle.proposeRelease': vscode.l10n.t('Propose Release…'),
  'glanceReleaseCycle.addCycleHighlights': vscode.l10n.t('Add Cycle Highlights…'),
  'glanceReleaseCycle.newReleasePrelude': vscode.l10n.t('New Release Prelude…'),
};

interface Evaluation {
  series: string;
  results: Map<string, Evidence>;
  files: Map<string, vscode.Uri>;
  isRelevant(uri: vscode.Uri): boolean;
}

export class EvidenceService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current?: Evaluation;
  private running?: Promise<void>;
  private again = false;
  private seen?: { key: string; data?: Loaded };
  private watchKey = '';
  private watchers: vscode.Disposable[] = [];
  private disposed = false;
  /** The release status of the clones' master (issue 20), when it is wired in. */
  private unreleased?: (series: string) => EvidenceFacts['unreleased'];

  constructor(
    private readonly model: ReleaseCycleModel,
    private readonly state: vscode.Memento,
    private readonly live?: LiveFacts,
  ) {}

  /** The release status's answer for the library tasks ("nothing unreleased" is done). */
  useUnreleased(source: (series: string) => EvidenceFacts['unreleased']): void {
    this.unreleased = source;
  }

  /** The tasks' evidence rules, from resources/release-cycle.yaml. */
  private specs(): Record<string, TaskEvidenceSpec> {
    const checklist = this.model.data?.checklist;
    if (!checklist) return {};
    return Object.fromEntries(allTasks(checklist).flatMap((task) => (task.evidence ? [[task.id, task.evidence]] : [])));
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
    this.setWatchers([]);
  }

  /** A new snapshot: re-evaluates when the series, the day or the data changed (not on a tick). */
  onSnapshot(snapshot: Snapshot): void {
    const key = `${snapshot.shownSeries ?? ''}|${snapshot.today}`;
    if (this.seen && this.seen.key === key && this.seen.data === this.model.data) return;
    this.seen = { key, data: this.model.data };
    void this.refresh();
  }

  /** A saved or changed file: re-evaluates when it is one of those read. */
  onFile(uri: vscode.Uri): void {
    // While the first reading runs nothing says which files count: a save then reads again, so a file
    // saved after it was read (CURRENT_RELEASE just updated) is never left showing its old state.
    if (this.current ? this.current.isRelevant(uri) : this.running) void this.refresh();
  }

  /** Re-reads the facts and evaluates; resolves when the newest evaluation is published. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      do {
        this.again = false;
        try {
          await this.evaluate();
        } catch (error) {
          console.error('Glance Release Cycle: evidence could not be read', error);
          // The snapshot still learns that this evaluation is over (with nothing proven), so what waits
          // for the evidence (the new-phase message) does not wait for ever.
          const series = this.model.snapshot?.shownSeries;
          if (!this.current && series && !this.disposed) this.model.setEvidence({ series, results: new Map(), overruled: new Set() });
        }
      } while (this.again);
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves when no evaluation is pending. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  evidenceOf(series: string, taskId: string): Evidence | undefined {
    return this.current?.series === series ? this.current.results.get(taskId) : undefined;
  }

  isOverruled(series: string, taskId: string): boolean {
    return this.overrides(series).includes(taskId);
  }

  /** The file an evidence names, for opening. */
  fileOf(series: string, taskId: string): { uri: vscode.Uri; line?: number } | undefined {
    const evidence = this.evidenceOf(series, taskId);
    const uri = evidence?.file !== undefined ? this.current?.files.get(evidence.file) : undefined;
    return uri && { uri, line: evidence!.line };
  }

  /**
   * Call before storing ticks from the checkbox (or Mark as (Not) Done): unticking a task the evidence
   * says is done is remembered as the user's "not done"; ticking it again forgets that.
   */
  async recordTicks(changes: ReadonlyArray<{ series: string; taskId: string; done: boolean }>): Promise<void> {
    const bySeries = new Map<string, typeof changes[number][]>();
    for (const c of changes) bySeries.set(c.series, [...(bySeries.get(c.series) ?? []), c]);
    for (const [series, list] of bySeries) {
      const before = this.overrides(series);
      const next = new Set(before);
      for (const c of list) {
        if (c.done) next.delete(c.taskId);
        else if (this.evidenceOf(series, c.taskId)?.state === 'done') next.add(c.taskId);
      }
      if (next.size === before.length && before.every((id) => next.has(id))) continue;
      await this.state.update(OVERRIDES_KEY_PREFIX + series, next.size ? [...next].sort() : undefined);
    }
    this.publish();
  }

  /** Forgets the user's "not done" over the evidence (Reset Ticks…). */
  async clearOverrides(series: string): Promise<void> {
    await this.state.update(OVERRIDES_KEY_PREFIX + series, undefined);
    this.publish();
  }

  /** The evaluation and the user's overrides as the snapshot holds them. */
  private state_(): EvidenceEvaluation | undefined {
    const current = this.current;
    return current && { series: current.series, results: current.results, overruled: new Set(this.overrides(current.series)) };
  }

  /** Hands the newest state to the model (its next snapshot counts it), then tells listeners. */
  private publish(): void {
    if (this.disposed) return;
    this.model.setEvidence(this.state_());
    this.changed.fire();
  }

  private overrides(series: string): string[] {
    return this.state.get<string[]>(OVERRIDES_KEY_PREFIX + series) ?? [];
  }

  private overdueTasks() {
    const snapshot = this.model.snapshot;
    const series = this.current?.series;
    if (!snapshot || !series || series !== snapshot.shownSeries) return [];
    const ticks = this.model.ticked(series);
    const names = this.model.names(series);
    const state = this.state_();
    return allTasks(snapshot.checklist).flatMap((task) => {
      const status = statusOf(state, ticks, series, task.id);
      // The short title: these lines go into the status bar's tooltip and a message.
      return status.overdue && status.evidence ? [{ series, task, text: taskLabel(task, names), evidence: status.evidence }] : [];
    });
  }

  private async evaluate(): Promise<void> {
    const snapshot = this.model.snapshot;
    const data = this.model.data;
    const series = snapshot?.shownSeries;
    if (!snapshot || !data || !series) {
      this.current = undefined;
      this.setWatchers([]);
      this.publish();
      return;
    }
    const read = await readFacts(series, (await this.model.releasesCheckout()).uri);
    const results = evaluateEvidence(
      {
        series,
        releaseId: this.model.names(series).releaseId,
        today: snapshot.today,
        schedule: data.schedules.schedules.find((s) => s.series === series),
        facts: { ...read.facts, ...this.live?.read(series), unreleased: this.unreleased?.(series) },
      },
      this.specs(),
    );
    this.current = { series, results, files: read.files, isRelevant: read.isRelevant };
    // Disposed while reading (the extension stopped): no watcher nobody would dispose, no message.
    if (this.disposed) return;
    this.setWatchers(read.watch);
    this.publish();
    this.notifyOverdue();
  }

  private setWatchers(patterns: vscode.RelativePattern[]): void {
    const key = patterns.map((p) => `${p.baseUri.toString()}|${p.pattern}`).join('\n');
    if (key === this.watchKey) return;
    this.watchKey = key;
    for (const w of this.watchers) w.dispose();
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const again = () => void this.refresh();
      watcher.onDidChange(again);
      watcher.onDidCreate(again);
      watcher.onDidDelete(again);
      return watcher;
    });
  }

  /** Once per overdue task with an action to offer (remembered), unless turned off. */
  private notifyOverdue(): void {
    if (this.disposed || this.state.get<boolean>(OVERDUE_OFF_KEY)) return;
    // Only today's series: a past series picked to look back at would be all overdue.
    const snapshot = this.model.snapshot;
    if (!snapshot || this.current?.series !== snapshot.currentSeries) return;
    const shown = new Set(this.state.get<string[]>(OVERDUE_SHOWN_KEY) ?? []);
    for (const { series, task, text, evidence } of this.overdueTasks()) {
      const key = `${series}/${task.id}`;
      const actions = task.actions.filter((a) => OVERDUE_ACTIONS[a]);
      if (shown.has(key) || actions.length === 0) continue;
      shown.add(key);
      void this.state.update(OVERDUE_SHOWN_KEY, [...shown]);
      const buttons = actions.map((a) => OVERDUE_ACTIONS[a]);
      const message = vscode.l10n.t('Glance {0}: "{1}" is overdue since {2}. {3}', displayName(series), text, evidence.deadline ?? vscode.l10n.t('its deadline'), evidence.text);
      void vscode.window.showWarningMessage(message, ...buttons, DONT_SHOW).then(async (choice) => {
        if (choice === DONT_SHOW) await this.state.update(OVERDUE_OFF_KEY, true);
        const command = actions.find((a) => OVERDUE_ACTIONS[a] === choice);
        if (command) await vscode.commands.executeCommand(command, { series, taskId: task.id });
      });
    }
  }
}

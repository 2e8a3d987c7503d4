// The state the view, the status bar and the commands render: checklist, schedules, today's phase,
// the series shown and its ticks. It holds no domain rule: those are in src/core.
import * as vscode from 'vscode';
import { allTasks, findPhase, type Checklist, type Phase, type PhaseId, type SeriesNames } from '../core/checklist';
import { toDay, type Day } from '../core/days';
import { phaseAt, phaseOfSeriesAt, type PhaseResult } from '../core/phase';
import { knownSeries, seriesInfo, type ScheduleSet } from '../core/schedule';
import { TickStore } from '../core/tickStore';
import { findReleasesCheckout } from './checkouts';
import { combine, loadBundledData, loadCheckoutSchedules } from './dataSources';
import { todayOverride } from './settings';

const SHOWN_SERIES_KEY = 'glanceReleaseCycle.shownSeries';

export interface Loaded {
  checklist: Checklist;
  schedules: ScheduleSet;
  ticks: TickStore;
  /** The openstack/releases checkout whose schedules are in use (unset when none was found or readable). */
  releasesCheckout?: vscode.Uri;
  /** Data files that could not be used, one sentence each. */
  problems: string[];
}

export class ReleaseCycleModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private loaded?: Loaded;
  private loading?: Promise<Loaded>;
  private bundled?: Promise<Awaited<ReturnType<typeof loadBundledData>>>;
  private generation = 0;

  constructor(private readonly context: vscode.ExtensionContext) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The data, loading it on first use. */
  ready(): Promise<Loaded> {
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.load();
    return this.loading;
  }

  get data(): Loaded | undefined {
    return this.loaded;
  }

  /** Re-reads the checkout (settings or workspace folders changed, or the user asked). */
  reload(): Promise<Loaded> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<Loaded> {
    // Only the newest load may publish: an older one finishing late would bring back a stale checkout.
    const generation = ++this.generation;
    this.bundled ??= loadBundledData(this.context.extensionUri).catch((error: unknown) => {
      this.bundled = undefined; // try again next time rather than keep the failure
      throw error;
    });
    const bundled = await this.bundled;
    const problems: string[] = [];
    const found = await findReleasesCheckout();
    problems.push(...found.problems);
    let checkoutSet: ScheduleSet | undefined;
    if (found.uri) {
      const fromCheckout = await loadCheckoutSchedules(found.uri);
      checkoutSet = fromCheckout.set;
      problems.push(...fromCheckout.problems);
    }
    const ticks = new TickStore(this.context.globalState, new Set(allTasks(bundled.checklist).map((t) => t.id)));
    const schedules = combine(bundled.schedules, checkoutSet);
    const loaded: Loaded = { checklist: bundled.checklist, schedules, ticks, releasesCheckout: checkoutSet ? found.uri : undefined, problems };
    if (generation !== this.generation) return this.loading!;
    this.context.globalState.setKeysForSync(TickStore.syncKeys(knownSeries(schedules)));
    this.loaded = loaded;
    this.changed.fire();
    return loaded;
  }

  /** Tells listeners to redraw (the day or a setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  today(): Day {
    return todayOverride().day ?? toDay(new Date());
  }

  phase(day: Day = this.today()): PhaseResult | undefined {
    return this.loaded && phaseAt(day, this.loaded.schedules);
  }

  /** The series computed from today's date, if any. */
  currentSeries(): string | undefined {
    const phase = this.phase();
    return phase?.kind === 'phase' ? phase.series : undefined;
  }

  chosenSeries(): string | undefined {
    return this.context.globalState.get<string>(SHOWN_SERIES_KEY);
  }

  /** The series the checklist shows: the user's choice, else today's series. */
  shownSeries(): string | undefined {
    return this.chosenSeries() ?? this.currentSeries();
  }

  async chooseSeries(series: string | undefined): Promise<void> {
    await this.context.globalState.update(SHOWN_SERIES_KEY, series);
    this.changed.fire();
  }

  names(series: string): SeriesNames {
    return { series, releaseId: this.loaded && seriesInfo(this.loaded.schedules, series)?.releaseId };
  }

  /** The phase of the shown series today (its own phase even when another series is current). */
  shownPhaseId(): PhaseId | undefined {
    const series = this.shownSeries();
    if (!series || !this.loaded) return undefined;
    const phase = this.phase();
    if (phase?.kind === 'phase' && phase.series === series) return phase.phaseId;
    return phaseOfSeriesAt(this.today(), this.loaded.schedules, series);
  }

  done(series: string): Set<string> {
    return this.loaded ? this.loaded.ticks.done(series) : new Set();
  }

  async setDone(series: string, changes: ReadonlyArray<{ taskId: string; done: boolean }>): Promise<void> {
    const { ticks } = await this.ready();
    await ticks.set(series, changes);
    this.changed.fire();
  }

  async reset(series: string): Promise<void> {
    const { ticks } = await this.ready();
    await ticks.reset(series);
    this.changed.fire();
  }

  /** Open tasks of a phase for a series. */
  openTasks(series: string, phaseId: PhaseId): Phase['tasks'] {
    if (!this.loaded) return [];
    const done = this.done(series);
    return findPhase(this.loaded.checklist, phaseId).tasks.filter((t) => !done.has(t.id));
  }
}

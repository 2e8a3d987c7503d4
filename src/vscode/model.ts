// Loads the data (checklist, schedules, ticks) and publishes one immutable Snapshot per change, which
// the view, the status bar, the notifier and the API render. It holds no domain rule: those are in src/core.
import * as vscode from 'vscode';
import { allTasks, type Checklist, type SeriesNames } from '../core/checklist';
import { toDay, type Day } from '../core/days';
import { knownSeries, type ScheduleSet } from '../core/schedule';
import { buildSnapshot, namesOf, type Snapshot } from '../core/snapshot';
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
  private readonly changed = new vscode.EventEmitter<Snapshot>();
  readonly onDidChange = this.changed.event;
  private loaded?: Loaded;
  private current?: Snapshot;
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
    this.publish();
    return loaded;
  }

  /** Recomputes the snapshot and tells listeners (the day or a setting changed). */
  refresh(): void {
    this.publish();
  }

  /** The one picture every view renders from; undefined until the data is loaded. */
  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  private publish(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.current = buildSnapshot({
      today: todayOverride().day ?? toDay(new Date()),
      checklist: loaded.checklist,
      schedules: loaded.schedules,
      chosenSeries: this.chosenSeries(),
      ticks: (series) => loaded.ticks.done(series),
      origin: loaded.releasesCheckout
        ? `openstack/releases checkout "${loaded.schedules.origin}" (bundled data for series it lacks)`
        : 'bundled schedule data (no openstack/releases checkout in the workspace)',
      problems: loaded.problems,
    });
    this.changed.fire(this.current);
  }

  today(): Day {
    return this.current?.today ?? todayOverride().day ?? toDay(new Date());
  }

  /** The series computed from today's date, if any. */
  currentSeries(): string | undefined {
    return this.current?.currentSeries;
  }

  chosenSeries(): string | undefined {
    return this.context.globalState.get<string>(SHOWN_SERIES_KEY);
  }

  /** The series the checklist shows: the user's choice, else today's series. */
  shownSeries(): string | undefined {
    return this.current?.shownSeries;
  }

  async chooseSeries(series: string | undefined): Promise<void> {
    await this.context.globalState.update(SHOWN_SERIES_KEY, series);
    this.publish();
  }

  names(series: string): SeriesNames {
    return this.loaded ? namesOf(this.loaded, series) : { series };
  }

  /** Done task ids of any series (the snapshot holds those it shows; others are read from the store). */
  done(series: string): ReadonlySet<string> {
    return this.current?.done.get(series) ?? this.loaded?.ticks.done(series) ?? new Set();
  }

  async setDone(series: string, changes: ReadonlyArray<{ taskId: string; done: boolean }>): Promise<void> {
    const { ticks } = await this.ready();
    await ticks.set(series, changes);
    this.publish();
  }

  async reset(series: string): Promise<void> {
    const { ticks } = await this.ready();
    await ticks.reset(series);
    this.publish();
  }
}

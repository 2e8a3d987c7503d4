// Loads the data (checklist, schedules, ticks) and publishes one immutable Snapshot per change, which
// the view, the status bar, the notifier and the API render. It holds no domain rule: those are in src/core.
import * as vscode from 'vscode';
import { allTasks, type Checklist, type SeriesNames } from '../core/checklist/checklist';
import { toDay, type Day } from '../core/calendar/days';
import { knownSeries, type ScheduleSet } from '../core/calendar/schedule';
import type { SeriesCatalog } from '../core/calendar/seriesCatalog';
import { seriesStates, type SeriesState } from '../core/calendar/seriesState';
import { buildSnapshot, namesOf, type Snapshot } from '../core/snapshot';
import { chooseSource, sourceLine, type ScheduleSource } from '../core/calendar/sources';
import { TickStore } from '../core/checklist/tickStore';
import { findReleasesCheckout } from './checkouts';
import { combine, loadBundledData, loadCheckoutCatalog, withSchedules, type BundledData } from './calendar/dataSources';
import { todayOverride } from './settings';
import { UpstreamData, upstreamConfig, type UpstreamRead } from './calendar/upstreamData';

const SHOWN_SERIES_KEY = 'glanceReleaseCycle.shownSeries';

export interface Loaded {
  checklist: Checklist;
  schedules: ScheduleSet;
  ticks: TickStore;
  /** The openstack/releases checkout whose schedules are in use (unset when none was found or readable). */
  releasesCheckout?: vscode.Uri;
  /** Data files that could not be used, one sentence each. */
  problems: string[];
  /** Where the schedules come from (checkout, upstream, cached copy, bundled data). */
  source?: ScheduleSource;
}

/** The data behind the schedules: a catalog (checkout or upstream) over the bundled data. */
interface Picture {
  bundled: BundledData;
  catalog?: SeriesCatalog;
  /** ScheduleSet.origin of the catalog's set (the checkout's folder, upstream's host). */
  origin: string;
  source: ScheduleSource;
  /** Problems that do not come from the catalog's schedules (settings, series_status.yaml entries). */
  problems: string[];
  /** Said after the source line when upstream could not be used and nothing stands in but the bundle. */
  note?: string;
  /** Where the next schedule would come from, for the status bar past the newest one. */
  nextFrom: string;
  upstream?: UpstreamData;
}

export class ReleaseCycleModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Snapshot>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private loaded?: Loaded;
  /** The releases checkout found at the last load (used or not: its files' problems go to the Problems view). */
  checkoutFound?: { uri: vscode.Uri; label: string };
  private current?: Snapshot;
  private loading?: Promise<Loaded>;
  private bundled?: Promise<BundledData>;
  private generation = 0;
  private picture?: Picture;
  /** Series whose schedules the catalog was asked for (the loaded set holds them). */
  private readonly asked = new Set<string>();
  /** The background request to upstream of the newest load, if any. */
  private upstreamRefresh?: Promise<void>;
  private upstreamCheckedAt = 0;
  private upstreamStore?: UpstreamData;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('glanceReleaseCycle.upstream') && this.loading) void this.reload().catch(() => undefined);
      }),
    );
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  /** The data, loading it on first use. */
  ready(): Promise<Loaded> {
    if (this.loaded) return Promise.resolve(this.loaded);
    // A failed first load is not kept: the next caller tries again (a passing file-system hiccup).
    this.loading ??= this.load(false).catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  get data(): Loaded | undefined {
    return this.loaded;
  }

  /**
   * Re-reads the checkout (settings or workspace folders changed, or the user asked). `force` (the user
   * asked) also asks upstream now, and waits for its answer.
   */
  async reload(options: { force?: boolean } = {}): Promise<Loaded> {
    // As in ready(): a failed load is not kept for later callers.
    const loading: Promise<Loaded> = this.load(options.force ?? false).catch((error: unknown) => {
      if (this.loading === loading) this.loading = undefined;
      throw error;
    });
    this.loading = loading;
    const loaded = await loading;
    if (options.force && this.upstreamRefresh) await this.upstreamRefresh;
    return this.loaded ?? loaded;
  }

  /** The tooltip's source line for the data in use. */
  sourceText(): string | undefined {
    return this.picture && this.sourceLineOf(this.picture);
  }

  private dayNow(): Day {
    return todayOverride().day ?? toDay(new Date());
  }

  private async load(force: boolean): Promise<Loaded> {
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
    let picture: Picture | undefined;
    let upstream: UpstreamData | undefined;
    let checkoutFound: ReleaseCycleModel['checkoutFound'];
    if (found.uri) {
      const fromCheckout = await loadCheckoutCatalog(found.uri);
      problems.push(...fromCheckout.problems);
      checkoutFound = { uri: found.uri, label: fromCheckout.label };
      const folder = `"${fromCheckout.label}"`;
      const nextFrom = vscode.l10n.t('a newer openstack/releases checkout (update {0}; the release team adds doc/source/<series>/schedule.yaml)', fromCheckout.label);
      if (fromCheckout.catalog) {
        picture = { bundled, catalog: fromCheckout.catalog, origin: fromCheckout.label, source: { kind: 'checkout', folder }, problems, nextFrom };
      } else {
        picture = { bundled, origin: bundled.schedules.origin, source: { kind: 'bundled', builtAt: bundled.builtAt }, problems, nextFrom };
      }
    } else {
      const config = upstreamConfig();
      if (config.kind === 'bad-url') problems.push(config.problem);
      if (config.kind === 'on') {
        upstream = this.upstreamFor(config.baseUrl);
        const cached = await upstream.cached().catch(() => undefined);
        picture = this.upstreamPicture(bundled, upstream, cached, problems);
      } else {
        const nextFrom =
          config.kind === 'off'
            ? vscode.l10n.t('an openstack/releases checkout in the workspace (upstream data is off: glanceReleaseCycle.upstream.enabled)')
            : vscode.l10n.t('an openstack/releases checkout in the workspace, or upstream once glanceReleaseCycle.upstream.releasesUrl is fixed');
        picture = { bundled, origin: bundled.schedules.origin, source: { kind: 'bundled', builtAt: bundled.builtAt }, problems, nextFrom };
      }
    }
    const loaded = await this.assemble(picture, this.dayNow(), found.uri);
    if (generation !== this.generation) return this.loading ?? this.ready(); // a newer load answers
    // Only the newest load says which checkout the Problems view's data problems belong to.
    this.checkoutFound = checkoutFound;
    this.context.globalState.setKeysForSync(TickStore.syncKeys(knownSeries(loaded.schedules)));
    this.install(picture, loaded);
    this.upstreamRefresh = upstream ? this.refreshUpstream(upstream, generation, force, bundled, problems.slice()) : undefined;
    return loaded;
  }

  private upstreamFor(baseUrl: string): UpstreamData {
    if (this.upstreamStore?.baseUrl !== baseUrl) this.upstreamStore = new UpstreamData(baseUrl, this.context.globalStorageUri.fsPath);
    return this.upstreamStore;
  }

  private upstreamPicture(bundled: BundledData, upstream: UpstreamData, read: UpstreamRead | undefined, problems: string[]): Picture {
    const nextFrom = vscode.l10n.t('{0} ({1}, checked once a day; "Glance Release: Reload Release Schedule" checks now), or an openstack/releases checkout in the workspace', upstream.host, upstream.store.urlOf('data/series_status.yaml'));
    const candidates = { upstream: read?.result, host: upstream.host, bundled: { builtAt: bundled.builtAt } };
    const source = chooseSource(read?.catalog ? candidates : { ...candidates, upstream: undefined });
    if (!read?.catalog) {
      const problem = read?.result.problem;
      return { bundled, origin: bundled.schedules.origin, source, problems, nextFrom, upstream, note: problem && vscode.l10n.t('{0} could not be used: {1}', upstream.host, problem) };
    }
    return { bundled, catalog: read.catalog, origin: upstream.host, source, problems: [...problems, ...(read.problems ?? [])], nextFrom, upstream };
  }

  /** Asks upstream in the background (never on the activation path); publishes what it brings. */
  private async refreshUpstream(upstream: UpstreamData, generation: number, force: boolean, bundled: BundledData, problems: string[]): Promise<void> {
    let read: UpstreamRead;
    try {
      read = await upstream.fetch(force);
    } catch (error) {
      read = { result: { source: 'upstream', problem: error instanceof Error ? error.message : String(error) } };
    }
    if (generation !== this.generation) return;
    this.upstreamCheckedAt = Date.now();
    const previous = this.picture;
    // A failed refresh never replaces the cached copy already shown: it only says why it is not fresh.
    if (!read.catalog && previous?.catalog && previous.upstream === upstream) {
      const cachedAt = previous.source.kind === 'upstream' ? previous.source.checkedAt : previous.source.kind === 'cache' ? previous.source.fetchedAt : undefined;
      if (cachedAt) {
        const source: ScheduleSource = { kind: 'cache', host: upstream.host, fetchedAt: cachedAt, problem: read.result.problem };
        this.picture = { ...previous, source };
        this.publish();
        return;
      }
    }
    const picture = this.upstreamPicture(bundled, upstream, read, problems);
    const loaded = await this.assemble(picture, this.dayNow(), undefined);
    if (generation !== this.generation) return;
    this.context.globalState.setKeysForSync(TickStore.syncKeys(knownSeries(loaded.schedules)));
    this.install(picture, loaded);
  }

  /** The Loaded for a picture: the bundled data with the catalog's schedules for `day` over it. */
  private async assemble(picture: Picture, day: Day, checkout: vscode.Uri | undefined): Promise<Loaded> {
    const { bundled } = picture;
    const set = picture.catalog ? await picture.catalog.setFor(day, picture.origin) : undefined;
    const ticks = new TickStore(this.context.globalState, new Set(allTasks(bundled.checklist).map((t) => t.id)));
    return {
      checklist: bundled.checklist,
      schedules: combine(bundled.schedules, set),
      ticks,
      releasesCheckout: picture.catalog && picture.source.kind === 'checkout' ? checkout : undefined,
      problems: this.problemsOf(picture),
      source: picture.source,
    };
  }

  private problemsOf(picture: Picture): string[] {
    return [...picture.problems, ...(picture.catalog?.problems().map((p) => p.message) ?? [])];
  }

  private install(picture: Picture, loaded: Loaded): void {
    this.picture = picture;
    this.asked.clear();
    if (picture.catalog) for (const name of picture.catalog.seriesFor(this.dayNow())) this.asked.add(name);
    this.loaded = loaded;
    this.publish();
  }

  /** Parses the schedules a day needs that are not parsed yet (the day changed); true when any were. */
  private async extendTo(day: Day): Promise<boolean> {
    const picture = this.picture;
    const catalog = picture?.catalog;
    if (!catalog) return false;
    const names = catalog.seriesFor(day).filter((n) => !this.asked.has(n));
    if (names.length === 0) return false;
    names.forEach((n) => this.asked.add(n));
    const more = await Promise.all(names.map((n) => catalog.scheduleFor(n)));
    if (this.picture !== picture || !this.loaded) return false;
    this.loaded = { ...this.loaded, schedules: withSchedules(this.loaded.schedules, more.filter((s) => s !== undefined)), problems: this.problemsOf(picture) };
    return true;
  }

  /** Every known series with its state on today's date, newest first (parses every schedule: Show Series…). */
  async seriesStates(): Promise<SeriesState[]> {
    await this.ready();
    const picture = this.picture;
    if (picture?.catalog) {
      const all = await picture.catalog.allSchedules();
      picture.catalog.series.forEach((s) => this.asked.add(s.name));
      if (this.picture === picture && this.loaded) {
        const problems = this.problemsOf(picture);
        const changed = problems.length !== this.loaded.problems.length;
        this.loaded = { ...this.loaded, schedules: withSchedules(this.loaded.schedules, all), problems };
        if (changed) this.publish();
      }
    }
    const { schedules } = this.loaded!;
    return seriesStates(schedules.series, schedules.schedules, this.today());
  }

  /** Recomputes the snapshot and tells listeners (the day or a setting changed). */
  refresh(): void {
    // Upstream copies are re-validated once a calendar day: on the first refresh of a new day (a day
    // change, a setting), whatever the hour of the last check.
    if (this.picture?.upstream && this.upstreamCheckedAt && toDay(new Date(this.upstreamCheckedAt)) !== toDay(new Date())) {
      this.upstreamCheckedAt = Date.now();
      void this.reload({ force: true }).catch(() => undefined);
    }
    const day = this.dayNow();
    const picture = this.picture;
    if (picture?.catalog && picture.catalog.seriesFor(day).some((n) => !this.asked.has(n))) {
      // Another day needs schedules not parsed yet: parse them first, then publish once.
      void this.extendTo(day).then(
        () => this.publish(),
        () => this.publish(),
      );
      return;
    }
    this.publish();
  }

  /** The one picture every view renders from; undefined until the data is loaded. */
  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  private sourceLineOf(picture: Picture): string {
    const line = sourceLine(picture.source, new Date());
    return picture.note ? `${line}; ${picture.note}` : line;
  }

  private publish(): void {
    const loaded = this.loaded;
    const picture = this.picture;
    if (!loaded) return;
    const line = picture ? this.sourceLineOf(picture) : vscode.l10n.t('bundled with the extension');
    // The checklist suite (and users' habits) read 'openstack/releases checkout "<folder>"'.
    const origin = picture?.source.kind === 'checkout' ? vscode.l10n.t('openstack/{0} (bundled data for series it lacks)', line) : line;
    this.current = buildSnapshot({
      today: this.dayNow(),
      checklist: loaded.checklist,
      schedules: loaded.schedules,
      chosenSeries: this.chosenSeries(),
      ticks: (series) => loaded.ticks.done(series),
      origin,
      nextScheduleFrom: picture?.nextFrom,
      source: picture?.source,
      sourceLine: line,
      problems: loaded.problems,
    });
    this.changed.fire(this.current);
  }

  today(): Day {
    return this.current?.today ?? this.dayNow();
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

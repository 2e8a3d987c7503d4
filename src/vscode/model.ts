// Reads the data (checklist, schedules, ticks, the evidence's last answer) and publishes one immutable
// Snapshot per change, which every surface renders. I/O and events only: which data to show, what a failed
// refresh keeps and when upstream is asked again are decided in src/core/calendar/picture.ts.
import * as vscode from 'vscode';
import { allTasks, type Checklist, type SeriesNames } from '../core/checklist/checklist';
import { toDay, type Day } from '../core/calendar/days';
import { choosePicture, dueForRecheck, keptOverFailedRefresh, staleCheckoutText, type Picture, type PictureInputs } from '../core/calendar/picture';
import { knownSeries, type ScheduleSet } from '../core/calendar/schedule';
import type { SeriesCatalog } from '../core/calendar/seriesCatalog';
import { seriesStates, type SeriesState } from '../core/calendar/seriesState';
import { sourceLine } from '../core/calendar/sources';
import type { EvidenceEvaluation } from '../core/checklist/taskStatus';
import { messageText, msg, t, verbatim } from '../core/l10n';
import type { Problem } from '../core/problem';
import { buildSnapshot, namesOf, type Snapshot } from '../core/snapshot';
import { TickStore } from '../core/checklist/tickStore';
import { findReleasesCheckout } from './checkouts';
import { combine, loadBundledData, loadCheckoutCatalog, withSchedules, type BundledData } from './calendar/dataSources';
import { todayOverride } from './settings';
import { UpstreamData, upstreamConfig, SERIES_STATUS, type UpstreamRead } from './calendar/upstreamData';
import { ParseCache } from '../adapters/parseCache';

const SHOWN_SERIES_KEY = 'glanceReleaseCycle.shownSeries';

export interface Loaded {
  checklist: Checklist;
  schedules: ScheduleSet;
  ticks: TickStore;
  /** The openstack/releases checkout whose schedules are in use (unset when none was found or readable). */
  releasesCheckout?: vscode.Uri;
  /** Data files and settings that could not be used. */
  problems: readonly Problem[];
}

/** The releases checkout the last load found (used for the schedules or not), or why there is none. */
export interface FoundCheckout {
  uri?: vscode.Uri;
  /** How messages name it (its workspace folder name). */
  label?: string;
  /** Why the configured folder was not used, when the setting names one. */
  problem?: string;
  /** When it was last fetched (.git/FETCH_HEAD), when known. */
  fetchedAt?: Date;
}

interface Shown {
  picture: Picture<SeriesCatalog>;
  bundled: BundledData;
  upstream?: UpstreamData;
}

export class ReleaseCycleModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Snapshot>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private loaded?: Loaded;
  private found: FoundCheckout = {};
  private current?: Snapshot;
  private loading?: Promise<Loaded>;
  private bundled?: Promise<BundledData>;
  private generation = 0;
  private shown?: Shown;
  private evidence?: EvidenceEvaluation;
  /** Series whose schedules the catalog was asked for (the loaded set holds them). */
  private readonly asked = new Set<string>();
  /** The background request to upstream of the newest load, if any. */
  private upstreamRefresh?: Promise<void>;
  private upstreamCheckedAt?: Date;
  private upstreamStore?: UpstreamData;
  /** Parsed schedule files kept between starts: a warm start shows the phase without the YAML library. */
  readonly parseCache: ParseCache;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.parseCache = new ParseCache(context.globalStorageUri.fsPath);
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
   * The releases checkout of the workspace: the one lookup every command, the evidence and the
   * diagnostics share (found at each load, used for the schedules or not).
   */
  async releasesCheckout(): Promise<FoundCheckout> {
    await this.ready();
    return this.found;
  }

  /** The checkout the last load found, without waiting (undefined before the first load). */
  get checkoutFound(): FoundCheckout {
    return this.found;
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
    return this.shown && this.sourceLineOf(this.shown.picture);
  }

  private async load(force: boolean): Promise<Loaded> {
    // Only the newest load may publish: an older one finishing late would bring back a stale checkout.
    const generation = ++this.generation;
    this.bundled ??= loadBundledData(this.context.extensionUri).catch((error: unknown) => {
      this.bundled = undefined; // try again next time rather than keep the failure
      throw error;
    });
    const [bundled, found] = await Promise.all([this.bundled, findReleasesCheckout(), this.parseCache.load()]);
    const problems: Problem[] = found.problems.map((message) => ({ rule: 'setting', severity: 'warning', message }));
    const inputs: PictureInputs<SeriesCatalog> = { bundled: { builtAt: bundled.builtAt, origin: bundled.schedules.origin }, problems, upstream: { kind: 'off' } };
    let upstream: UpstreamData | undefined;
    let label: string | undefined;
    if (found.uri) {
      const fromCheckout = await loadCheckoutCatalog(found.uri, this.parseCache);
      label = fromCheckout.label;
      inputs.checkout = fromCheckout;
    } else {
      const config = upstreamConfig();
      if (config.kind === 'bad-url') problems.push({ rule: 'setting', severity: 'warning', message: verbatim(config.problem) });
      if (config.kind === 'on') {
        upstream = this.upstreamFor(config.baseUrl);
        inputs.upstream = this.upstreamInputs(upstream, await upstream.cached().catch(() => undefined));
      } else {
        inputs.upstream = { kind: config.kind };
      }
    }
    const shown: Shown = { picture: choosePicture(inputs), bundled, upstream };
    const { day } = readToday();
    const loaded = await this.assemble(shown, day, found.uri);
    if (generation !== this.generation) return this.loading ?? this.ready(); // a newer load answers
    // Only the newest load says which checkout the commands and the Problems view's data problems use.
    this.found = { uri: found.uri, label, problem: found.problems[0] && messageText(found.problems[0]), fetchedAt: found.uri && (await lastFetch(found.uri)) };
    this.install(shown, loaded, day);
    this.upstreamRefresh = upstream ? this.refreshUpstream(upstream, generation, force, inputs, bundled) : undefined;
    return loaded;
  }

  private upstreamFor(baseUrl: string): UpstreamData {
    if (this.upstreamStore?.baseUrl !== baseUrl) this.upstreamStore = new UpstreamData(baseUrl, this.context.globalStorageUri.fsPath, this.parseCache);
    return this.upstreamStore;
  }

  private upstreamInputs(upstream: UpstreamData, read: UpstreamRead | undefined): PictureInputs<SeriesCatalog>['upstream'] {
    return { kind: 'on', host: upstream.host, seriesUrl: upstream.store.urlOf(SERIES_STATUS), read: read && { answer: read.result, catalog: read.catalog, problems: read.problems } };
  }

  /** Asks upstream in the background (never on the activation path); publishes what it brings. */
  private async refreshUpstream(upstream: UpstreamData, generation: number, force: boolean, inputs: PictureInputs<SeriesCatalog>, bundled: BundledData): Promise<void> {
    let read: UpstreamRead;
    try {
      read = await upstream.fetch(force);
    } catch (error) {
      read = { result: { source: 'upstream', problem: error instanceof Error ? error.message : String(error) } };
    }
    if (generation !== this.generation) return;
    this.upstreamCheckedAt = new Date();
    const previous = this.shown;
    const kept = previous && keptOverFailedRefresh(previous.picture, upstream.host, { catalog: read.catalog, answer: read.result });
    if (kept && previous) {
      this.shown = { ...previous, picture: kept };
      this.publish();
      return;
    }
    const shown: Shown = { picture: choosePicture({ ...inputs, upstream: this.upstreamInputs(upstream, read) }), bundled, upstream };
    const { day } = readToday();
    const loaded = await this.assemble(shown, day, undefined);
    if (generation !== this.generation) return;
    this.install(shown, loaded, day);
  }

  /** The Loaded for a picture: the bundled data with the catalog's schedules for `day` over it. */
  private async assemble({ picture, bundled }: Shown, day: Day, checkout: vscode.Uri | undefined): Promise<Loaded> {
    const set = picture.catalog ? await picture.catalog.setFor(day, picture.origin) : undefined;
    const ticks = new TickStore(this.context.globalState, new Set(allTasks(bundled.checklist).map((task) => task.id)));
    return {
      checklist: bundled.checklist,
      schedules: combine(bundled.schedules, set),
      ticks,
      releasesCheckout: picture.catalog && picture.source.kind === 'checkout' ? checkout : undefined,
      problems: problemsOf(picture),
    };
  }

  private install(shown: Shown, loaded: Loaded, day: Day): void {
    this.shown = shown;
    this.asked.clear();
    if (shown.picture.catalog) for (const name of shown.picture.catalog.seriesFor(day)) this.asked.add(name);
    this.loaded = loaded;
    this.context.globalState.setKeysForSync(TickStore.syncKeys(knownSeries(loaded.schedules)));
    this.publish();
  }

  /**
   * The schedules any day needs, parsed on demand (the API's phaseOn: every date of every known
   * series), without changing what the views show.
   */
  async scheduleSetAt(day: Day): Promise<Loaded['schedules'] | undefined> {
    await this.ready();
    const shown = this.shown;
    const loaded = this.loaded;
    if (!shown || !loaded) return undefined;
    const catalog = shown.picture.catalog;
    if (!catalog) return loaded.schedules;
    return combine(shown.bundled.schedules, await catalog.setFor(day, shown.picture.origin));
  }

  /** Parses the schedules a day needs that are not parsed yet (the day changed); true when any were. */
  private async extendTo(day: Day): Promise<boolean> {
    const shown = this.shown;
    const catalog = shown?.picture.catalog;
    if (!catalog) return false;
    const names = catalog.seriesFor(day).filter((n) => !this.asked.has(n));
    if (names.length === 0) return false;
    names.forEach((n) => this.asked.add(n));
    const more = await Promise.all(names.map((n) => catalog.scheduleFor(n)));
    if (this.shown !== shown || !this.loaded) return false;
    this.loaded = { ...this.loaded, schedules: withSchedules(this.loaded.schedules, more.filter((s) => s !== undefined)), problems: problemsOf(shown.picture) };
    return true;
  }

  /** Every known series with its state on today's date, newest first (parses every schedule: Show Series…). */
  async seriesStates(): Promise<SeriesState[]> {
    await this.ready();
    const shown = this.shown;
    const catalog = shown?.picture.catalog;
    if (shown && catalog) {
      const all = await catalog.allSchedules();
      catalog.series.forEach((s) => this.asked.add(s.name));
      if (this.shown === shown && this.loaded) {
        const problems = problemsOf(shown.picture);
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
    if (this.shown?.upstream && dueForRecheck(this.upstreamCheckedAt, new Date())) {
      this.upstreamCheckedAt = new Date();
      void this.reload({ force: true }).catch(() => undefined);
    }
    this.publish();
  }

  /** The evidence's newest evaluation: the next snapshot counts it (the evidence service calls this). */
  setEvidence(evidence: EvidenceEvaluation | undefined): void {
    this.evidence = evidence;
    this.publish();
  }

  /** The one picture every view renders from; undefined until the data is loaded. */
  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  private sourceLineOf(picture: Picture<SeriesCatalog>): string {
    const line = sourceLine(picture.source, new Date());
    return picture.note ? `${line}; ${picture.note}` : line;
  }

  /**
   * Builds and fires the snapshot for today, read once here: a day whose schedules are not parsed yet
   * (a new day, a setting) has them parsed first, so the snapshot never labels one day with another's data.
   */
  private publish(): void {
    const today = readToday();
    const catalog = this.shown?.picture.catalog;
    if (catalog && catalog.seriesFor(today.day).some((n) => !this.asked.has(n))) {
      void this.extendTo(today.day).then(
        () => this.emit(today),
        () => this.emit(today),
      );
      return;
    }
    this.emit(today);
  }

  private emit({ day, invalid }: Today): void {
    const loaded = this.loaded;
    const picture = this.shown?.picture;
    if (!loaded) return;
    const line = picture ? this.sourceLineOf(picture) : t('bundled with the extension');
    // The checklist suite (and users' habits) read 'openstack/releases checkout "<folder>"'.
    const origin = picture?.source.kind === 'checkout' ? t('openstack/{0} (bundled data for series it lacks)', line) : line;
    this.current = buildSnapshot({
      today: day,
      checklist: loaded.checklist,
      schedules: loaded.schedules,
      chosenSeries: this.chosenSeries(),
      ticks: (series) => loaded.ticks.done(series),
      evidence: this.evidence,
      origin,
      nextScheduleFrom: picture?.nextFrom,
      notes: this.freshnessNotes(),
      problems: loaded.problems,
      dayProblem: invalid === undefined ? undefined : { rule: 'today-setting', severity: 'warning', message: msg('the "glanceReleaseCycle.today" setting is not a date (YYYY-MM-DD): "{0}"', invalid) },
    });
    this.changed.fire(this.current);
  }

  /** The releases checkout in use is old (last fetched more than a week ago): the tooltip says so. */
  private freshnessNotes(): string[] {
    const { uri, label, fetchedAt } = this.found;
    const stale = uri && label && this.loaded?.releasesCheckout ? staleCheckoutText(label, fetchedAt, new Date()) : undefined;
    return stale ? [stale] : [];
  }

  today(): Day {
    return this.current?.today ?? readToday().day;
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

  /** The user's ticks of any series (the snapshot holds those it shows; others are read from the store). */
  ticked(series: string): ReadonlySet<string> {
    return this.current?.ticked.get(series) ?? this.loaded?.ticks.done(series) ?? new Set();
  }

  /** Task ids shown done in a series: the snapshot's count (ticks and evidence) when it shows it, else the ticks. */
  done(series: string): ReadonlySet<string> {
    return this.current?.done.get(series) ?? this.ticked(series);
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

interface Today {
  day: Day;
  /** The `today` setting's text when it is not a date. */
  invalid?: string;
}

/** Today: the `today` setting when it is a date, else the calendar day; read once per snapshot. */
function readToday(): Today {
  const override = todayOverride();
  return { day: override.day ?? toDay(new Date()), invalid: override.invalid };
}

/** The modification time of the checkout's .git/FETCH_HEAD (written by every fetch and pull). */
async function lastFetch(checkout: vscode.Uri): Promise<Date | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(checkout, '.git', 'FETCH_HEAD'));
    return stat.mtime ? new Date(stat.mtime) : undefined;
  } catch {
    return undefined; // not a clone, a worktree (.git is a file), or never fetched
  }
}

function problemsOf(picture: Picture<SeriesCatalog>): Problem[] {
  return [...picture.problems, ...(picture.catalog?.problems() ?? [])];
}

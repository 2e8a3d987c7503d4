// Every series' schedule, read and parsed only when a date needs it. A full releases checkout holds a
// schedule per series; the status bar needs two or three of them, so the rest are never parsed.
// The YAML parser comes in as a parameter: this module stays off the parser-free startup path's imports.
import { addDaysTo, compareDays, type Day } from './days';
import { scheduleRstTitles, type Schedule, type ScheduleSet, type SeriesInfo } from './schedule';
import { problemOfError } from '../dataErrors';
import type { Problem } from '../problem';

export type ParseSchedule = (series: string, yamlText: string, source: string, eventTitles?: Record<string, string>) => Schedule;

export interface CatalogOptions {
  /** series_status.yaml's entries, newest first (after seriesRules' checks). */
  series: SeriesInfo[];
  /** A repository path ("doc/source/indri/schedule.yaml") -> its text; undefined when the file does not exist. */
  read: (relPath: string) => Promise<string | undefined>;
  /** scheduleYaml.parseSchedule, passed by the caller. */
  parse: ParseSchedule;
  /** How messages name a file; default the repository path. */
  label?: (relPath: string) => string;
  /** How problems name the files' root (a checkout's folder name, upstream's base URL). */
  root?: string;
  /** How long after its release a series still counts as the one a date needs. Default 28 days. */
  marginDays?: number;
}

const DEFAULT_MARGIN_DAYS = 28;

function schedulePath(series: string, file: 'schedule.yaml' | 'schedule.rst' = 'schedule.yaml'): string {
  return `doc/source/${series}/${file}`;
}

export class SeriesCatalog {
  readonly series: SeriesInfo[];
  private readonly options: CatalogOptions;
  private readonly memo = new Map<string, Promise<Schedule | undefined>>();
  private readonly problemsBySeries = new Map<string, Problem>();
  private readonly missingSeries = new Set<string>();
  /** Series with a release date, oldest first: the date windows. */
  private readonly dated: SeriesInfo[];

  constructor(options: CatalogOptions) {
    this.options = options;
    this.series = options.series;
    this.dated = options.series.filter((s) => s.initialRelease).sort((a, b) => compareDays(a.initialRelease!, b.initialRelease!));
  }

  /** The series' schedule, parsed on first need and remembered (a failure too: it is reported once). */
  scheduleFor(series: string): Promise<Schedule | undefined> {
    let pending = this.memo.get(series);
    if (!pending) {
      pending = this.load(series);
      this.memo.set(series, pending);
    }
    return pending;
  }

  /**
   * The series a day needs: the one whose window (after the previous series' release, up to its own release
   * plus a margin) holds the day, and its older and newer neighbours (Post-Final overlap, next deadlines).
   * Newest first.
   */
  seriesFor(day: Day): string[] {
    const dated = this.dated;
    if (dated.length === 0) return [];
    const margin = this.options.marginDays ?? DEFAULT_MARGIN_DAYS;
    let index = dated.findIndex((s) => compareDays(day, addDaysTo(s.initialRelease!, margin)) <= 0);
    if (index < 0) index = dated.length - 1; // after the newest: its Post-Final (or stale data)
    const names = [dated[index + 1], dated[index], dated[index - 1]].filter((s): s is SeriesInfo => !!s).map((s) => s.name);
    return names;
  }

  /** The parsed schedules a day needs (those that exist and parse). */
  async schedulesFor(day: Day): Promise<Schedule[]> {
    const schedules = await Promise.all(this.seriesFor(day).map((name) => this.scheduleFor(name)));
    return schedules.filter((s): s is Schedule => !!s);
  }

  /** A ScheduleSet for phaseAt: every series' dates, the schedules this day needs. */
  async setFor(day: Day, origin: string): Promise<ScheduleSet> {
    return { series: this.series, schedules: await this.schedulesFor(day), origin };
  }

  /** Every schedule (the series picker, the bench's "parse everything"). */
  async allSchedules(): Promise<Schedule[]> {
    const schedules = await Promise.all(this.series.map((s) => this.scheduleFor(s.name)));
    return schedules.filter((s): s is Schedule => !!s);
  }

  /** Files that were read but could not be used, one per series, so far. */
  problems(): Problem[] {
    return [...this.problemsBySeries.values()];
  }

  /** Series asked for that have no schedule.yaml (older series, or one announced before its schedule). */
  missing(): string[] {
    return [...this.missingSeries];
  }

  private async load(series: string): Promise<Schedule | undefined> {
    const yamlPath = schedulePath(series);
    const label = this.options.label ?? ((p: string) => p);
    let yamlText: string | undefined;
    let rst: string | undefined;
    try {
      [yamlText, rst] = await Promise.all([this.options.read(yamlPath), this.options.read(schedulePath(series, 'schedule.rst')).catch(() => undefined)]);
    } catch (error) {
      this.problemsBySeries.set(series, this.problemOf(series, yamlPath, error, 'unreadable'));
      return undefined;
    }
    if (yamlText === undefined) {
      this.missingSeries.add(series);
      return undefined;
    }
    try {
      return this.options.parse(series, yamlText, label(yamlPath), rst ? scheduleRstTitles(rst) : {});
    } catch (error) {
      this.problemsBySeries.set(series, this.problemOf(series, yamlPath, error, 'schedule'));
      return undefined;
    }
  }

  private problemOf(series: string, file: string, error: unknown, rule: string): Problem {
    return problemOfError(error, { rule, severity: 'warning', series, file, root: this.options.root });
  }
}

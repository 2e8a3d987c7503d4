// The releases data as a SeriesCatalog, from series_status.yaml's text (a checkout's file or upstream's),
// and the upstream side: settings, the cached copies for an immediate picture, the daily re-validation.
// YAML is parsed through yamlReaders() only: nothing here runs on the activation path.
import * as vscode from 'vscode';
import { SeriesCatalog } from '../../core/calendar/seriesCatalog';
import type { Problem } from '../../core/problem';
import { msg } from '../../core/l10n';
import { checkSeries, scanSeriesStatus } from '../../core/calendar/seriesRules';
import { urlText } from '../../core/urlText';
import { tooBigText } from '../../core/fileContent';
import { checkUrl } from '../../adapters/http';
import { yamlReaders } from '../../adapters/lazyReaders';
import { DEFAULT_UPSTREAM_BASE, UpstreamStore, type UpstreamResult } from '../../adapters/upstream';
import type { ParseCache } from '../../adapters/parseCache';
import type { Schedule, SeriesInfo } from '../../core/calendar/schedule';

export const SERIES_STATUS = 'data/series_status.yaml';
/** The real file is 6 KB for 35 series: 20 times that is still a plausible file, more would block the host. */
export const SERIES_STATUS_MAX_BYTES = 128 * 1024;
/** A real schedule.yaml is 3 KB (about 30 weeks). */
export const SCHEDULE_MAX_BYTES = 64 * 1024;

export interface CatalogRead {
  catalog: SeriesCatalog;
  /** Entries of series_status.yaml that break a rule, with file and line: they are ignored. */
  problems: Problem[];
}

/**
 * The YAML parsers of the schedule files, through the parse cache when there is one: a file parsed at an
 * earlier start (same text) needs no YAML library (dist/yaml.js is loaded on the first miss only).
 */
function parsers(cache: ParseCache | undefined) {
  return {
    parseSeriesStatus: (text: string, source: string): SeriesInfo[] => {
      const parse = () => yamlReaders().parseSeriesStatus(text, source);
      return cache ? cache.get(source, text, parse) : parse();
    },
    parseSchedule: (series: string, text: string, source: string, titles?: Record<string, string>): Schedule => {
      const parse = () => yamlReaders().parseSchedule(series, text, source, titles);
      return cache ? cache.get(source, `${text}\0${JSON.stringify(titles ?? {})}`, parse) : parse();
    },
  };
}

/**
 * series_status.yaml's text -> its checked entries in a catalog that parses schedules on demand.
 * Throws (a sentence naming the file) when the file is not usable at all.
 */
export function catalogOf(text: string, root: string, label: (relPath: string) => string, read: (relPath: string) => Promise<string | undefined>, cache?: ParseCache): CatalogRead {
  const { parseSeriesStatus, parseSchedule } = parsers(cache);
  const file = label(SERIES_STATUS);
  // Whatever the source (a checkout, upstream, a cache), text this big would block the host while parsed.
  if (text.length > SERIES_STATUS_MAX_BYTES) throw new Error(tooBigText(file, SERIES_STATUS_MAX_BYTES, 'series_status.yaml', vscode.l10n.t('the bundled schedule data is used instead')));
  const capped = async (relPath: string) => {
    const found = await read(relPath);
    if (found !== undefined && found.length > SCHEDULE_MAX_BYTES) throw new Error(tooBigText(label(relPath), SCHEDULE_MAX_BYTES, 'schedule', vscode.l10n.t('the bundled schedule is used instead')));
    return found;
  };
  const entries = parseSeriesStatus(text, file);
  const checked = checkSeries(entries, scanSeriesStatus(text));
  if (checked.valid.length === 0) throw new Error(vscode.l10n.t('lists no usable series.'));
  const problems = checked.problems.map((p) => ({ ...p, file: SERIES_STATUS, root, message: msg('{0}; the entry is ignored.', p.message) }));
  return { catalog: new SeriesCatalog({ series: checked.valid, read: capped, parse: parseSchedule, label, root }), problems };
}

/** A problem sentence when the text is not a usable series_status.yaml (such a copy is never cached). */
function validateSeriesStatus(text: string): string | undefined {
  const { parseSeriesStatus } = yamlReaders();
  const entries = parseSeriesStatus(text, SERIES_STATUS);
  return checkSeries(entries, scanSeriesStatus(text)).valid.length ? undefined : vscode.l10n.t('{0} lists no usable series', SERIES_STATUS);
}

/** doc/source/<series>/schedule.yaml: a problem sentence when it does not parse as a schedule. */
function validateFile(relPath: string): ((text: string) => string | undefined) | undefined {
  const match = /^doc\/source\/([a-z]+)\/schedule\.yaml$/.exec(relPath);
  if (!match) return undefined;
  return (text) => {
    yamlReaders().parseSchedule(match[1], text, relPath);
    return undefined;
  };
}

export type UpstreamConfig = { kind: 'off' } | { kind: 'bad-url'; problem: string } | { kind: 'on'; baseUrl: string };

/** The upstream settings: off, a URL that must not be asked (said as a problem), or the base URL. */
export function upstreamConfig(): UpstreamConfig {
  const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
  if (!config.get<boolean>('upstream.enabled', true)) return { kind: 'off' };
  const url = config.get<string>('upstream.releasesUrl', DEFAULT_UPSTREAM_BASE).trim() || DEFAULT_UPSTREAM_BASE;
  const problem = checkUrl(url);
  if (problem) return { kind: 'bad-url', problem: vscode.l10n.t('The setting glanceReleaseCycle.upstream.releasesUrl ("{0}") is not used: {1}. Nothing was requested.', urlText(url), problem) };
  return { kind: 'on', baseUrl: url };
}

export interface UpstreamRead extends Partial<CatalogRead> {
  /** The store's answer for series_status.yaml (where the text came from, when, why not fresh). */
  result: UpstreamResult;
}

export class UpstreamData {
  readonly store: UpstreamStore;

  constructor(
    readonly baseUrl: string,
    cacheDir: string,
    private readonly parseCache?: ParseCache,
  ) {
    this.store = new UpstreamStore({ baseUrl, cacheDir });
  }

  get host(): string {
    return this.store.host;
  }

  private label = (relPath: string) => this.store.urlOf(relPath);

  /** How problems name upstream's files: relative to the base URL. */
  private get root(): string {
    return this.store.urlOf('').replace(/\/$/, '');
  }

  /** The cached copies only (no request): the first picture after activation. */
  async cached(): Promise<UpstreamRead | undefined> {
    const result = await this.store.cached(SERIES_STATUS);
    if (result?.text === undefined) return undefined;
    try {
      return { result, ...catalogOf(result.text, this.root, this.label, async (relPath) => (await this.store.cached(relPath))?.text, this.parseCache) };
    } catch {
      return undefined; // a cached copy that no longer reads is as good as none: the refresh replaces it
    }
  }

  /**
   * series_status.yaml from upstream (or its cached copy when upstream fails), and a catalog whose schedules
   * come the same way. `force` asks upstream even when the copies were checked less than a day ago.
   */
  async fetch(force: boolean): Promise<UpstreamRead> {
    const result = await this.store.get(SERIES_STATUS, { force, validate: validateSeriesStatus });
    if (result.text === undefined) return { result };
    const read = async (relPath: string): Promise<string | undefined> => {
      const answer = await this.store.get(relPath, { force, validate: validateFile(relPath) });
      if (answer.text !== undefined) return answer.text;
      if (answer.status === 404) return undefined; // a series without a schedule (yet)
      throw new Error(answer.problem ?? vscode.l10n.t('not available'));
    };
    try {
      return { result, ...catalogOf(result.text, this.root, this.label, read, this.parseCache) };
    } catch (error) {
      return { result: { source: 'upstream', problem: error instanceof Error ? error.message : String(error) } };
    }
  }
}

import { t } from '../core/l10n';
// Reads the review state the release tasks need from Gerrit's anonymous REST API, page by page, and keeps
// the last good answer of each query so a Gerrit outage shows stale data plus a reason, not nothing.
// Plain Node: the fetching is injected (src/vscode/http.ts in the extension, anything in tests).
import {
  batchUrl,
  changesUrl,
  checkGerritBase,
  collectPages,
  DEFAULT_PAGE_SIZE,
  MAX_CHANGES,
  parseBatchAnswer,
  parseChangesAnswer,
  PRIORITY_VALUES,
  priorityGroups,
  releaseRequestsQuery,
  reviewPriorityQuery,
  type ParsedAnswer,
  type PriorityGroup,
  type PriorityValue,
  type ReviewChange,
} from '../core/gerrit/gerrit';

export type FetchTextResult = { kind: 'ok'; text: string } | { kind: 'not-modified' } | { kind: 'error'; reason: string; status?: number };
/** The shape of fetchText in ./http.ts (accept is optional there too). */
export type FetchText = (
  url: string,
  options: { timeoutMs?: number; maxBytes?: number; signal?: AbortSignal; accept?: string },
) => Promise<FetchTextResult>;

export interface GerritClientOptions {
  /** e.g. https://review.opendev.org; http only for loopback. */
  baseUrl: string;
  fetchText: FetchText;
  now?: () => Date;
  /** Per request; 10 s by default. */
  timeoutMs?: number;
  pageSize?: number;
  cap?: number;
}

export interface ReviewQueue {
  groups: PriorityGroup[];
  /** Some group hit the 500-change cap. */
  truncated: boolean;
  /** Entries Gerrit sent that could not be read (skipped). */
  problems: string[];
}

export interface ReleaseRequests {
  series: string;
  changes: ReviewChange[];
  truncated: boolean;
  problems: string[];
}

/**
 * `state` is this call's answer, or after a failure the last good one (undefined if none yet);
 * `error` says why this call failed; `lastGoodAt` is when `state` was fetched.
 */
export interface Outcome<T> {
  state: T | undefined;
  error?: string;
  lastGoodAt?: Date;
}

export interface QueryResult {
  changes: ReviewChange[];
  truncated: boolean;
  problems: string[];
}

const GERRIT_TIMEOUT_MS = 10_000;
// A 100-change page with detailed labels and accounts is about 1 MB; anything far bigger is not Gerrit.
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

class QueryFailure extends Error {}

function describeFetchError(reason: string, status: number | undefined, timeoutMs: number): string {
  if (status === 401 || status === 403) return t('Gerrit refused the anonymous query (HTTP {0})', status);
  if (status === 429) return t('Gerrit is rate-limiting (HTTP 429)');
  if (status !== undefined) return t('Gerrit unreachable (HTTP {0})', status);
  if (/time.?out|timed out|abort/i.test(reason)) return t('Gerrit did not answer within {0} s', Math.round(timeoutMs / 1000));
  return t('Gerrit unreachable ({0})', reason.replace(/^server unreachable \((.*)\)$/, '$1'));
}

export class GerritClient {
  readonly baseUrl: string;
  private readonly fetchText: FetchText;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly pageSize: number;
  private readonly cap: number;
  private readonly lastGood = new Map<string, { state: unknown; at: Date }>();
  private readonly inFlight = new Map<string, Promise<Outcome<unknown>>>();

  constructor(options: GerritClientOptions) {
    const base = checkGerritBase(options.baseUrl);
    if (!base.ok) {
      throw new Error(base.reason);
    }
    this.baseUrl = base.base;
    this.fetchText = options.fetchText;
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? GERRIT_TIMEOUT_MS;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.cap = options.cap ?? MAX_CHANGES;
  }

  /** Browser link of a change. */
  changeUrl(change: ReviewChange): string {
    return change.url(this.baseUrl);
  }

  /** Open Review-Priority +2, +1 and -1 changes of the glance deliverables. */
  reviewQueue(): Promise<Outcome<ReviewQueue>> {
    return this.remember('review-queue', async () => {
      const results = await Promise.all(PRIORITY_VALUES.map((v) => this.query(reviewPriorityQuery(v))));
      const byValue: Partial<Record<PriorityValue, ReviewChange[]>> = {};
      PRIORITY_VALUES.forEach((v, i) => (byValue[v] = results[i].changes));
      return {
        groups: priorityGroups(byValue),
        truncated: results.some((r) => r.truncated),
        problems: results.flatMap((r) => r.problems),
      };
    });
  }

  /** Open openstack/releases changes touching the team's deliverable files of `series`. */
  releaseRequests(series: string): Promise<Outcome<ReleaseRequests>> {
    return this.remember(`release-requests:${series}`, async () => {
      const result = await this.query(releaseRequestsQuery(series));
      return { series, ...result };
    });
  }

  /**
   * Several queries in one request (Gerrit takes several q=); a query whose answer says there is more is
   * then paged on its own. Throws with the reason when the request fails (use inside track()).
   */
  async queries(qs: readonly string[]): Promise<QueryResult[]> {
    if (qs.length === 0) return [];
    const answer = await this.fetchWithDeadline(batchUrl(this.baseUrl, qs, this.pageSize));
    if (answer.kind === 'error') throw new QueryFailure(describeFetchError(answer.reason, answer.status, this.timeoutMs));
    if (answer.kind === 'not-modified') throw new QueryFailure(t('not a Gerrit answer (HTTP 304 without a cached copy)'));
    const parsed = parseBatchAnswer(answer.text, qs.length);
    if (!parsed.ok) throw new QueryFailure(parsed.error);
    return Promise.all(
      parsed.answers.map((a, i) => (a.more && a.changes.length < this.cap ? this.query(qs[i]) : { changes: a.changes.slice(0, this.cap), truncated: a.more, problems: a.problems })),
    );
  }

  /** Runs `run` as one remembered refresh: its result, or after a failure the last good one and why. */
  track<T>(key: string, run: () => Promise<T>): Promise<Outcome<T>> {
    return this.remember(key, run);
  }

  /** Last good state of a query without fetching (e.g. to draw the tree before the first refresh ends). */
  cached<T>(key: string): Outcome<T> {
    const good = this.lastGood.get(key);
    return { state: good?.state as T | undefined, lastGoodAt: good?.at };
  }

  // Concurrent callers of one query share its request; the result updates or keeps the last good state.
  private remember<T>(key: string, run: () => Promise<T>): Promise<Outcome<T>> {
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending as Promise<Outcome<T>>;
    }
    const promise = (async (): Promise<Outcome<T>> => {
      try {
        const state = await run();
        const at = this.now();
        this.lastGood.set(key, { state, at });
        return { state, lastGoodAt: at };
      } catch (e) {
        const good = this.lastGood.get(key);
        const error = e instanceof QueryFailure ? e.message : t('Gerrit query failed ({0})', e instanceof Error ? e.message : String(e));
        return { state: good?.state as T | undefined, error, lastGoodAt: good?.at };
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  private async query(q: string): Promise<{ changes: ReviewChange[]; truncated: boolean; problems: string[] }> {
    const result = await collectPages((start, n) => this.page(changesUrl(this.baseUrl, q, start, n)), this.pageSize, this.cap);
    if (!result.ok) {
      throw new QueryFailure(result.error);
    }
    return { changes: result.changes, truncated: result.truncated, problems: result.problems };
  }

  private async page(url: string): Promise<ParsedAnswer> {
    const answer = await this.fetchWithDeadline(url);
    if (answer.kind === 'error') {
      return { ok: false, error: describeFetchError(answer.reason, answer.status, this.timeoutMs) };
    }
    if (answer.kind === 'not-modified') {
      // No validators are sent, so a 304 is not an answer to this request.
      return { ok: false, error: t('not a Gerrit answer (HTTP 304 without a cached copy)') };
    }
    return parseChangesAnswer(answer.text);
  }

  // The injected fetch gets the time-out too; the race is a backstop so no fetch can hang a refresh.
  private async fetchWithDeadline(url: string): Promise<FetchTextResult> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<FetchTextResult>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ kind: 'error', reason: t('timed out') });
      }, this.timeoutMs);
    });
    try {
      const fetched = this.fetchText(url, {
        timeoutMs: this.timeoutMs,
        maxBytes: MAX_PAGE_BYTES,
        signal: controller.signal,
        accept: 'application/json',
      }).catch(
        (e: unknown): FetchTextResult => ({ kind: 'error', reason: e instanceof Error ? e.message : String(e) }),
      );
      return await Promise.race([fetched, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

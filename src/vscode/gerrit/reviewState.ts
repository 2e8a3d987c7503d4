// Holds the Gerrit review state the tree shows: one entry per query (the review queue, the release
// requests of a series), fetched in the background and never on the activation path. The tree asks
// synchronously (childrenOf) and redraws on onDidChange.
import * as vscode from 'vscode';
import { isSeriesName } from '../../core/gerrit/gerrit';
import { GerritClient, type Outcome, type ReleaseRequests, type ReviewQueue } from '../../adapters/gerritClient';
import { fetchText } from '../../adapters/http';
import type { TaskChild, TaskChildSource } from '../checklist/taskChildren';
import { releaseRequestChildren, reviewQueueChildren, setupChild, type ChildContext } from './children';
import { gerritSetup, type GerritSetup } from './settings';

/** Tasks that set or use Review-Priority (PTG, the glance_store push between M2 and M3, -1 at feature freeze). */
const REVIEW_PRIORITY_TASKS: ReadonlySet<string> = new Set(['ptg-review-priority', 'm2m3-store-review-priority', 'm3-review-priority-minus-one']);
/** Tasks that propose or watch release requests in openstack/releases. */
const RELEASE_REQUEST_TASKS: ReadonlySet<string> = new Set([
  'm1-library-releases',
  'm2-library-releases',
  'm3-client-release',
  'rc1-release',
  'additional-rcs',
  'final-rc-request',
  'watch-final-proposal',
  'bugfix-releases',
]);

const REFRESH_INTERVAL_MS = 15 * 60 * 1000;

export type QueryKey = 'review-queue' | `release-requests:${string}`;

interface Entry {
  /** The running refresh, if any. */
  running?: Promise<Outcome<unknown> | undefined>;
  attemptedAt?: number;
  outcome?: Outcome<unknown>;
}

export interface ReviewStateOptions {
  /** Called after each release-requests answer that Gerrit actually gave (not a stale copy). */
  onReleaseRequests?: (state: ReleaseRequests, client: GerritClient) => void;
  childContext: () => Omit<ChildContext, 'client'>;
}

export class ReviewState implements TaskChildSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private setupValue: GerritSetup = { kind: 'off' };
  private clientValue?: GerritClient;
  private entries = new Map<QueryKey, Entry>();
  private scheduled = new Set<QueryKey>();
  private disposed = false;

  constructor(private readonly options: ReviewStateOptions) {
    this.configure();
  }

  get setup(): GerritSetup {
    return this.setupValue;
  }

  get client(): GerritClient | undefined {
    return this.clientValue;
  }

  /** Reads the settings and starts over with a new client (no request here: the next ask fetches). */
  reconfigure(): void {
    this.configure();
    this.changed.fire();
  }

  private configure(): void {
    this.setupValue = gerritSetup();
    this.clientValue = this.setupValue.kind === 'ok' ? new GerritClient({ baseUrl: this.setupValue.base, fetchText }) : undefined;
    // Entries of the old client are dropped; a refresh still running for it finds its entry gone.
    this.entries = new Map();
    this.scheduled.clear();
  }

  /** Redraw without fetching (team accounts changed, a day passed). */
  redraw(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
  }

  static keyOf(series: string, taskId: string): QueryKey | undefined {
    if (REVIEW_PRIORITY_TASKS.has(taskId)) return 'review-queue';
    if (RELEASE_REQUEST_TASKS.has(taskId)) return `release-requests:${series}`;
    return undefined;
  }

  childrenOf(series: string, taskId: string): TaskChild[] {
    const key = ReviewState.keyOf(series, taskId);
    if (!key) return [];
    const setup = this.setupValue;
    const client = this.clientValue;
    if (setup.kind !== 'ok') return [setupChild(setup)];
    if (!client) return [];
    if (key !== 'review-queue' && !isSeriesName(series)) return [];
    this.ensureFresh(key);
    const entry = this.entries.get(key);
    const context: ChildContext = { ...this.options.childContext(), client };
    const view = { loading: entry?.running !== undefined || entry?.outcome === undefined, outcome: entry?.outcome };
    return key === 'review-queue'
      ? reviewQueueChildren(view as { loading: boolean; outcome?: Outcome<ReviewQueue> }, context)
      : releaseRequestChildren(series, view as { loading: boolean; outcome?: Outcome<ReleaseRequests> }, context);
  }

  /** The last answer of a query (undefined before the first one ends). */
  outcome<T>(key: QueryKey): Outcome<T> | undefined {
    return this.entries.get(key)?.outcome as Outcome<T> | undefined;
  }

  /** Fetches a query the tree needs when it was never asked or its last attempt is 15 minutes old. */
  ensureFresh(key: QueryKey): void {
    const entry = this.entries.get(key);
    if (entry?.running || this.scheduled.has(key) || !this.isStale(entry)) return;
    this.scheduled.add(key);
    // Never inside the caller (the tree's getChildren, or activate()): on the next turn.
    setTimeout(() => {
      this.scheduled.delete(key);
      if (!this.disposed) void this.refresh(key);
    }, 0);
  }

  private isStale(entry: Entry | undefined): boolean {
    return entry?.attemptedAt === undefined || Date.now() - entry.attemptedAt >= REFRESH_INTERVAL_MS;
  }

  /** Runs a query now (sharing one already running); undefined when Gerrit is off or misconfigured. */
  refresh(key: QueryKey): Promise<Outcome<unknown> | undefined> {
    const client = this.clientValue;
    if (!client || this.disposed) return Promise.resolve(undefined);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    if (entry.running) return entry.running;
    const current = entry;
    const entries = this.entries;
    current.attemptedAt = Date.now();
    current.running = (async () => {
      let outcome: Outcome<unknown>;
      try {
        outcome = key === 'review-queue' ? await client.reviewQueue() : await client.releaseRequests(key.slice('release-requests:'.length));
      } finally {
        current.running = undefined;
      }
      // Settings changed meanwhile: this answer belongs to a client that is gone.
      if (this.disposed || this.entries !== entries) return outcome;
      current.outcome = outcome;
      this.changed.fire();
      if (key !== 'review-queue' && outcome.state && !outcome.error) this.options.onReleaseRequests?.(outcome.state as ReleaseRequests, client);
      return outcome;
    })();
    this.changed.fire(); // shows "Loading review state…"
    return current.running;
  }
}

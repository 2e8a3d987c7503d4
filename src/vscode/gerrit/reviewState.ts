// Holds the Gerrit review state the tree shows: one answer per series for every review group at once
// (the groups and their queries come from resources/release-cycle.yaml and the user's setting, the tasks
// name their groups there: no task ids here), fetched in one batched request in the background and never
// on the activation path. The tree asks synchronously (childrenOf) and redraws on onDidChange.
import * as vscode from 'vscode';
import { priorityGroups, type PriorityValue, type ReviewChange } from '../../core/gerrit/gerrit';
import type { Checklist } from '../../core/checklist/checklist';
import { fetchReviews, groupChanges, type ReviewsAnswer } from '../../core/reviews/fetch';
import type { ReviewGroup } from '../../core/reviews/groups';
import { GerritClient, type Outcome, type ReleaseRequests, type ReviewQueue } from '../../adapters/gerritClient';
import { fetchText } from '../../adapters/http';
import type { TaskChild, TaskChildSource } from '../checklist/taskChildren';
import { releaseRequestChildren, reviewQueueChildren, setupChild, statusChild, type ChildContext } from './children';
import { botChildren, customGroupChild, stableBackportChildren, type GitreviewFacts } from '../reviews/groupChildren';
import { gerritSetup, type GerritSetup } from './settings';

const REFRESH_INTERVAL_MS = 15 * 60 * 1000;

interface Entry {
  /** The running refresh, if any. */
  running?: Promise<Outcome<ReviewsAnswer> | undefined>;
  attemptedAt?: number;
  outcome?: Outcome<ReviewsAnswer>;
}

export interface ReviewStateOptions {
  /** Called after each answer that Gerrit actually gave (not a stale copy) with the release requests. */
  onReleaseRequests?: (state: ReleaseRequests, client: GerritClient) => void;
  childContext: () => Omit<ChildContext, 'client'>;
  checklist: () => Checklist | undefined;
  /** The user's own groups (glanceReleaseCycle.gerrit.queries), already checked. */
  customGroups: () => ReviewGroup[];
  /** Stable branches known to exist (stable/<release id> of the released series). */
  stableBranches: () => string[];
  /** The clones' .gitreview check of a series' new stable branch. */
  gitreview?: (series: string) => GitreviewFacts | undefined;
}

export class ReviewState implements TaskChildSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private setupValue: GerritSetup = { kind: 'off' };
  private clientValue?: GerritClient;
  private entries = new Map<string, Entry>();
  private scheduled = new Set<string>();
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

  /** Redraw without fetching (team accounts changed, a day passed, the clones were read). */
  redraw(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
  }

  /** Every group that goes to Gerrit: the resource's, then the user's. */
  gerritGroups(): ReviewGroup[] {
    return [...(this.options.checklist()?.reviewGroups ?? []), ...this.options.customGroups()].filter((g) => g.queries.length > 0);
  }

  /** The Gerrit groups drawn under a task: those its `reviews:` names, then the user's that name the task. */
  groupsOf(taskId: string): ReviewGroup[] {
    const list = this.options.checklist();
    const task = list?.phases.flatMap((p) => p.tasks).find((t) => t.id === taskId);
    const own = (task?.reviews ?? []).map((id) => list?.reviewGroups?.find((g) => g.id === id)).filter((g): g is ReviewGroup => !!g && g.queries.length > 0);
    return [...own, ...this.options.customGroups().filter((g) => g.tasks?.includes(taskId))];
  }

  childrenOf(series: string, taskId: string): TaskChild[] {
    const groups = this.groupsOf(taskId);
    if (groups.length === 0) return [];
    const setup = this.setupValue;
    const client = this.clientValue;
    if (setup.kind !== 'ok') return [setupChild(setup)];
    if (!client) return [];
    this.ensureFresh(series);
    const entry = this.entries.get(series);
    const context: ChildContext = { ...this.options.childContext(), client };
    const view = { loading: entry?.running !== undefined || entry?.outcome === undefined, outcome: entry?.outcome };
    const status = statusChild(view, context.now);
    const answer = entry?.outcome?.state;
    const out: TaskChild[] = status ? [status] : [];
    if (!answer) return out;
    for (const group of groups) out.push(...this.groupChildren(group, answer, series, context));
    return out;
  }

  private groupChildren(group: ReviewGroup, answer: ReviewsAnswer, series: string, context: ChildContext): TaskChild[] {
    const quiet = { loading: false, outcome: { state: undefined } };
    switch (group.kind) {
      case 'review-priority':
        return reviewQueueChildren({ ...quiet, outcome: { state: reviewQueueOf(group, answer) } }, context);
      case 'release-requests':
        return releaseRequestChildren(series, { ...quiet, outcome: { state: { series, ...groupChanges(answer, group) } } }, context);
      case 'stable-backports':
        return stableBackportChildren(groupChanges(answer, group, 'main'), groupChanges(answer, group, 'follow-up').changes, this.options.stableBranches(), context);
      case 'bot-patches':
        return botChildren(groupChanges(answer, group), this.options.gitreview?.(series), context);
      case 'custom':
        return [customGroupChild(group, groupChanges(answer, group), context)];
      default:
        return [];
    }
  }

  /** The Review-Priority queue of the last answer for a series (for the quick pick and the API). */
  reviewQueue(series: string | undefined): Outcome<ReviewQueue> | undefined {
    const outcome = this.entries.get(series ?? '')?.outcome;
    const group = this.gerritGroups().find((g) => g.kind === 'review-priority');
    if (!outcome || !group) return undefined;
    return { ...outcome, state: outcome.state && reviewQueueOf(group, outcome.state) };
  }

  /** The last answer for a series (undefined before the first one ends). */
  outcome(series: string | undefined): Outcome<ReviewsAnswer> | undefined {
    return this.entries.get(series ?? '')?.outcome;
  }

  /** Fetches when the series was never asked or its last attempt is 15 minutes old. */
  ensureFresh(series: string | undefined): void {
    const key = series ?? '';
    const entry = this.entries.get(key);
    if (entry?.running || this.scheduled.has(key) || !this.isStale(entry)) return;
    this.scheduled.add(key);
    // Never inside the caller (the tree's getChildren, or activate()): on the next turn.
    setTimeout(() => {
      this.scheduled.delete(key);
      if (!this.disposed) void this.refresh(series);
    }, 0);
  }

  private isStale(entry: Entry | undefined): boolean {
    return entry?.attemptedAt === undefined || Date.now() - entry.attemptedAt >= REFRESH_INTERVAL_MS;
  }

  /** One refresh of every group for a series (sharing one already running); undefined when Gerrit is off. */
  refresh(series: string | undefined): Promise<Outcome<ReviewsAnswer> | undefined> {
    const client = this.clientValue;
    if (!client || this.disposed) return Promise.resolve(undefined);
    const key = series ?? '';
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    if (entry.running) return entry.running;
    const current = entry;
    const entries = this.entries;
    const groups = this.gerritGroups();
    current.attemptedAt = Date.now();
    current.running = (async () => {
      let outcome: Outcome<ReviewsAnswer>;
      try {
        outcome = await client.track(`reviews:${key}:${groups.map((g) => g.id).join(',')}`, () => fetchReviews(groups, series, (qs) => client.queries(qs)));
      } finally {
        current.running = undefined;
      }
      // Settings changed meanwhile: this answer belongs to a client that is gone.
      if (this.disposed || this.entries !== entries) return outcome;
      current.outcome = outcome;
      this.changed.fire();
      const requests = groups.find((g) => g.kind === 'release-requests');
      if (series && requests && outcome.state && !outcome.error) this.options.onReleaseRequests?.({ series, ...groupChanges(outcome.state, requests) }, client);
      return outcome;
    })();
    this.changed.fire(); // shows "Loading review state…"
    return current.running;
  }
}

const PRIORITY_OF: Record<string, PriorityValue> = { '+2': 2, '2': 2, '+1': 1, '1': 1, '-1': -1 };

/** The review-priority group's answers as the +2 / +1 / -1 queue (query ids name the value). */
function reviewQueueOf(group: ReviewGroup, answer: ReviewsAnswer): ReviewQueue {
  const byValue: Partial<Record<PriorityValue, ReviewChange[]>> = {};
  let truncated = false;
  const problems: string[] = [];
  for (const q of group.queries) {
    const value = PRIORITY_OF[q.id];
    const r = answer.results.get(`${group.id}/${q.id}`);
    if (value === undefined || !r) continue;
    byValue[value] = [...(byValue[value] ?? []), ...r.changes];
    truncated ||= r.truncated;
    problems.push(...r.problems);
  }
  return { groups: priorityGroups(byValue), truncated, problems };
}

import { t } from '../l10n';
import { urlText } from '../urlText';
// Gerrit review state for the release tasks: query building, answer parsing, paging and the rules the
// checklist shows (Review-Priority queue, release requests waiting for a team vote). Pure: no I/O here,
// the client in src/adapters/gerritClient.ts does the fetching.

export const GLANCE_PROJECTS = ['openstack/glance', 'openstack/glance_store', 'openstack/python-glanceclient'] as const;
/** Deliverable files of the team in openstack/releases (deliverables/<series>/<name>.yaml). */
const GLANCE_DELIVERABLES = ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'] as const;
const RELEASES_PROJECT = 'openstack/releases';

export type PriorityValue = 2 | 1 | -1;
export const PRIORITY_VALUES: readonly PriorityValue[] = [2, 1, -1];
const PRIORITY_LABELS: Record<PriorityValue, string> = {
  2: t('+2 Top Priority / Holds Gate'),
  1: t('+1 Important Change'),
  [-1]: t('-1 Branch Freeze'),
};

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_CHANGES = 500;

// ---------------------------------------------------------------- queries

/** Gerrit writes positive votes with a sign in searches; '=1' also works but '=+1' is what the UI links use. */
function signedValue(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

export function reviewPriorityQuery(value: PriorityValue): string {
  const projects = GLANCE_PROJECTS.map((p) => `project:${p}`).join(' OR ');
  return `status:open (${projects}) label:Review-Priority=${signedValue(value)}`;
}

// Series names are folder names (e.g. "2026.2" or "gazpacho"): anything else could inject search operators.
const SERIES_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;

export function isSeriesName(series: string): boolean {
  return SERIES_PATTERN.test(series);
}

/** Open release requests touching one of the team's deliverable files of a series (exact-path file: terms). */
export function releaseRequestsQuery(series: string): string {
  if (!isSeriesName(series)) {
    throw new Error(t('not a series name: {0}', JSON.stringify(series)));
  }
  const files = GLANCE_DELIVERABLES.map((d) => `file:deliverables/${series}/${d}.yaml`).join(' OR ');
  return `status:open project:${RELEASES_PROJECT} (${files})`;
}

export type BaseCheck = { ok: true; base: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * https, or http on loopback only (the test stand-in). Anonymous only: credentials in the URL and the
 * authenticated '/a/' prefix are refused so nothing can ever send a password.
 */
export function checkGerritBase(base: string): BaseCheck {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return { ok: false, reason: t('not a URL: {0}', urlText(base)) };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    // A script, data or editor URL is named by its scheme only: the rest is not a place and is never echoed.
    const shown = url.protocol === 'http:' ? urlText(base) : url.protocol;
    return { ok: false, reason: t('Gerrit must be reached over https (http only for loopback): {0}', shown) };
  }
  if (url.username || url.password) {
    return { ok: false, reason: t('Gerrit is queried anonymously: remove the credentials from the URL') };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: t('the Gerrit URL must not carry a query or fragment: {0}', urlText(base)) };
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/a$/.test(path)) {
    return { ok: false, reason: t('the \'/a/\' prefix is Gerrit\'s authenticated API; use the anonymous base URL') };
  }
  return { ok: true, base: `${url.protocol}//${url.host}${path}` };
}

/**
 * The query URL. DETAILED_LABELS is asked for on top of LABELS because only it fills `labels.*.all`
 * (every reviewer's vote); LABELS alone gives one name per approved/recommended summary.
 */
export function changesUrl(base: string, query: string, start: number, pageSize: number = DEFAULT_PAGE_SIZE): string {
  const root = base.replace(/\/+$/, '');
  return (
    `${root}/changes/?q=${encodeURIComponent(query)}` +
    `&o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS&n=${pageSize}&S=${start}`
  );
}

/**
 * Several queries in one request: Gerrit answers `q=A&q=B` with one list of changes per query, in order.
 * No S= here (it would apply to every query): a query cut short is paged on its own afterwards.
 */
export function batchUrl(base: string, queries: readonly string[], pageSize: number = DEFAULT_PAGE_SIZE): string {
  const root = base.replace(/\/+$/, '');
  return `${root}/changes/?${queries.map((q) => `q=${encodeURIComponent(q)}`).join('&')}&o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS&n=${pageSize}`;
}

// ---------------------------------------------------------------- parsing

export interface GerritAccount {
  accountId?: number;
  name?: string;
  email?: string;
  username?: string;
}

interface Vote {
  /** Display name: name, else username, else email, else the account id. */
  who: string;
  value: number;
  account: GerritAccount;
}

export interface ReviewChange {
  number: number;
  project: string;
  subject: string;
  owner: GerritAccount;
  /** A UTC Date when Gerrit's "YYYY-MM-DD hh:mm:ss.nnnnnnnnn" parses, else the raw text. */
  updated: Date | string;
  created?: Date | string;
  /** Non-zero Code-Review votes. */
  codeReview: Vote[];
  /** The change's Review-Priority: -1 when anyone holds it, else the highest vote; absent without votes. */
  reviewPriority?: number;
  /** Target branch (master, stable/2026.1), when Gerrit sent it. */
  branch?: string;
  /** The Change-Id (I + 40 hex) that a backport shares with its original. */
  changeId?: string;
  /** NEW, MERGED or ABANDONED. */
  status?: string;
  url(base: string): string;
}

export type ParsedAnswer =
  | { ok: true; changes: ReviewChange[]; more: boolean; problems: string[] }
  | { ok: false; error: string };

const XSSI_PREFIX = ")]}'";

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** Gerrit timestamps are UTC without a zone marker. */
export function parseGerritTimestamp(text: string): Date | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) {
    return undefined;
  }
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

class Change implements ReviewChange {
  constructor(
    readonly number: number,
    readonly project: string,
    readonly subject: string,
    readonly owner: GerritAccount,
    readonly updated: Date | string,
    readonly created: Date | string | undefined,
    readonly codeReview: Vote[],
    readonly reviewPriority: number | undefined,
    readonly branch?: string,
    readonly changeId?: string,
    readonly status?: string,
  ) {}

  url(base: string): string {
    return `${base.replace(/\/+$/, '')}/c/${this.project}/+/${this.number}`;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function account(value: unknown): GerritAccount | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const a: GerritAccount = {};
  if (typeof value._account_id === 'number') a.accountId = value._account_id;
  if (str(value.name)) a.name = value.name as string;
  if (str(value.email)) a.email = value.email as string;
  if (str(value.username)) a.username = value.username as string;
  return a;
}

function displayName(a: GerritAccount): string {
  return a.name ?? a.username ?? a.email ?? (a.accountId !== undefined ? `account ${a.accountId}` : 'unknown');
}

/** Summary fields LABELS fills when `all` is absent (DETAILED_LABELS not honoured). */
const SUMMARY_VALUES: [string, number][] = [
  ['approved', 2],
  ['recommended', 1],
  ['disliked', -1],
  ['rejected', -2],
];

function votes(label: unknown): Vote[] {
  if (!isObject(label)) {
    return [];
  }
  const out: Vote[] = [];
  if (Array.isArray(label.all)) {
    for (const item of label.all) {
      // Gerrit lists value 0 for reviewers who voted on some other label only.
      if (isObject(item) && typeof item.value === 'number' && item.value !== 0) {
        const a = account(item) ?? {};
        out.push({ who: displayName(a), value: item.value, account: a });
      }
    }
    return out;
  }
  for (const [field, value] of SUMMARY_VALUES) {
    const a = account(label[field]);
    if (a) {
      out.push({ who: displayName(a), value: typeof label.value === 'number' && label.value !== 0 ? label.value : value, account: a });
    }
  }
  return out;
}

function priorityOf(label: unknown): number | undefined {
  const vs = votes(label);
  if (vs.length === 0) {
    return undefined;
  }
  // A -1 is a hold (branch freeze): it wins over any +1/+2.
  return vs.some((v) => v.value < 0) ? Math.min(...vs.map((v) => v.value)) : Math.max(...vs.map((v) => v.value));
}

function timestamp(value: unknown): Date | string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  return parseGerritTimestamp(value) ?? value;
}

/** One ChangeInfo, or the reason it is unusable. */
export function parseChangeInfo(item: unknown): ReviewChange | string {
  if (!isObject(item)) {
    return t('not an object');
  }
  if (typeof item._number !== 'number' || !Number.isInteger(item._number)) return 'missing _number';
  const project = str(item.project);
  if (!project) return t('change {0}: missing project', item._number);
  const subject = str(item.subject);
  if (subject === undefined) return t('change {0}: missing subject', item._number);
  const owner = account(item.owner);
  if (!owner) return t('change {0}: missing owner', item._number);
  const updated = timestamp(item.updated);
  if (updated === undefined) return t('change {0}: missing updated', item._number);
  const labels = isObject(item.labels) ? item.labels : {};
  return new Change(
    item._number,
    project,
    subject,
    owner,
    updated,
    timestamp(item.created),
    votes(labels['Code-Review']),
    priorityOf(labels['Review-Priority']),
    str(item.branch),
    str(item.change_id),
    str(item.status),
  );
}

/**
 * One /changes/ answer. The `)]}'` line is Gerrit's guard against JSON hijacking; an answer without it
 * came from something else (a proxy's page, a captive portal) and is refused. Unusable entries are
 * skipped and named in `problems` rather than hiding the whole queue.
 */
export function parseChangesAnswer(text: string): ParsedAnswer {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.startsWith(XSSI_PREFIX)) {
    return { ok: false, error: t('not a Gerrit answer') };
  }
  let data: unknown;
  try {
    data = JSON.parse(body.slice(XSSI_PREFIX.length));
  } catch (e) {
    return { ok: false, error: t('Gerrit answer is not valid JSON ({0})', e instanceof Error ? e.message : String(e)) };
  }
  if (!Array.isArray(data)) {
    return { ok: false, error: t('Gerrit answer is not a list of changes') };
  }
  return { ok: true, ...readChangeList(data) };
}

function readChangeList(data: unknown[]): { changes: ReviewChange[]; more: boolean; problems: string[] } {
  const changes: ReviewChange[] = [];
  const problems: string[] = [];
  for (const item of data) {
    const parsed = parseChangeInfo(item);
    if (typeof parsed === 'string') {
      problems.push(parsed);
    } else {
      changes.push(parsed);
    }
  }
  const last: unknown = data[data.length - 1];
  const more = isObject(last) && last._more_changes === true;
  return { changes, more, problems };
}

export type ParsedBatch = { ok: true; answers: Array<{ changes: ReviewChange[]; more: boolean; problems: string[] }> } | { ok: false; error: string };

/** The answer to batchUrl(): one list per query (Gerrit sends a flat list when there was only one). */
export function parseBatchAnswer(text: string, count: number): ParsedBatch {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.startsWith(XSSI_PREFIX)) return { ok: false, error: t('not a Gerrit answer') };
  let data: unknown;
  try {
    data = JSON.parse(body.slice(XSSI_PREFIX.length));
  } catch (e) {
    return { ok: false, error: t('Gerrit answer is not valid JSON ({0})', e instanceof Error ? e.message : String(e)) };
  }
  const lists = count === 1 ? [data] : data;
  if (!Array.isArray(lists) || lists.length !== count || !lists.every(Array.isArray)) {
    return { ok: false, error: t('Gerrit answer is not one list of changes per query') };
  }
  return { ok: true, answers: (lists as unknown[][]).map(readChangeList) };
}

// ---------------------------------------------------------------- paging

export type PageFetcher = (start: number, pageSize: number) => Promise<ParsedAnswer>;

export type PagedResult =
  | { ok: true; changes: ReviewChange[]; truncated: boolean; problems: string[]; pages: number }
  | { ok: false; error: string };

/**
 * Follows `_more_changes` with S=<offset> until Gerrit says there is no more or `cap` changes are in.
 * Changes are de-duplicated by number: one updated mid-paging can move back into a later page.
 */
export async function collectPages(fetchPage: PageFetcher, pageSize = DEFAULT_PAGE_SIZE, cap = MAX_CHANGES): Promise<PagedResult> {
  const seen = new Set<number>();
  const changes: ReviewChange[] = [];
  const problems: string[] = [];
  let start = 0;
  let pages = 0;
  for (;;) {
    const n = Math.min(pageSize, cap - changes.length);
    const page = await fetchPage(start, n);
    pages++;
    if (!page.ok) {
      return page;
    }
    problems.push(...page.problems);
    for (const c of page.changes) {
      if (!seen.has(c.number) && changes.length < cap) {
        seen.add(c.number);
        changes.push(c);
      }
    }
    const received = page.changes.length + page.problems.length;
    if (!page.more || received === 0) {
      return { ok: true, changes, truncated: false, problems, pages };
    }
    if (changes.length >= cap) {
      return { ok: true, changes, truncated: true, problems, pages };
    }
    start += received;
  }
}

// ---------------------------------------------------------------- rules

const TEAM_VOTE_GRACE_MS = 2 * 24 * 3600 * 1000;

export function time(value: Date | string | undefined): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseGerritTimestamp(value)?.getTime();
  return undefined;
}

/**
 * A release request in openstack/releases with no Code-Review vote (either sign: a -1 is also the team
 * speaking) from any team account, proposed more than two days ago. Age counts from `created` because
 * `updated` moves with every CI comment or recheck; `updated` is the fallback when `created` is absent.
 */
export function needsTeamVote(change: ReviewChange, teamAccounts: string[], now: Date): boolean {
  if (change.project !== RELEASES_PROJECT) {
    return false;
  }
  const since = time(change.created) ?? time(change.updated);
  if (since === undefined || now.getTime() - since <= TEAM_VOTE_GRACE_MS) {
    return false;
  }
  return !votedByTeam(change, teamAccounts);
}

/** Whether an account is one of the team's (by e-mail or username, case-insensitive). */
export function isTeamAccount(account: GerritAccount, teamAccounts: readonly string[]): boolean {
  const team = new Set(teamAccounts.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''));
  return (!!account.email && team.has(account.email.toLowerCase())) || (!!account.username && team.has(account.username.toLowerCase()));
}

/** A Code-Review vote of either sign from a team account. */
export function votedByTeam(change: ReviewChange, teamAccounts: readonly string[]): boolean {
  return change.codeReview.some((v) => isTeamAccount(v.account, teamAccounts));
}

/** "3 d", "5 h", "12 min"; "?" for an unreadable date. */
export function ageText(now: Date, date: Date | string): string {
  const t = time(date);
  if (t === undefined) {
    return '?';
  }
  const minutes = Math.max(0, Math.floor((now.getTime() - t) / 60000));
  if (minutes >= 24 * 60) return `${Math.floor(minutes / (24 * 60))} d`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h`;
  return `${minutes} min`;
}

// ---------------------------------------------------------------- grouping

export interface PriorityGroup {
  value: PriorityValue;
  label: string;
  changes: ReviewChange[];
}

/**
 * The queue in +2, +1, -1 order, each group from its own label query and most recently updated first.
 * A change voted both ways (a +2 and a freeze -1) appears in both groups: both facts matter.
 */
export function priorityGroups(byValue: Partial<Record<PriorityValue, ReviewChange[]>>): PriorityGroup[] {
  return PRIORITY_VALUES.map((value) => ({
    value,
    label: PRIORITY_LABELS[value],
    changes: [...(byValue[value] ?? [])].sort((a, b) => (time(b.updated) ?? 0) - (time(a.updated) ?? 0)),
  }));
}

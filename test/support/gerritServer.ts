// A Gerrit stand-in for tests: answers GET /changes/?q=…&n=…&S=… on 127.0.0.1 the way Gerrit's REST API
// does (")]}'" line, ChangeInfo with detailed labels, _more_changes on the last item of a short page; one
// list per query when several q= come in one request), evaluates the operators our queries use
// (status:open|merged|abandoned, project:, branch: by name or ^regex, owner: by name, e-mail or username,
// change: by Change-Id or number, file:, label:Review-Priority=) with AND, OR and parentheses, and can be
// switched into the failure modes a real Gerrit or the network produce.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Socket } from 'net';

export interface StandInAccount {
  name?: string;
  email?: string;
  username?: string;
  accountId?: number;
}

interface StandInVote {
  account: StandInAccount;
  value: number;
}

export interface StandInChange {
  number: number;
  project: string;
  subject?: string;
  owner?: StandInAccount;
  /** Gerrit timestamps ("2026-11-20 10:15:00.000000000") or Dates. */
  created?: string | Date;
  updated?: string | Date;
  status?: 'NEW' | 'MERGED' | 'ABANDONED';
  /** master unless set. */
  branch?: string;
  /** I + 40 hex; derived from the number unless set (a backport shares its original's). */
  changeId?: string;
  files?: string[];
  codeReview?: StandInVote[];
  reviewPriority?: StandInVote[];
  /** Sent instead of the built ChangeInfo (for malformed-entry tests); still filtered via the fields above. */
  raw?: Record<string, unknown>;
}

export type GerritMode =
  | 'ok'
  | 'http-401'
  | 'http-403'
  | 'http-429'
  | 'http-500'
  | 'http-503'
  | 'no-prefix'
  | 'broken-json'
  | 'hang'
  | 'closed';

export interface GerritStandIn {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  setMode(mode: GerritMode): Promise<void>;
  /** Request paths with query, in arrival order. */
  requests: string[];
  /** Replace the served changes. */
  setChanges(changes: StandInChange[]): void;
  close(): Promise<void>;
}

export interface GerritStandInOptions {
  mode?: GerritMode;
  /** Server-side page limit when the request has no n (Gerrit's default query limit). */
  defaultLimit?: number;
}

function gerritTimestamp(value: string | Date | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return value;
  return value.toISOString().replace('T', ' ').replace('Z', '').replace(/\.(\d{3})$/, '.$1000000');
}

function accountInfo(a: StandInAccount): Record<string, unknown> {
  const info: Record<string, unknown> = { _account_id: a.accountId ?? 1000 };
  if (a.name !== undefined) info.name = a.name;
  if (a.email !== undefined) info.email = a.email;
  if (a.username !== undefined) info.username = a.username;
  return info;
}

function labelInfo(votes: StandInVote[] | undefined, range: number[]): Record<string, unknown> {
  const values: Record<string, string> = {};
  for (const v of range) values[v > 0 ? `+${v}` : v === 0 ? ' 0' : String(v)] = `value ${v}`;
  return { all: (votes ?? []).map((v) => ({ ...accountInfo(v.account), value: v.value })), values, default_value: 0 };
}

/** The ChangeInfo Gerrit sends with o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS. */
export function changeInfo(c: StandInChange): Record<string, unknown> {
  if (c.raw) return { ...c.raw };
  const created = gerritTimestamp(c.created, '2026-11-01 09:00:00.000000000');
  return {
    id: `${c.project.replace('/', '%2F')}~${(c.branch ?? 'master').replace(/\//g, '%2F')}~${changeIdOf(c)}`,
    project: c.project,
    branch: c.branch ?? 'master',
    change_id: changeIdOf(c),
    subject: c.subject ?? `Change ${c.number}`,
    status: c.status ?? 'NEW',
    created,
    updated: gerritTimestamp(c.updated, created),
    _number: c.number,
    owner: accountInfo(c.owner ?? { name: 'Owner', email: 'owner@example.org', username: 'owner', accountId: 1 }),
    labels: {
      'Code-Review': labelInfo(c.codeReview, [-2, -1, 0, 1, 2]),
      Verified: labelInfo([], [-2, -1, 0, 1, 2]),
      Workflow: labelInfo([], [-1, 0, 1]),
      ...(c.project === 'openstack/releases' ? {} : { 'Review-Priority': labelInfo(c.reviewPriority, [-1, 0, 1, 2]) }),
    },
  };
}

function updatedOf(c: StandInChange): string {
  return gerritTimestamp(c.updated ?? c.created, '2026-11-01 09:00:00.000000000');
}

function changeIdOf(c: StandInChange): string {
  return c.changeId ?? `I${c.number.toString(16).padStart(40, '0')}`;
}

function ownerMatches(c: StandInChange, value: string): boolean {
  const o = c.owner ?? { name: 'Owner', email: 'owner@example.org', username: 'owner', accountId: 1 };
  const v = value.toLowerCase();
  return [o.name, o.email, o.username, o.accountId === undefined ? undefined : String(o.accountId)].some((x) => x !== undefined && x.toLowerCase() === v);
}

/** One operator term against a change; an operator the stand-in does not know fails the test loudly. */
function termMatches(c: StandInChange, term: string): boolean {
  const colon = term.indexOf(':');
  const op = term.slice(0, colon);
  const value = term.slice(colon + 1).replace(/^"(.*)"$/, '$1');
  switch (op) {
    case 'status':
    case 'is': {
      const status = c.status ?? 'NEW';
      if (value === 'open') return status === 'NEW';
      if (value === 'merged') return status === 'MERGED';
      if (value === 'abandoned') return status === 'ABANDONED';
      throw new Error(`stand-in: unknown status ${value}`);
    }
    case 'project':
      return c.project === value;
    case 'branch':
      return value.startsWith('^') ? new RegExp(value).test(c.branch ?? 'master') : (c.branch ?? 'master') === value;
    case 'owner':
      return ownerMatches(c, value);
    case 'change':
      return changeIdOf(c) === value || String(c.number) === value;
    case 'file':
      return value.startsWith('^') ? (c.files ?? []).some((f) => new RegExp(value).test(f)) : (c.files ?? []).includes(value);
    case 'label': {
      const m = /^Review-Priority=([+-]?\d+)$/.exec(value);
      if (!m) throw new Error(`stand-in: unknown label term ${value}`);
      return (c.reviewPriority ?? []).some((v) => v.value === Number(m[1]));
    }
    default:
      throw new Error(`stand-in: unknown operator in ${term}`);
  }
}

/** Tokens: "(", ")", "OR", "AND", operator terms (values may be quoted, spaces inside quotes kept). */
function queryTokens(q: string): string[] {
  return [...q.matchAll(/\(|\)|[^\s()"]+:"[^"]*"|[^\s()]+/g)].map((m) => m[0]);
}

/** Gerrit's query language as far as our queries go: AND by juxtaposition, OR, parentheses. */
export function matchesQuery(c: StandInChange, q: string): boolean {
  const tokens = queryTokens(q);
  let i = 0;
  const orExpr = (): boolean => {
    let value = andExpr();
    while (tokens[i] === 'OR') {
      i++;
      value = andExpr() || value;
    }
    return value;
  };
  const andExpr = (): boolean => {
    let value = true;
    while (i < tokens.length && tokens[i] !== ')' && tokens[i] !== 'OR') {
      if (tokens[i] === 'AND') {
        i++;
        continue;
      }
      value = primary() && value;
    }
    return value;
  };
  const primary = (): boolean => {
    const token = tokens[i++];
    if (token === '(') {
      const value = orExpr();
      if (tokens[i++] !== ')') throw new Error(`stand-in: unbalanced parentheses in ${q}`);
      return value;
    }
    return termMatches(c, token);
  };
  const result = orExpr();
  if (i !== tokens.length) throw new Error(`stand-in: could not read ${q}`);
  return result;
}

export async function startGerritServer(changes: StandInChange[], opts: GerritStandInOptions = {}): Promise<GerritStandIn> {
  let mode: GerritMode = opts.mode ?? 'ok';
  let served = changes;
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    // No keep-alive: a pooled client socket would turn 'closed' into a reset instead of a refused connection.
    res.setHeader('Connection', 'close');
    if (mode === 'hang') return; // never answers; close() destroys the socket
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method !== 'GET' || url.pathname !== '/changes/') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const status = /^http-(\d{3})$/.exec(mode);
    if (status) {
      res.writeHead(Number(status[1]), { 'Content-Type': 'text/plain' }).end(status[1] === '401' ? 'Unauthorized' : 'Error');
      return;
    }
    const qs = url.searchParams.getAll('q');
    const n = Number(url.searchParams.get('n') ?? url.searchParams.get('limit') ?? opts.defaultLimit ?? 500);
    const start = Number(url.searchParams.get('S') ?? url.searchParams.get('start') ?? 0);
    const pageOf = (q: string) => {
      const matching = served.filter((c) => matchesQuery(c, q)).sort((a, b) => (updatedOf(a) < updatedOf(b) ? 1 : updatedOf(a) > updatedOf(b) ? -1 : b.number - a.number));
      const page = matching.slice(start, start + n).map(changeInfo);
      if (page.length > 0 && start + n < matching.length) page[page.length - 1]._more_changes = true;
      return page;
    };
    let pages: unknown;
    try {
      // Gerrit: one q gives a list of changes, several give a list of lists.
      pages = qs.length > 1 ? qs.map(pageOf) : pageOf(qs[0] ?? '');
    } catch (error) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(error));
      return;
    }
    let body = JSON.stringify(pages, null, 2);
    if (mode === 'broken-json') body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
    const prefix = mode === 'no-prefix' ? '' : ")]}'\n";
    res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Disposition': 'attachment' }).end(prefix + body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;
  if (mode === 'closed') await stop();

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setChanges(next) {
      served = next;
    },
    async setMode(next) {
      const wasClosed = mode === 'closed';
      mode = next;
      // 'closed' really closes the port (connection refused); leaving it listens on the same port again.
      if (next === 'closed' && !wasClosed) await stop();
      if (next !== 'closed' && wasClosed) await listen(port);
    },
    close: stop,
  };
}

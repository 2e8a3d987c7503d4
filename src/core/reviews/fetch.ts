// One refresh of every review group: the queries that need nothing else go in one batched request, the
// follow-ups (merged copies of the open backports, by Change-Id) in a second one. Pure: the request is
// injected (GerritClient.queries in the extension, a fake in tests).
import type { ReviewChange } from '../gerrit/gerrit';
import { backportChangeIds } from './backports';
import { fillQuery, isFollowUp, type ReviewGroup } from './groups';

export interface QueryAnswer {
  changes: ReviewChange[];
  truncated: boolean;
  problems: string[];
}

export interface ReviewsAnswer {
  series?: string;
  /** By `<group id>/<query id>`; a query whose placeholders had no value is absent. */
  results: Map<string, QueryAnswer>;
  /** Every query sent, in order (what the README lists, filled in). */
  sent: string[];
  /** Requests made (1, or 2 with follow-ups). */
  requests: number;
}

/** Change-Ids per follow-up query: keeps each URL well under the 8 KB proxies accept. */
const IDS_PER_QUERY = 40;

export async function fetchReviews(groups: readonly ReviewGroup[], series: string | undefined, run: (qs: string[]) => Promise<QueryAnswer[]>): Promise<ReviewsAnswer> {
  const results = new Map<string, QueryAnswer>();
  const sent: string[] = [];
  let requests = 0;
  const first: Array<{ key: string; q: string }> = [];
  for (const g of groups) {
    for (const query of g.queries) {
      if (isFollowUp(query)) continue;
      const q = fillQuery(query.q, { series });
      if (q !== undefined) first.push({ key: `${g.id}/${query.id}`, q });
    }
  }
  if (first.length) {
    const answers = await run(first.map((f) => f.q));
    requests++;
    sent.push(...first.map((f) => f.q));
    first.forEach((f, i) => results.set(f.key, answers[i]));
  }
  const second: Array<{ key: string; q: string }> = [];
  for (const g of groups) {
    const open = g.queries.filter((q) => !isFollowUp(q)).flatMap((q) => results.get(`${g.id}/${q.id}`)?.changes ?? []);
    const ids = backportChangeIds(open);
    for (const query of g.queries.filter(isFollowUp)) {
      for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
        const q = fillQuery(query.q, { series, changeIds: ids.slice(i, i + IDS_PER_QUERY) });
        if (q !== undefined) second.push({ key: `${g.id}/${query.id}`, q });
      }
    }
  }
  if (second.length) {
    const answers = await run(second.map((s) => s.q));
    requests++;
    sent.push(...second.map((s) => s.q));
    second.forEach((s, i) => {
      const before = results.get(s.key);
      const a = answers[i];
      results.set(s.key, before ? { changes: [...before.changes, ...a.changes], truncated: before.truncated || a.truncated, problems: [...before.problems, ...a.problems] } : a);
    });
  }
  return { series, results, sent, requests };
}

/** The changes of a group's queries (all, or those not / only follow-ups), de-duplicated by number. */
export function groupChanges(answer: ReviewsAnswer, group: ReviewGroup, which: 'all' | 'main' | 'follow-up' = 'all'): { changes: ReviewChange[]; truncated: boolean; problems: string[] } {
  const seen = new Set<number>();
  const changes: ReviewChange[] = [];
  let truncated = false;
  const problems: string[] = [];
  for (const q of group.queries) {
    if ((which === 'main' && isFollowUp(q)) || (which === 'follow-up' && !isFollowUp(q))) continue;
    const r = answer.results.get(`${group.id}/${q.id}`);
    if (!r) continue;
    truncated ||= r.truncated;
    problems.push(...r.problems);
    for (const c of r.changes) if (!seen.has(c.number) && seen.add(c.number)) changes.push(c);
  }
  return { changes, truncated, problems };
}

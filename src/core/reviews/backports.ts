// The stable backports queue: open changes on stable/* grouped by branch (newest first), each flagged
// when nobody reviewed it for days, and checked against the next newer branch (backports go newest
// branch first: a backport whose Change-Id is not merged there yet is premature). Pure.
import { time, type ReviewChange } from '../gerrit/gerrit';

const NO_REVIEW_DAYS = 5;
const DAY_MS = 24 * 3600 * 1000;

export interface BackportItem {
  change: ReviewChange;
  /** Days without any Code-Review vote, from NO_REVIEW_DAYS on. */
  noReviewDays?: number;
  /** The next newer stable branch and, when the same Change-Id is merged there, that change. */
  newer?: { branch: string; merged?: ReviewChange };
}

export interface BranchGroup {
  branch: string;
  items: BackportItem[];
}

/** stable/2026.1 -> [2026, 1]; a code-name branch (stable/zed) sorts before every numbered one. */
function branchKey(branch: string): [number, number, string] {
  const name = branch.replace(/^stable\//, '');
  const m = /^(\d{4})\.(\d+)$/.exec(name);
  return m ? [Number(m[1]), Number(m[2]), ''] : [0, 0, name];
}

/** Newest first. */
export function compareBranches(a: string, b: string): number {
  const [ay, an, as] = branchKey(a);
  const [by, bn, bs] = branchKey(b);
  return by - ay || bn - an || (bs < as ? -1 : bs > as ? 1 : 0);
}

function noReviewDays(change: ReviewChange, now: Date): number | undefined {
  if (change.codeReview.length > 0) return undefined;
  const since = time(change.created) ?? time(change.updated);
  if (since === undefined) return undefined;
  const days = Math.floor((now.getTime() - since) / DAY_MS);
  return days >= NO_REVIEW_DAYS ? days : undefined;
}

/**
 * `open`: the open stable changes; `merged`: merged stable changes sharing their Change-Ids; `branches`:
 * stable branches known to exist (from the series data), joined with those seen in the answers.
 */
export function backportGroups(open: readonly ReviewChange[], merged: readonly ReviewChange[], branches: readonly string[], now: Date): BranchGroup[] {
  const stable = (c: ReviewChange) => c.branch?.startsWith('stable/') === true;
  const known = [...new Set([...branches, ...open.filter(stable).map((c) => c.branch!), ...merged.filter(stable).map((c) => c.branch!)])].sort(compareBranches);
  const mergedOn = new Map<string, ReviewChange>();
  for (const c of merged) if (c.changeId && c.branch && (c.status ?? 'MERGED') === 'MERGED') mergedOn.set(`${c.project} ${c.branch} ${c.changeId}`, c);
  const byBranch = new Map<string, BackportItem[]>();
  for (const change of open.filter(stable)) {
    const branch = change.branch!;
    const index = known.indexOf(branch);
    const newerBranch = index > 0 ? known[index - 1] : undefined;
    const item: BackportItem = { change };
    const days = noReviewDays(change, now);
    if (days !== undefined) item.noReviewDays = days;
    if (newerBranch && change.changeId) item.newer = { branch: newerBranch, merged: mergedOn.get(`${change.project} ${newerBranch} ${change.changeId}`) };
    if (!byBranch.has(branch)) byBranch.set(branch, []);
    byBranch.get(branch)!.push(item);
  }
  return [...byBranch]
    .sort(([a], [b]) => compareBranches(a, b))
    .map(([branch, items]) => ({ branch, items: items.sort((a, b) => (time(b.change.updated) ?? 0) - (time(a.change.updated) ?? 0)) }));
}

/** The Change-Ids whose merged copies on newer branches are worth asking for. */
export function backportChangeIds(open: readonly ReviewChange[]): string[] {
  return [...new Set(open.filter((c) => c.branch?.startsWith('stable/') && c.changeId).map((c) => c.changeId!))];
}

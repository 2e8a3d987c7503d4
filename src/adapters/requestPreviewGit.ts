// What git says about a release request's commit in the local clone, for the preview (the facts the
// release team's list-changes job prints), and the commit of the request in the releases checkout.
// execFile only; every value is a hash checked beforehand or a ref under refs/, after --end-of-options.
import { isNoteFile } from '../core/releaseStatus/commitKinds';
import { LOG_FORMAT, parseLog } from '../core/releaseStatus/gitLog';
import type { RawCommit } from '../core/releaseStatus/types';
import { GitError, readBlobs, runGit } from './gitRunner';

const HEX = /^[0-9a-f]{40}$/;
const CAP = 200;

export interface RequestGitFacts {
  known: boolean;
  describe?: string;
  branchHead?: string;
  containsPrevious?: boolean;
  added: RawCommit[];
  notIncluded: RawCommit[];
  notes: Array<{ path: string; text?: string }>;
}

async function ok(folder: string, args: string[]): Promise<boolean | undefined> {
  try {
    await runGit(folder, args);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.failure === 'failed' && error.code === 1) return false;
    if (error instanceof GitError && error.failure === 'failed') return false;
    throw error;
  }
}

const log = async (folder: string, range: string) =>
  parseLog(await runGit(folder, ['log', '--no-merges', `--format=${LOG_FORMAT}`, '--name-status', '--no-renames', `-n${CAP}`, '--end-of-options', range, '--']));

/** The tags of a clone (one process). */
export async function tagsOf(folder: string): Promise<Set<string>> {
  const text = await runGit(folder, ['for-each-ref', '--format=%(refname:strip=2)', 'refs/tags/']);
  return new Set(text.split('\n').map((s) => s.trim()).filter(Boolean));
}

export async function requestFacts(folder: string, o: { hash: string; previous?: string; branchRef?: string }): Promise<RequestGitFacts> {
  const facts: RequestGitFacts = { known: false, added: [], notIncluded: [], notes: [] };
  if (!HEX.test(o.hash)) return facts;
  facts.known = (await ok(folder, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${o.hash}^{commit}`])) === true;
  if (!facts.known) return facts;
  const tags = await tagsOf(folder);
  const previous = o.previous && tags.has(o.previous) ? `refs/tags/${o.previous}` : undefined;
  const [describe, head, contains, added] = await Promise.all([
    runGit(folder, ['describe', '--tags', '--end-of-options', o.hash]).then((s) => s.trim(), () => undefined),
    o.branchRef ? runGit(folder, ['rev-parse', '--verify', '--quiet', '--end-of-options', o.branchRef]).then((s) => s.trim(), () => undefined) : Promise.resolve(undefined),
    previous ? ok(folder, ['merge-base', '--is-ancestor', '--end-of-options', previous, o.hash]) : Promise.resolve(undefined),
    log(folder, previous ? `${previous}..${o.hash}` : o.hash),
  ]);
  facts.describe = describe;
  facts.branchHead = head && HEX.test(head) ? head : undefined;
  facts.containsPrevious = contains;
  facts.added = added;
  if (facts.branchHead && facts.branchHead !== o.hash) facts.notIncluded = await log(folder, `${o.hash}..${facts.branchHead}`);
  const paths = [...new Set(added.flatMap((c) => c.files.filter((f) => f.status === 'A' && isNoteFile(f.path)).map((f) => f.path)))].slice(0, 100);
  const texts = paths.length ? await readBlobs(folder, paths.map((p) => `${o.hash}:${p}`)) : [];
  facts.notes = paths.map((path, i) => ({ path, text: texts[i] }));
  return facts;
}

/** A branch name git accepts and no option: letters, digits, dots, dashes, slashes. */
export function safeBranchName(text: string): string {
  return text.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^[-./]+/, '').replace(/\.\.+/g, '.').replace(/[./]+$/, '') || 'release-request';
}

/**
 * Commits `file` (relative to the checkout) on a new branch with `message`. The branch must not
 * exist; nothing is pushed. Returns the new commit's hash.
 */
export async function commitRequest(checkout: string, file: string, message: string, branch: string): Promise<string> {
  const name = safeBranchName(branch);
  await runGit(checkout, ['switch', '--quiet', '-c', name]);
  await runGit(checkout, ['add', '--', file]);
  await runGit(checkout, ['commit', '--quiet', '-F', '-', '--', file], { input: message });
  return (await runGit(checkout, ['rev-parse', 'HEAD'])).trim();
}

// What the team's clones say for the review groups, through `git` (execFile, never a shell; a time-out
// and an output cap on each call): backport candidates of a stable branch, and whether a new stable
// branch carries its .gitreview. Plain Node, no `vscode`; local only, never the network.
import { GitError, runGit as runQueuedGit } from './gitRunner';
import { backportCandidates, FIELD, parseNoteLog, parseStableLog, RECORD, type Candidate } from '../core/reviews/candidates';
import { gitreviewDefaultBranch } from '../core/reviews/bots';

const TIMEOUT_MS = 15_000;
const MAX_OUTPUT = 16 * 1024 * 1024;

export type Git = (cwd: string, args: string[]) => Promise<{ ok: true; stdout: string } | { ok: false; reason: string }>;

/** git through the shared runner (its queue starts one process per turn: a fork holds the host). */
export const runGit: Git = async (cwd, args) => {
  try {
    return { ok: true, stdout: await runQueuedGit(cwd, args, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_OUTPUT }) };
  } catch (error) {
    return { ok: false, reason: error instanceof GitError && error.failure === 'missing' ? 'git is not installed' : (error as Error).message.split('\n')[0] };
  }
};

/** The first of `names` that is a commit here (a local branch, else the remote's), or undefined. */
async function firstRef(git: Git, cwd: string, names: string[]): Promise<string | undefined> {
  for (const name of names) {
    const r = await git(cwd, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
    if (r.ok && r.stdout.trim()) return name;
  }
  return undefined;
}

const refsOf = (branch: string) => [branch, `origin/${branch}`, `gerrit/${branch}`];

export type CandidatesRead = { ok: true; candidates: Candidate[]; stable: string; master: string } | { ok: false; reason: 'no-branch' | 'git'; detail?: string };

/** Master commits since `stable`'s branch point worth backporting to it. */
export async function readCandidates(git: Git, cwd: string, stableBranch: string): Promise<CandidatesRead> {
  const stable = await firstRef(git, cwd, refsOf(stableBranch));
  const master = await firstRef(git, cwd, [...refsOf('master'), 'HEAD']);
  if (!stable || !master) return { ok: false, reason: 'no-branch' };
  const base = await git(cwd, ['merge-base', master, stable]);
  if (!base.ok) return { ok: false, reason: 'git', detail: base.reason };
  const point = base.stdout.trim();
  const notes = await git(cwd, ['log', '--no-merges', '--no-color', '--diff-filter=A', '-p', `--format=${RECORD}%H${FIELD}%s${FIELD}%b${FIELD}`, `${point}..${master}`, '--', 'releasenotes/notes/']);
  if (!notes.ok) return { ok: false, reason: 'git', detail: notes.reason };
  const picked = await git(cwd, ['log', '--no-color', `--format=${RECORD}%H${FIELD}%b`, `${point}..${stable}`]);
  if (!picked.ok) return { ok: false, reason: 'git', detail: picked.reason };
  return { ok: true, candidates: backportCandidates(parseNoteLog(notes.stdout), parseStableLog(picked.stdout)), stable, master };
}

/** Whether `stableBranch` exists here and its .gitreview names it as the default branch. */
export async function readGitreview(git: Git, cwd: string, stableBranch: string): Promise<'ok' | 'missing' | 'no-branch'> {
  const ref = await firstRef(git, cwd, refsOf(stableBranch));
  if (!ref) return 'no-branch';
  const file = await git(cwd, ['show', `${ref}:.gitreview`]);
  return file.ok && gitreviewDefaultBranch(file.stdout) === stableBranch ? 'ok' : 'missing';
}

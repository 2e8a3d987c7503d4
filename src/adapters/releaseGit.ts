// Git for the release rules, host-free (execFile, never a shell): the deliverable file as the gate
// compares it (at the merge-base with the upstream branch, not HEAD: a liaison commits before
// `git review`), when it was last changed, when a clone was last fetched, and the rounds of git
// questions and answers the rules need (which releases are new is itself a git answer).
import { promises as fs } from 'fs';
import * as path from 'path';
import { readBlob } from './gitBlobStream';
import { GitError, runGit } from './gitRunner';
import { gitAnswer, readsOutput, type GitAnswer, type GitQuestion } from '../core/deliverables/gitAnswers';
import type { ValidateResult } from '../core/deliverables/validationJobs';

interface GitRun {
  code: number | undefined;
  stdout: string;
}

/** git through the shared runner (one process started per turn), its exit code instead of an error. */
async function git(cwd: string, args: string[]): Promise<GitRun> {
  try {
    return { code: 0, stdout: await runGit(cwd, args, { timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 }) };
  } catch (error) {
    return { code: error instanceof GitError ? error.code : undefined, stdout: '' };
  }
}

/** The commit the local change started from: the merge-base with @{upstream}, else with origin/master, else HEAD. */
async function changeBase(root: string): Promise<{ rev: string; against: string } | undefined> {
  for (const upstream of ['@{upstream}', 'origin/master']) {
    const base = await git(root, ['merge-base', 'HEAD', upstream]);
    if (base.code === 0 && base.stdout.trim()) return { rev: base.stdout.trim(), against: upstream };
  }
  const head = await git(root, ['rev-parse', '-q', '--verify', 'HEAD']);
  return head.code === 0 ? { rev: head.stdout.trim(), against: 'HEAD' } : undefined;
}

/** How long one answer of changeBase serves a burst of validations (a whole checkout asks it per file). */
const BASE_REUSE_MS = 5_000;
const bases = new Map<string, { at: number; base: Promise<{ rev: string; against: string } | undefined> }>();

/** changeBase, asked once per root for a burst: a merge-base with upstream moves only on a fetch or a rebase. */
function recentChangeBase(root: string): Promise<{ rev: string; against: string } | undefined> {
  const known = bases.get(root);
  if (known && Date.now() - known.at < BASE_REUSE_MS) return known.base;
  const base = changeBase(root);
  bases.set(root, { at: Date.now(), base });
  // HEAD itself (no upstream to compare with) moves with every commit: not kept.
  void base.then((b) => b?.against === 'HEAD' && bases.get(root)?.base === base && bases.delete(root));
  return base;
}

/**
 * The file as it was where the local change started ('' when it did not exist there yet), or
 * undefined when the folder is no git repository.
 */
export async function committedText(root: string, relativePath: string): Promise<{ text: string; against: string } | undefined> {
  const base = await recentChangeBase(root);
  if (!base) return undefined;
  // One open `cat-file --batch` per repository serves a burst (a whole checkout): no process per file.
  const text = await readBlob(root, `${base.rev}:${relativePath}`).catch(async () => {
    const shown = await git(root, ['show', `${base.rev}:${relativePath}`]);
    return shown.code === 0 ? shown.stdout : undefined;
  });
  return { text: text ?? '', against: base.against };
}

/** When a file was last written (ISO), undefined when it cannot be read. */
export async function writtenAt(file: string): Promise<string | undefined> {
  try {
    return (await fs.stat(file)).mtime.toISOString();
  } catch {
    return undefined;
  }
}

/** When the clone was last fetched (FETCH_HEAD's time, ISO), undefined when never. */
export async function lastFetched(clone: string): Promise<string | undefined> {
  const gitDir = await git(clone, ['rev-parse', '--absolute-git-dir']);
  if (gitDir.code !== 0) return undefined;
  try {
    return (await fs.stat(path.join(gitDir.stdout.trim(), 'FETCH_HEAD'))).mtime.toISOString();
  } catch {
    return undefined;
  }
}

/** git's answer to one question in `clone` (undefined: no answer, the rule asking is skipped). */
async function askGit(clone: string, question: GitQuestion): Promise<GitAnswer | undefined> {
  const run = await git(clone, question);
  return gitAnswer(question, run.code, readsOutput(question) ? run.stdout : '');
}

/**
 * The object a question asks about when one `git cat-file --batch-check` can answer it: whether a
 * commit exists (`cat-file -e X^{commit}`) and a tag's commit (`rev-parse -q --verify refs/tags/T^{commit}`).
 */
function objectOf(question: GitQuestion): string | undefined {
  const plain = (object: string | undefined) => (object !== undefined && !/\s/.test(object) ? object : undefined);
  if (question.length === 4 && question[0] === 'cat-file' && question[1] === '-e' && question[2] === '--end-of-options') return plain(question[3]);
  if (question.length === 5 && question[0] === 'rev-parse' && question[1] === '-q' && question[2] === '--verify' && question[3] === '--end-of-options') return plain(question[4]);
  return undefined;
}

/** Answers the batchable questions in one git process (what a validation of a whole checkout needs). */
async function askInOneBatch(clone: string, questions: GitQuestion[]): Promise<Array<[GitQuestion, GitAnswer]>> {
  if (!questions.length) return [];
  let out: string;
  try {
    out = await runGit(clone, ['cat-file', '--batch-check'], { input: questions.map((q) => `${objectOf(q)}\n`).join('') });
  } catch {
    return []; // no git, not a repository: no answers, the rules that asked are skipped
  }
  const lines = out.split('\n');
  if (lines.length <= questions.length) return []; // cut short: no answers rather than wrong ones
  return questions.map((q, i): [GitQuestion, GitAnswer] => {
    // "<hash> <type> <size>" when found; "<object> missing" (or "ambiguous") when not, as `cat-file -e` exits 1 or 128.
    const found = /^([0-9a-f]{40,64}) commit \d+$/.exec(lines[i] ?? '');
    if (q[0] === 'cat-file') return [q, found !== null];
    return [q, found ? `${found[1]}\n` : false];
  });
}

/** At most this many rounds: which releases are new is known after the first, their checks after the second. */
const MAX_ROUNDS = 3;

/**
 * Runs `check` (a validation job: 'record', then with the answers so far) until the rules ask
 * nothing new of git, answering each question in `clone` once.
 */
export async function checkWithGit(clone: string, check: (git: 'record' | Array<[string, GitAnswer]>) => Promise<ValidateResult>): Promise<ValidateResult> {
  const answers = new Map<string, GitAnswer>();
  const tried = new Set<string>();
  let result = await check('record');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fresh = result.questions.filter((q) => !tried.has(q.join('\0')));
    if (!fresh.length) break;
    for (const q of fresh) tried.add(q.join('\0'));
    // Unknown answers are left out: the rules that asked are skipped rather than told "no".
    const batched = fresh.filter((q) => objectOf(q) !== undefined);
    for (const [q, a] of await askInOneBatch(clone, batched)) answers.set(q.join('\0'), a);
    for (const q of fresh.filter((q) => objectOf(q) === undefined)) {
      const a = await askGit(clone, q);
      if (a !== undefined) answers.set(q.join('\0'), a);
    }
    result = await check([...answers]);
  }
  return result;
}

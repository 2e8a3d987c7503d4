// Git for the release rules, host-free (execFile, never a shell): the deliverable file as the gate
// compares it (at the merge-base with the upstream branch, not HEAD: a liaison commits before
// `git review`), when it was last changed, when a clone was last fetched, and the rounds of git
// questions and answers the rules need (which releases are new is itself a git answer).
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { gitAnswer, readsOutput, type GitAnswer, type GitQuestion, type ValidateResult } from '../core/deliverables/validationJobs';

interface GitRun {
  code: number | undefined;
  stdout: string;
}

function git(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10000, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout) => {
      if (!error) return resolve({ code: 0, stdout });
      const code = (error as NodeJS.ErrnoException & { code?: number | string }).code;
      resolve({ code: typeof code === 'number' ? code : undefined, stdout: '' });
    });
  });
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

/**
 * The file as it was where the local change started ('' when it did not exist there yet), or
 * undefined when the folder is no git repository.
 */
export async function committedText(root: string, relativePath: string): Promise<{ text: string; against: string } | undefined> {
  const base = await changeBase(root);
  if (!base) return undefined;
  const shown = await git(root, ['show', `${base.rev}:${relativePath}`]);
  return { text: shown.code === 0 ? shown.stdout : '', against: base.against };
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
    for (const q of fresh) {
      tried.add(q.join('\0'));
      const a = await askGit(clone, q);
      // Unknown answers are left out: the rules that asked are skipped rather than told "no".
      if (a !== undefined) answers.set(q.join('\0'), a);
    }
    result = await check([...answers]);
  }
  return result;
}

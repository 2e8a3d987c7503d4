// Runs git without a shell (execFile), with a time-out, an output cap and no prompt; values reach git
// as separate arguments after `--end-of-options`, never as options. Host-free: tested in plain Node on
// real repositories. Never used on the activation path.
import { startGit, type GitOptions } from './gitProcess';
import { onGitThread } from './gitThread';

export { GitError, type GitOptions } from './gitProcess';

/** Counts git processes started (all, and per git command), so tests and the benchmark can show the calls are batched. */
export const gitCallCounter = { calls: 0, byCommand: new Map<string, number>() };

// Starting a process blocks the caller while the OS forks (25-50 ms each on a loaded machine): at most
// MAX_RUNNING git processes at a time, each started in its own turn of the event loop, so a reading of
// many branches never holds the extension host for long.
const MAX_RUNNING = 4;
let running = 0;
let pumping = false;
const waiting: Array<() => void> = [];

function pump(): void {
  if (pumping || running >= MAX_RUNNING || waiting.length === 0) return;
  pumping = true;
  setImmediate(() => {
    pumping = false;
    if (running < MAX_RUNNING && waiting.length) {
      running++;
      waiting.shift()!();
    }
    pump();
  });
}

function slot(): Promise<() => void> {
  return new Promise((resolve) => {
    waiting.push(() =>
      resolve(() => {
        running--;
        pump();
      }),
    );
    pump();
  });
}

/** git's stdout as bytes; a non-zero exit is a GitError('failed') carrying the code and stderr. */
async function runGitBuffer(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  const release = await slot();
  try {
    return await spawnGit(cwd, args, options);
  } finally {
    release();
  }
}

function spawnGit(cwd: string, args: readonly string[], options: GitOptions): Promise<Buffer> {
  gitCallCounter.calls++;
  const command = args.find((arg) => !arg.startsWith('-')) ?? '';
  gitCallCounter.byCommand.set(command, (gitCallCounter.byCommand.get(command) ?? 0) + 1);
  // Off this thread when a git thread runs (a fork holds its caller 10-35 ms in the extension host).
  return onGitThread(cwd, args, options) ?? startGit(cwd, args, options);
}

export async function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await runGitBuffer(cwd, args, options)).toString('utf8');
}

/**
 * Reads many blobs in one process (`git cat-file --batch`): `<rev>:<path>` in, text out (undefined
 * for a missing object). Objects over `maxObjectBytes` come back undefined too.
 */
export async function readBlobs(cwd: string, specs: readonly string[], maxObjectBytes = 512 * 1024): Promise<Array<string | undefined>> {
  const usable = specs.map((s) => !/[\n\r]/.test(s));
  const asked = specs.filter((_, i) => usable[i]);
  if (asked.length === 0) return specs.map(() => undefined);
  const out = await runGitBuffer(cwd, ['cat-file', '--batch'], { input: asked.map((s) => `${s}\n`).join('') });
  const answers: Array<string | undefined> = [];
  let at = 0;
  for (let i = 0; i < asked.length; i++) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const match = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
    if (!match) {
      answers.push(undefined); // "<spec> missing" or "ambiguous"
      continue;
    }
    const size = Number(match[2]);
    answers.push(match[1] === 'blob' && size <= maxObjectBytes ? out.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  let k = 0;
  return specs.map((_, i) => (usable[i] ? answers[k++] : undefined));
}

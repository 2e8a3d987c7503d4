// Runs git without a shell (execFile), with a time-out, an output cap and no prompt; values reach git
// as separate arguments after `--end-of-options`, never as options. Host-free: tested in plain Node on
// real repositories. Never used on the activation path.
import { execFile } from 'child_process';

export type GitFailure = 'missing' | 'timeout' | 'too-big' | 'failed';

export class GitError extends Error {
  constructor(
    readonly failure: GitFailure,
    message: string,
    readonly code?: number,
    readonly stderr = '',
  ) {
    super(message);
  }
}

export interface GitOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Written to git's standard input (cat-file --batch). */
  input?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Counts git processes started, so tests and the benchmark can show the calls are batched. */
export const gitCallCounter = { calls: 0 };

// No pager, no prompt, no optional locks (a read must never block a user's git), English messages.
const ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_ASKPASS: '' };

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
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', ...args],
      { cwd, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES, encoding: 'buffer', env: { ...process.env, ...ENV }, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string };
        const err = stderr ? stderr.toString('utf8') : '';
        if (e.code === 'ENOENT') reject(new GitError('missing', 'git is not installed (or not on PATH)'));
        else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new GitError('too-big', 'git printed more than the size cap'));
        else if (e.killed || e.signal === 'SIGTERM') reject(new GitError('timeout', 'git took too long'));
        else reject(new GitError('failed', err.split('\n')[0] || error.message, typeof e.code === 'number' ? e.code : undefined, err));
      },
    );
    child.on('error', () => undefined); // reported through the callback
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined); // git may exit before reading everything
      child.stdin?.end(options.input);
    } else child.stdin?.end();
  });
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

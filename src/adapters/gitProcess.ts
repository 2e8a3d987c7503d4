// Starts one git process (execFile, never a shell) with a time-out, an output cap and no prompt, and
// turns its failure into a GitError. Host-free; runs on the caller's thread or on the git thread
// (gitWorker.ts), whichever gitRunner chooses.
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

// No pager, no prompt, no optional locks (a read must never block a user's git), English messages.
const ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_ASKPASS: '' };

/** git's stdout as bytes; a non-zero exit is a GitError('failed') carrying the code and stderr. */
export function startGit(cwd: string, args: readonly string[], options: GitOptions): Promise<Buffer> {
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

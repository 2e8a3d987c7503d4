// Starts git processes from a worker thread (dist/gitWorker.js). In the extension host a fork holds the
// thread that asks for it 10-35 ms (npm run bench:blocking), so the host's own thread only posts a
// message and reads the answer. Undefined where no thread can be had (no worker script beside this
// bundle, as when unit tests run the sources; a thread that cannot start; already off the main
// thread): the caller then starts git itself. The thread ends after half a minute of idleness. The one
// long-lived `git cat-file --batch` per repository (gitBlobStream.ts) is not a job: it starts where asked.
import { existsSync } from 'fs';
import * as path from 'path';
import { isMainThread, Worker } from 'worker_threads';
import { GitError, type GitFailure, type GitOptions } from './gitProcess';

const IDLE_MS = 30_000;

/** What the git thread answers for job `id`. */
export interface GitThreadReply {
  id: number;
  stdout?: Uint8Array;
  error?: { failure: GitFailure; message: string; code?: number; stderr: string };
}

interface Pending {
  resolve(stdout: Buffer): void;
  reject(error: Error): void;
}

/** The worker script: beside this bundle, looked for once (null: none there). */
let script: string | null | undefined;
let thread: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
/** How many processes the thread was asked to start (tests show git left the caller's thread). */
export const gitThreadJobs = { started: 0 };

/** Tests point at a built worker script (or undefined: look beside the bundle again). */
export function useGitThreadScript(file: string | undefined): void {
  stopGitThread();
  script = file;
}

function scriptFile(): string | null {
  script ??= existsSync(path.join(__dirname, 'gitWorker.js')) ? path.join(__dirname, 'gitWorker.js') : null;
  return script;
}

function failAll(of: Worker, error: Error): void {
  if (thread !== of) return;
  thread = undefined;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startThread(file: string): Worker | undefined {
  try {
    const created = new Worker(file);
    created.on('message', (reply: GitThreadReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (reply.error) job.reject(new GitError(reply.error.failure, reply.error.message, reply.error.code, reply.error.stderr));
      else job.resolve(Buffer.from(reply.stdout!.buffer, reply.stdout!.byteOffset, reply.stdout!.byteLength));
      if (pending.size === 0) {
        created.unref(); // idle: the thread keeps no process alive
        scheduleIdleStop();
      }
    });
    created.on('error', (error) => failAll(created, new GitError('failed', error.message)));
    created.on('exit', () => failAll(created, new GitError('failed', 'the git thread stopped')));
    created.unref();
    return created;
  } catch {
    return undefined;
  }
}

function scheduleIdleStop(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => pending.size === 0 && stopGitThread(), IDLE_MS);
  idleTimer.unref?.();
}

/** git's stdout, started on the git thread; undefined when there is no thread to start it. */
export function onGitThread(cwd: string, args: readonly string[], options: GitOptions): Promise<Buffer> | undefined {
  if (!isMainThread) return undefined;
  const file = scriptFile();
  if (!file) return undefined;
  thread ??= startThread(file);
  const worker = thread;
  if (!worker) return undefined;
  clearTimeout(idleTimer);
  worker.ref(); // a job out keeps the process alive until its answer (a script awaiting git)
  const id = nextId++;
  gitThreadJobs.started++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, cwd, args, options });
  });
}

/** Ends the thread (deactivation; tests). Jobs still out fail with a GitError. */
export function stopGitThread(): void {
  clearTimeout(idleTimer);
  const worker = thread;
  if (!worker) return;
  failAll(worker, new GitError('failed', 'the git thread stopped'));
  void worker.terminate();
}

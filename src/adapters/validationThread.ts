// Runs validation jobs on a worker thread (dist/validationWorker.js), so a 5,000-release file is
// checked without blocking the extension host; the thread ends after a minute of idleness. Where a
// worker cannot start, the job runs in this thread (the same code, from dist/validators.js).
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { GuardResult } from '../core/deliverables/editGuard';
import type { GuardJob, Job, KindsJob, ValidateJob, ValidateResult } from '../core/deliverables/validationJobs';
import type { KindVerdict } from '../core/deliverables/validation';
import { validators } from './lazyReaders';
import { currentBundle, currentLanguage, t } from '../core/l10n';

const IDLE_MS = 60_000;
/** A job that takes longer than this is given up, and its thread with it (a hang must not block later jobs). */
const JOB_TIMEOUT_MS = 30_000;

interface PendingJob {
  thread: Worker;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
/** The thread being started: concurrent first jobs share it rather than start two. */
let starting: Promise<Worker | undefined> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, PendingJob>();

/** Fails the jobs sent to `thread` (and forgets the thread): jobs of a newer thread are not touched. */
function failJobsOf(thread: Worker, error: Error): void {
  for (const [id, job] of pending) {
    if (job.thread !== thread) continue;
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
  if (worker === thread) worker = undefined;
}

/** Stops a thread: it is forgotten at once, so no new job is sent to it while it exits. */
function stopThread(thread: Worker, error: Error): void {
  if (worker === thread) worker = undefined;
  failJobsOf(thread, error);
  void thread.terminate();
}

async function createWorker(): Promise<Worker | undefined> {
  try {
    const { Worker } = await import('worker_threads');
    // dist/validationWorker.js sits next to this bundle (dist/app.js).
    const created = new Worker(path.join(__dirname, 'validationWorker.js'), { workerData: { l10n: currentBundle(), language: currentLanguage() } });
    created.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      clearTimeout(job.timer);
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(result);
    });
    created.on('error', (error) => failJobsOf(created, error));
    created.on('exit', () => failJobsOf(created, new Error(t('The validation thread stopped.'))));
    created.unref();
    return created;
  } catch {
    return undefined;
  }
}

async function startWorker(): Promise<Worker | undefined> {
  if (worker) return worker;
  starting ??= createWorker().then((created) => {
    worker = created;
    starting = undefined;
    return created;
  });
  return starting;
}

function scheduleIdleStop(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const thread = worker;
    if (thread && ![...pending.values()].some((job) => job.thread === thread)) stopThread(thread, new Error(t('The validation thread stopped.')));
  }, IDLE_MS);
}

export function runOffThread(job: ValidateJob): Promise<ValidateResult>;
export function runOffThread(job: GuardJob): Promise<GuardResult>;
export function runOffThread(job: KindsJob): Promise<KindVerdict[]>;
export async function runOffThread(job: Job): Promise<ValidateResult | GuardResult | KindVerdict[]> {
  const thread = await startWorker();
  if (!thread) return validators().runJob(job);
  scheduleIdleStop();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new Error(t('the check took longer than {0} s', JOB_TIMEOUT_MS / 1000));
      // The thread is stuck on this job: stop it, so the next job gets a fresh one.
      pending.delete(id);
      reject(error);
      stopThread(thread, error);
    }, JOB_TIMEOUT_MS);
    pending.set(id, { thread, resolve: resolve as (value: unknown) => void, reject, timer });
    thread.postMessage({ id, job });
  });
}

/** Stops the thread (extension deactivation). */
export function stopValidationThread(): void {
  clearTimeout(idleTimer);
  if (worker) stopThread(worker, new Error(t('The validation thread stopped.')));
}

// Runs validation jobs on a worker thread (dist/validationWorker.js), so a 5,000-release file is
// checked without blocking the extension host; the thread ends after a minute of idleness. Where a
// worker cannot start, the job runs in this thread (the same code, from dist/validators.js).
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { GuardResult } from '../core/editGuard';
import type { GuardJob, Job, ValidateJob, ValidateResult } from '../core/validationJobs';
import { validators } from './lazyReaders';
import { currentBundle, t } from '../core/l10n';

const IDLE_MS = 60_000;
/** A job that takes longer than this is given up (a hang must not keep a command waiting). */
const JOB_TIMEOUT_MS = 30_000;

let worker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();

function failAll(error: Error): void {
  for (const [id, job] of pending) {
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
  worker = undefined;
}

async function startWorker(): Promise<Worker | undefined> {
  if (worker) return worker;
  try {
    const { Worker } = await import('worker_threads');
    // dist/validationWorker.js sits next to this bundle (dist/extension.js).
    const created = new Worker(path.join(__dirname, 'validationWorker.js'), { workerData: { l10n: currentBundle() } });
    created.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      clearTimeout(job.timer);
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(result);
    });
    created.on('error', (error) => failAll(error));
    created.on('exit', () => failAll(new Error(t('The validation thread stopped.'))));
    created.unref();
    worker = created;
    return created;
  } catch {
    return undefined;
  }
}

function scheduleIdleStop(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pending.size === 0 && worker) void worker.terminate();
  }, IDLE_MS);
}

export function runOffThread(job: ValidateJob): Promise<ValidateResult>;
export function runOffThread(job: GuardJob): Promise<GuardResult>;
export async function runOffThread(job: Job): Promise<ValidateResult | GuardResult> {
  const thread = await startWorker();
  if (!thread) return validators().runJob(job);
  scheduleIdleStop();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(t('the check took longer than {0} s', JOB_TIMEOUT_MS / 1000)));
    }, JOB_TIMEOUT_MS);
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
    thread.postMessage({ id, job });
  });
}

/** Stops the thread (extension deactivation). */
export function stopValidationThread(): void {
  clearTimeout(idleTimer);
  void worker?.terminate();
  worker = undefined;
}

// Entry point of dist/validationWorker.js: a worker thread that runs validation jobs (see
// core/validationJobs.ts) so that checking a big deliverable file never blocks the extension host.
// The checks themselves are dist/validators.js, next to this file.
import { parentPort, workerData } from 'worker_threads';
import { bundleTranslator, setTranslator } from './core/l10n';
import type * as Validators from './validators';

// The extension host's translations (vscode.l10n.bundle), for the messages of the checks.
const bundle = (workerData as { l10n?: Record<string, string> } | null)?.l10n;
if (bundle) setTranslator(bundleTranslator(bundle));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runJob } = require('./validators.js') as typeof Validators;

parentPort?.on('message', ({ id, job }: { id: number; job: Parameters<typeof runJob>[0] }) => {
  try {
    parentPort!.postMessage({ id, result: runJob(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

// Entry point of dist/validationWorker.js: a worker thread that runs validation jobs (see
// core/deliverables/validationJobs.ts) so that checking a big deliverable file never blocks the extension host.
// The checks themselves are dist/validators.js, next to this file.
import { parentPort, workerData } from 'worker_threads';
import { bundleTranslator, setTranslator } from './core/l10n';
import type * as Validators from './validators';

// The extension host's translations (vscode.l10n.bundle) and display language, for the messages of the checks.
const data = workerData as { l10n?: Record<string, string>; language?: string } | null;
if (data?.l10n) setTranslator(bundleTranslator(data.l10n), data.l10n, data.language);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runJob } = require('./validators.js') as typeof Validators;

parentPort?.on('message', ({ id, job }: { id: number; job: Parameters<typeof runJob>[0] }) => {
  try {
    parentPort!.postMessage({ id, result: runJob(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

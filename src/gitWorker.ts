// Entry point of dist/gitWorker.js: the thread that starts git processes for the extension host (see
// adapters/gitThread.ts), so that a fork never holds the host's thread.
import { parentPort } from 'worker_threads';
import { GitError, startGit, type GitOptions } from './adapters/gitProcess';
import type { GitThreadReply } from './adapters/gitThread';

parentPort?.on('message', ({ id, cwd, args, options }: { id: number; cwd: string; args: string[]; options: GitOptions }) => {
  const reply = (message: GitThreadReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
  startGit(cwd, args, options).then(
    (stdout) => {
      const copy = new Uint8Array(stdout); // its own memory (a small Buffer shares Node's pool), moved, not copied again
      reply({ id, stdout: copy }, [copy.buffer]);
    },
    (error: unknown) => {
      const e = error instanceof GitError ? error : new GitError('failed', error instanceof Error ? error.message : String(error));
      reply({ id, error: { failure: e.failure, message: e.message, code: e.code, stderr: e.stderr } });
    },
  );
});

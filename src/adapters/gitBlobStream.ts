// One long-lived `git cat-file --batch` per repository for a burst of reads (validating a whole
// checkout reads the committed version of every file): a line in, the object out, no process per
// file. Closed after a short idle time, on a time-out, or when git fails; a read then starts a new one.
// Host-free (execFile's sibling spawn, never a shell); values never reach git as options.
import { spawn, type ChildProcess } from 'child_process';

const IDLE_CLOSE_MS = 5_000;
const READ_TIMEOUT_MS = 10_000;
const MAX_OBJECT_BYTES = 4 * 1024 * 1024;
const ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

interface Pending {
  resolve: (text: string | undefined) => void;
  reject: (error: Error) => void;
}

class BlobStream {
  private readonly child: ChildProcess;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private idle?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  closed = false;

  constructor(cwd: string, private readonly onClose: () => void) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: { ...process.env, ...ENV }, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    this.child.on('error', () => this.close(new Error('git could not be started')));
    this.child.on('exit', () => this.close(new Error('git cat-file stopped')));
    this.child.stdin?.on('error', () => undefined); // reported through 'exit'
    this.child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** The object's text; undefined when it is missing, not a blob, or over the size cap. */
  read(spec: string): Promise<string | undefined> {
    if (/[\n\r]/.test(spec)) return Promise.resolve(undefined);
    if (this.closed) return Promise.reject(new Error('git cat-file stopped'));
    clearTimeout(this.idle);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.armTimeout();
      this.child.stdin?.write(`${spec}\n`);
    });
  }

  private armTimeout(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.close(new Error('git took too long')), READ_TIMEOUT_MS);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0 || !this.pending.length) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      const match = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
      let text: string | undefined;
      if (match) {
        const size = Number(match[2]);
        if (this.buffer.length < eol + 1 + size + 1) return; // the rest of the object is still coming
        if (match[1] === 'blob' && size <= MAX_OBJECT_BYTES) text = this.buffer.subarray(eol + 1, eol + 1 + size).toString('utf8');
        this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      } else {
        this.buffer = this.buffer.subarray(eol + 1); // "<spec> missing" or "ambiguous"
      }
      this.pending.shift()!.resolve(text);
      if (this.pending.length) this.armTimeout();
      else {
        clearTimeout(this.timer);
        this.idle = setTimeout(() => this.close(), IDLE_CLOSE_MS);
      }
    }
  }

  close(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idle);
    clearTimeout(this.timer);
    this.onClose();
    for (const p of this.pending.splice(0)) p.reject(error ?? new Error('closed'));
    this.child.stdin?.end();
    this.child.kill();
  }
}

const streams = new Map<string, BlobStream>();

/** Reads `<rev>:<path>` in `cwd` through the repository's open stream (started on first use). */
export function readBlob(cwd: string, spec: string): Promise<string | undefined> {
  let stream = streams.get(cwd);
  if (!stream || stream.closed) {
    const created: BlobStream = new BlobStream(cwd, () => streams.get(cwd) === created && streams.delete(cwd));
    stream = created;
    streams.set(cwd, stream);
  }
  return stream.read(spec);
}

/** Closes every stream (the extension stops; tests end). */
export function closeBlobStreams(): void {
  for (const stream of [...streams.values()]) stream.close();
}

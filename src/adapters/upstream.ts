// Files of openstack/releases fetched from upstream and kept in a cache folder, so the schedules stay fresh
// online and keep working offline. Plain Node (fs/promises + http.ts): no `vscode` import.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fetchText, type FetchOptions, type FetchResult } from './http';
import { t } from '../core/l10n';

/** Raw files of the releases repository's master branch. */
export const DEFAULT_UPSTREAM_BASE = 'https://opendev.org/openstack/releases/raw/branch/master/';
export const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export interface UpstreamOptions {
  baseUrl: string;
  /** The extension's globalStorageUri.fsPath (or a folder below it). */
  cacheDir: string;
  now?: () => Date;
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
  /** A cached copy younger than this is used without asking upstream. Default one day. */
  maxAgeMs?: number;
  timeoutMs?: number;
}

export interface GetOptions {
  /** Ask upstream even when the cached copy was checked less than a day ago. */
  force?: boolean;
  /** A problem sentence when the text is not what was asked for (malformed YAML ...); such text is not cached. */
  validate?: (text: string) => string | undefined;
}

export interface UpstreamResult {
  /** Missing only when there is no cached copy and upstream failed (or does not have the file). */
  text?: string;
  /** 'upstream': checked against upstream within maxAgeMs; 'cache': a copy upstream could not confirm. */
  source: 'upstream' | 'cache';
  /** When upstream last confirmed (or served) this text. */
  fetchedAt?: Date;
  /** Why upstream could not be used this time, one sentence. */
  problem?: string;
  /** HTTP status of a failed request (404: the file does not exist upstream). */
  status?: number;
}

interface Sidecar {
  url: string;
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
  /** Length of the text file, to notice a text and sidecar that do not belong together. */
  length: number;
}

interface Cached {
  text: string;
  meta: Sidecar;
}

const SAFE_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Refuses what a proxy, login or error page returns with status 200. */
function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html)/i.test(text.slice(0, 512));
}

export class UpstreamStore {
  private readonly baseUrl: string;
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly fetch: (url: string, options: FetchOptions) => Promise<FetchResult>;
  private readonly maxAgeMs: number;
  private readonly timeoutMs?: number;
  private readonly inFlight = new Map<string, Promise<UpstreamResult>>();

  constructor(options: UpstreamOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    // One folder per base URL: a copy from another mirror is never taken for this one's.
    const key = createHash('sha256').update(this.baseUrl).digest('hex').slice(0, 12);
    this.dir = path.join(options.cacheDir, `upstream-${key}`);
    this.now = options.now ?? (() => new Date());
    this.fetch = options.fetch ?? fetchText;
    this.maxAgeMs = options.maxAgeMs ?? ONE_DAY_MS;
    this.timeoutMs = options.timeoutMs;
  }

  /** The host for messages ("opendev.org"). */
  get host(): string {
    return new URL(this.baseUrl).host;
  }

  urlOf(relPath: string): string {
    return new URL(relPath, this.baseUrl).toString();
  }

  /** One request at a time per path: the status bar and the view asking together share it. */
  get(relPath: string, options: GetOptions = {}): Promise<UpstreamResult> {
    if (!SAFE_PATH.test(relPath) || relPath.split('/').some((p) => p === '..' || p === '.')) {
      return Promise.resolve({ source: 'upstream', problem: t('not a repository path: {0}', relPath) });
    }
    const key = `${options.force ? 'force:' : ''}${relPath}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(relPath, options).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** The cached copy only, never the network (the first status bar update reads this). */
  async cached(relPath: string): Promise<UpstreamResult | undefined> {
    const cached = await this.readCache(relPath);
    return cached && { text: cached.text, source: this.isFresh(cached) ? 'upstream' : 'cache', fetchedAt: new Date(cached.meta.fetchedAt) };
  }

  private isFresh(cached: Cached): boolean {
    const age = this.now().getTime() - Date.parse(cached.meta.fetchedAt);
    return age >= 0 && age < this.maxAgeMs;
  }

  private async load(relPath: string, options: GetOptions): Promise<UpstreamResult> {
    const url = this.urlOf(relPath);
    const cached = await this.readCache(relPath);
    const usable = cached && cached.meta.url === url ? cached : undefined;
    if (usable && !options.force && this.isFresh(usable)) {
      return { text: usable.text, source: 'upstream', fetchedAt: new Date(usable.meta.fetchedAt) };
    }
    const fetchOptions: FetchOptions = { timeoutMs: this.timeoutMs };
    if (usable) {
      fetchOptions.etag = usable.meta.etag;
      fetchOptions.lastModified = usable.meta.lastModified;
    }
    const answer = await this.fetch(url, fetchOptions);
    const fallback = (problem: string, status?: number): UpstreamResult =>
      usable
        ? { text: usable.text, source: 'cache', fetchedAt: new Date(usable.meta.fetchedAt), problem, status }
        : { source: 'upstream', problem, status };

    if (answer.kind === 'error') return fallback(answer.reason, answer.status);
    const fetchedAt = this.now();
    if (answer.kind === 'not-modified') {
      if (!usable) return fallback(t('upstream answered "not modified" to an unconditional request'));
      await this.writeCache(relPath, usable.text, { ...usable.meta, fetchedAt: fetchedAt.toISOString() }).catch(() => undefined);
      return { text: usable.text, source: 'upstream', fetchedAt };
    }
    if (looksLikeHtml(answer.text)) return fallback(t('an HTML page instead of the file (a login or error page?)'));
    const invalid = validateSafely(options.validate, answer.text);
    if (invalid) return fallback(invalid);
    const meta: Sidecar = { url, fetchedAt: fetchedAt.toISOString(), etag: answer.etag, lastModified: answer.lastModified, length: answer.text.length };
    // A cache that cannot be written (full disk, read-only) costs freshness next time, not this answer.
    await this.writeCache(relPath, answer.text, meta).catch(() => undefined);
    return { text: answer.text, source: 'upstream', fetchedAt };
  }

  private files(relPath: string): { text: string; meta: string } {
    const text = path.join(this.dir, ...relPath.split('/'));
    return { text, meta: `${text}.meta.json` };
  }

  private async readCache(relPath: string): Promise<Cached | undefined> {
    const files = this.files(relPath);
    try {
      const [text, metaText] = await Promise.all([readFile(files.text, 'utf8'), readFile(files.meta, 'utf8')]);
      const meta = JSON.parse(metaText) as Sidecar;
      if (typeof meta.fetchedAt !== 'string' || Number.isNaN(Date.parse(meta.fetchedAt)) || meta.length !== text.length) return undefined;
      return { text, meta };
    } catch {
      return undefined;
    }
  }

  /** Text first, sidecar last, each through a temporary file and a rename: a crash never leaves half a file. */
  private async writeCache(relPath: string, text: string, meta: Sidecar): Promise<void> {
    const files = this.files(relPath);
    await mkdir(path.dirname(files.text), { recursive: true });
    await atomicWrite(files.text, text);
    await atomicWrite(files.meta, JSON.stringify(meta, null, 1));
  }
}

function validateSafely(validate: GetOptions['validate'], text: string): string | undefined {
  if (!validate) return undefined;
  try {
    return validate(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function atomicWrite(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

// A small, careful GET for text files (schedules, Gerrit answers). Plain Node `https`/`http`: VS Code's
// proxy support patches those modules in the extension host. No `vscode` import, so it unit-tests in Node.
import * as http from 'node:http';
import * as https from 'node:https';
import { t } from '../core/l10n';

export type FetchResult =
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string; url: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; reason: string; status?: number };

export interface FetchOptions {
  /** The whole request, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** The body is refused (and the download aborted) above this. Default 2 MB. */
  maxBytes?: number;
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  /** Accept header; default text/YAML. */
  accept?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

function parse(url: string): URL | string {
  try {
    return new URL(url);
  } catch {
    return t('not a valid URL');
  }
}

/** Only https, or plain http to this machine (tests, local mirrors). */
function schemeProblem(u: URL): string | undefined {
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:') return LOOPBACK.has(u.hostname) ? undefined : t('plain http is only allowed to this machine (127.0.0.1, ::1, localhost); use https');
  return t('only https URLs are supported, not {0}', u.protocol.replace(/:$/, ''));
}

/** A problem sentence for a URL setting, or undefined when the URL is usable. */
export function checkUrl(url: string): string | undefined {
  const u = parse(url.trim());
  if (typeof u === 'string') return u;
  const scheme = schemeProblem(u);
  if (scheme) return scheme;
  if (u.username || u.password) return t('the URL holds a user name or password; they are never sent, remove them');
  return undefined;
}

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

function secondsText(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Node's error codes as one short sentence. */
function networkReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return t('DNS lookup failed');
  if (code && ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EADDRNOTAVAIL'].includes(code)) return t('server unreachable ({0})', code);
  if (code === 'ECONNRESET' || code === 'EPIPE') return t('connection closed by the server');
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return t('TLS certificate not trusted ({0})', code);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return t('request failed ({0})', code ?? message);
}

function resolveLocation(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

interface Hop {
  kind: 'redirect';
  location: string;
}

/** GETs a text file. Never throws: every failure is a `{ kind: 'error' }` with one short sentence. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const first = parse(url);
  if (typeof first === 'string') return { kind: 'error', reason: first };
  const problem = schemeProblem(first);
  if (problem) return { kind: 'error', reason: problem };

  // One controller for the whole request: the time-out and the caller's signal both abort it.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const aborted = (): FetchResult => ({ kind: 'error', reason: timedOut ? t('time-out after {0}', secondsText(timeoutMs)) : t('request cancelled') });

  try {
    let current = first;
    for (let hop = 0; ; hop++) {
      if (controller.signal.aborted) return aborted();
      const result = await requestOnce(current, options, maxBytes, controller.signal);
      if (controller.signal.aborted && result.kind !== 'ok') return aborted();
      if (result.kind !== 'redirect') return result;
      if (hop >= MAX_REDIRECTS) return { kind: 'error', reason: t('too many redirects (more than {0})', MAX_REDIRECTS) };
      const next = resolveLocation(result.location, current);
      if (!next) return { kind: 'error', reason: t('redirect to an invalid URL refused') };
      // An https server must not send us to plain http, not even to this machine (its local services).
      if (schemeProblem(next) || (first.protocol === 'https:' && next.protocol !== 'https:')) return { kind: 'error', reason: t('redirect to a non-https URL refused') };
      // Only the configured host is ever asked: a redirect elsewhere is an answer we do not follow.
      if (next.host !== first.host) return { kind: 'error', reason: t('redirect to another host ({0}) refused', next.host.slice(0, 60)) };
      current = next;
    }
  } catch (error) {
    return controller.signal.aborted ? aborted() : { kind: 'error', reason: networkReason(error) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function requestOnce(u: URL, options: FetchOptions, maxBytes: number, signal: AbortSignal): Promise<FetchResult | Hop> {
  // Credentials are never sent: no userinfo, no Authorization, no cookies.
  const target = new URL(u.toString());
  target.username = '';
  target.password = '';
  target.hash = '';
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'text/plain, application/yaml, text/yaml, */*;q=0.5',
    'Accept-Encoding': 'identity',
    'User-Agent': 'glance-release-cycle-vscode',
  };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const get = target.protocol === 'https:' ? https.get : http.get;

  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: FetchResult | Hop) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const request = get(target, { headers, signal }, (response) => {
      const status = response.statusCode ?? 0;
      // Settle before destroying: destroying emits 'aborted', which must not replace the real reason.
      const done = (value: FetchResult | Hop) => {
        settle(value);
        response.destroy();
      };
      if (status === 304) return done({ kind: 'not-modified' });
      if (status >= 300 && status < 400) {
        const location = response.headers.location;
        return done(location ? { kind: 'redirect', location } : { kind: 'error', reason: t('HTTP {0} without a location', status), status });
      }
      if (status < 200 || status >= 300) return done({ kind: 'error', reason: `HTTP ${status}`, status });
      const tooLarge: FetchResult = { kind: 'error', reason: t('answer larger than {0}', sizeText(maxBytes)) };
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) return done(tooLarge);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return done(tooLarge);
        chunks.push(chunk);
      });
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
        const etag = header(response.headers.etag);
        const lastModified = header(response.headers['last-modified']);
        settle({ kind: 'ok', text, etag, lastModified, url: target.toString() });
      });
      response.on('error', (error) => settle({ kind: 'error', reason: signal.aborted ? t('request cancelled') : networkReason(error) }));
      response.on('aborted', () => settle({ kind: 'error', reason: t('connection closed before the answer was complete') }));
    });
    request.on('error', (error) => settle({ kind: 'error', reason: signal.aborted ? t('request cancelled') : networkReason(error) }));
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

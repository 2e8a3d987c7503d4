// A real HTTP server on 127.0.0.1 serving copies of test/fixtures/upstream at upstream paths, plus routes
// that misbehave on purpose. Tests wait on its events (requests seen, connections closed), never on sleeps.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fixtures } from '../helpers';

const upstreamFixture = path.join(fixtures, 'upstream');
export const SERIES = ['antelope', 'bobcat', 'caracal', 'dalmatian', 'epoxy', 'flamingo', 'gazpacho', 'hibiscus', 'indri'];

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface SeenRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
}

export function fixtureText(relPath: string): string {
  return fs.readFileSync(path.join(upstreamFixture, ...relPath.split('/')), 'utf8');
}

/** Serves a text with an ETag and Last-Modified, answering 304 to a matching conditional request. */
export function serveText(text: string, lastModified = 'Wed, 01 Oct 2025 10:00:00 GMT'): Handler {
  const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', ETag: etag, 'Last-Modified': lastModified });
    res.end(text);
  };
}

export const status =
  (code: number, body = `error ${code}`): Handler =>
  (_req, res) => {
    res.writeHead(code, { 'Content-Type': 'text/plain' });
    res.end(body);
  };

export const redirect =
  (location: string, code = 302): Handler =>
  (_req, res) => {
    res.writeHead(code, { Location: location });
    res.end();
  };

export const htmlPage: Handler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end('<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>\n');
};

/** Never answers; the socket stays open until the client gives up. */
export const hang: Handler = () => undefined;

export class TestServer {
  readonly seen: SeenRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly server: http.Server;
  private readonly waiters: Array<{ match: (r: SeenRequest) => boolean; resolve: () => void }> = [];
  /** Resolved when a streamed huge body's connection closes, with the bytes written so far. */
  hugeClosed?: Promise<number>;
  port = 0;

  constructor() {
    this.server = http.createServer((req, res) => {
      const seen = { url: req.url ?? '/', headers: req.headers };
      this.seen.push(seen);
      for (const w of [...this.waiters]) {
        if (w.match(seen)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      const pathname = new URL(seen.url, 'http://127.0.0.1').pathname;
      const handler = this.routes.get(pathname) ?? this.fixtureHandler(pathname);
      handler(req, res);
    });
    this.route('/echo-headers', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(req.headers));
    });
    this.route('/hang', hang);
    this.route('/status/500', status(500));
    this.route('/html', htmlPage);
    this.route('/redirect-http', redirect('http://example.com/data/series_status.yaml'));
    this.route('/redirect-local', redirect('/data/series_status.yaml', 301));
    this.route('/redirect-loop', redirect('/redirect-loop'));
    this.route('/huge', (_req, res) => this.streamHuge(res, false));
    this.route('/huge-declared', (_req, res) => this.streamHuge(res, true));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  url(relPath: string): string {
    return `${this.base}${relPath.replace(/^\//, '')}`;
  }

  route(pathname: string, handler: Handler): void {
    this.routes.set(pathname, handler);
  }

  unroute(pathname: string): void {
    this.routes.delete(pathname);
  }

  requestsTo(pathname: string): SeenRequest[] {
    return this.seen.filter((r) => new URL(r.url, 'http://127.0.0.1').pathname === pathname);
  }

  /** Resolves when a request for the path arrives (already or later). */
  requested(pathname: string): Promise<void> {
    const match = (r: SeenRequest) => new URL(r.url, 'http://127.0.0.1').pathname === pathname;
    if (this.seen.some(match)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private fixtureHandler(pathname: string): Handler {
    const file = path.join(upstreamFixture, ...pathname.split('/').filter(Boolean));
    if (!file.startsWith(upstreamFixture + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return status(404, 'Not found');
    return serveText(fs.readFileSync(file, 'utf8'));
  }

  /** 50 MB in 64 KB chunks, honouring back-pressure, stopping when the client goes away. */
  private streamHuge(res: http.ServerResponse, declareLength: boolean): void {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let closed = false;
    this.hugeClosed = new Promise((resolve) => res.on('close', () => ((closed = true), resolve(written))));
    res.writeHead(200, declareLength ? { 'Content-Type': 'text/plain', 'Content-Length': String(total) } : { 'Content-Type': 'text/plain' });
    const pump = () => {
      while (!closed && written < total) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    pump();
  }
}

/** A port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

import * as assert from 'node:assert/strict';
import { checkUrl, fetchText } from '../../../src/adapters/http';
import { closedPort, fixtureText, redirect, TestServer } from './server';

describe('fetchText against a real local server', () => {
  let server: TestServer;
  before(async () => {
    server = await new TestServer().start();
  });
  after(() => server.stop());

  it('fetches a file with its ETag and Last-Modified, then gets "not modified" for the same ETag', async () => {
    const first = await fetchText(server.url('data/series_status.yaml'));
    assert.equal(first.kind, 'ok');
    if (first.kind !== 'ok') return;
    assert.equal(first.text, fixtureText('data/series_status.yaml'));
    assert.ok(first.etag);
    assert.equal(first.lastModified, 'Wed, 01 Oct 2025 10:00:00 GMT');
    const again = await fetchText(server.url('data/series_status.yaml'), { etag: first.etag, lastModified: first.lastModified });
    assert.deepEqual(again, { kind: 'not-modified' });
    const last = server.requestsTo('/data/series_status.yaml').at(-1)!;
    assert.equal(last.headers['if-none-match'], first.etag);
    assert.equal(last.headers['if-modified-since'], first.lastModified);
  });

  it('reports 404 and 500 as "HTTP <status>"', async () => {
    assert.deepEqual(await fetchText(server.url('doc/source/jasmine/schedule.yaml')), { kind: 'error', reason: 'HTTP 404', status: 404 });
    assert.deepEqual(await fetchText(server.url('status/500')), { kind: 'error', reason: 'HTTP 500', status: 500 });
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const r = await fetchText(`http://127.0.0.1:${port}/data/series_status.yaml`);
    assert.deepEqual(r, { kind: 'error', reason: 'server unreachable (ECONNREFUSED)' });
  });

  it('fails fast on a name that cannot resolve (.invalid), without internet', async () => {
    const started = Date.now();
    const r = await fetchText('https://nonexistent.invalid/data/series_status.yaml', { timeoutMs: 3000 });
    assert.equal(r.kind, 'error');
    assert.equal(r.kind === 'error' && r.reason, 'DNS lookup failed');
    assert.ok(Date.now() - started < 3000);
  });

  it('gives up on a server that never answers after the time-out', async () => {
    const r = await fetchText(server.url('hang'), { timeoutMs: 200 });
    assert.deepEqual(r, { kind: 'error', reason: 'time-out after 0.2 s' });
  });

  it('cancels on the caller\'s signal', async () => {
    const controller = new AbortController();
    const pending = fetchText(server.url('hang'), { signal: controller.signal });
    await server.requested('/hang');
    controller.abort();
    assert.deepEqual(await pending, { kind: 'error', reason: 'request cancelled' });
  });

  it('refuses a redirect to plain http and never follows it', async () => {
    const before = server.seen.length;
    const r = await fetchText(server.url('redirect-http'));
    assert.deepEqual(r, { kind: 'error', reason: 'redirect to a non-https URL refused' });
    assert.equal(server.seen.length, before + 1);
  });

  it('refuses a redirect to another host, even on this machine, and never asks it', async () => {
    server.route('/redirect-other-host', redirect(`http://localhost:${new URL(server.base).port}/data/series_status.yaml`));
    const before = server.seen.length;
    const r = await fetchText(server.url('redirect-other-host'));
    assert.deepEqual(r, { kind: 'error', reason: `redirect to another host (localhost:${new URL(server.base).port}) refused` });
    assert.equal(server.seen.length, before + 1, 'only the configured host was asked');
  });

  it('follows a loopback redirect, but at most 3', async () => {
    const r = await fetchText(server.url('redirect-local'));
    assert.equal(r.kind, 'ok');
    assert.equal(r.kind === 'ok' && r.url, server.url('data/series_status.yaml'));
    const before = server.requestsTo('/redirect-loop').length;
    assert.deepEqual(await fetchText(server.url('redirect-loop')), { kind: 'error', reason: 'too many redirects (more than 3)' });
    assert.equal(server.requestsTo('/redirect-loop').length - before, 4);
  });

  it('aborts a 50 MB streamed body at the 2 MB cap', async () => {
    const r = await fetchText(server.url('huge'));
    assert.deepEqual(r, { kind: 'error', reason: 'answer larger than 2 MB' });
    const written = await server.hugeClosed!;
    assert.ok(written < 50 * 1024 * 1024, `the server stopped after ${written} bytes`);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const r = await fetchText(server.url('huge-declared'), { maxBytes: 1024 * 1024 });
    assert.deepEqual(r, { kind: 'error', reason: 'answer larger than 1 MB' });
    await server.hugeClosed;
  });

  it('never sends credentials: user info is stripped, no Authorization or Cookie', async () => {
    const r = await fetchText(`http://alice:secret@127.0.0.1:${server.port}/echo-headers`);
    assert.equal(r.kind, 'ok');
    const headers = JSON.parse(r.kind === 'ok' ? r.text : '{}') as Record<string, string>;
    assert.equal(headers.authorization, undefined);
    assert.equal(headers.cookie, undefined);
    assert.equal(headers['user-agent'], 'glance-release-cycle-vscode');
  });

  it('refuses plain http to other hosts and other schemes without a request', async () => {
    assert.equal((await fetchText('http://example.com/data/series_status.yaml')).kind, 'error');
    assert.deepEqual(await fetchText('ftp://example.com/x'), { kind: 'error', reason: 'only https URLs are supported, not ftp' });
    assert.deepEqual(await fetchText('not a url'), { kind: 'error', reason: 'not a valid URL' });
  });
});

describe('checkUrl', () => {
  it('accepts https and loopback http', () => {
    assert.equal(checkUrl('https://opendev.org/openstack/releases/raw/branch/master/'), undefined);
    assert.equal(checkUrl('http://127.0.0.1:8080/'), undefined);
    assert.equal(checkUrl('http://localhost/'), undefined);
    assert.equal(checkUrl('http://[::1]:9/'), undefined);
  });

  it('names the problem of a bad URL', () => {
    assert.match(checkUrl('http://opendev.org/')!, /use https/);
    assert.match(checkUrl('file:///etc/passwd')!, /not file/);
    assert.match(checkUrl('https://user:pw@opendev.org/')!, /user name or password/);
    assert.equal(checkUrl('opendev.org'), 'not a valid URL');
  });
});

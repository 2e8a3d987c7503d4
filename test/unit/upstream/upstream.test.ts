import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSeriesStatus } from '../../../src/core/calendar/scheduleYaml';
import { fetchText } from '../../../src/adapters/http';
import { ONE_DAY_MS, UpstreamStore } from '../../../src/adapters/upstream';
import { closedPort, fixtureText, hang, htmlPage, serveText, status, TestServer } from './server';

const SERIES_STATUS = 'data/series_status.yaml';
const validSeriesStatus = (text: string) => {
  parseSeriesStatus(text, SERIES_STATUS);
  return undefined;
};

describe('UpstreamStore: cached, re-validated once a day, offline-safe', () => {
  let server: TestServer;
  let cacheDir: string;
  let clock: Date;
  const store = (extra: Partial<ConstructorParameters<typeof UpstreamStore>[0]> = {}) =>
    new UpstreamStore({ baseUrl: server.base, cacheDir, now: () => clock, timeoutMs: 2000, ...extra });
  const hours = (n: number) => (clock = new Date(clock.getTime() + n * 3600_000));

  before(async () => {
    server = await new TestServer().start();
  });
  after(() => server.stop());
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-upstream-'));
    clock = new Date('2026-11-25T09:00:00Z');
    server.unroute('/' + SERIES_STATUS);
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  function cachedFiles(): string[] {
    return fs
      .readdirSync(cacheDir, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(cacheDir, f)).isFile())
      .sort();
  }

  it('fetches, caches (text + sidecar, no temp files left) and serves the cache for a day without asking', async () => {
    const s = store();
    const first = await s.get(SERIES_STATUS, { validate: validSeriesStatus });
    assert.equal(first.source, 'upstream');
    assert.equal(first.text, fixtureText(SERIES_STATUS));
    assert.deepEqual(first.fetchedAt, clock);
    assert.equal(first.problem, undefined);
    const files = cachedFiles().filter((f) => f.endsWith('.yaml') || f.endsWith('.json'));
    assert.equal(files.length, 2);
    assert.ok(!cachedFiles().some((f) => f.endsWith('.tmp')));
    const requests = server.requestsTo('/' + SERIES_STATUS).length;
    hours(23);
    const second = await store().get(SERIES_STATUS);
    assert.equal(second.source, 'upstream');
    assert.equal(second.text, first.text);
    assert.equal(server.requestsTo('/' + SERIES_STATUS).length, requests, 'no request within the day');
  });

  it('re-validates after a day with If-None-Match and keeps the text on 304', async () => {
    await store().get(SERIES_STATUS);
    hours(25);
    const r = await store().get(SERIES_STATUS);
    assert.equal(r.source, 'upstream');
    assert.deepEqual(r.fetchedAt, clock, 'the check counts as fetched now');
    const last = server.requestsTo('/' + SERIES_STATUS).at(-1)!;
    assert.ok(last.headers['if-none-match']);
    assert.equal(last.headers['if-modified-since'], 'Wed, 01 Oct 2025 10:00:00 GMT');
  });

  it('asks upstream when forced, and picks up a changed file', async () => {
    await store().get(SERIES_STATUS);
    const changed = fixtureText(SERIES_STATUS).replace('status: future', 'status: development');
    server.route('/' + SERIES_STATUS, serveText(changed));
    assert.notEqual((await store().get(SERIES_STATUS)).text, changed, 'not forced: the cached copy');
    const r = await store().get(SERIES_STATUS, { force: true });
    assert.equal(r.text, changed);
    assert.equal(fs.readFileSync(path.join(cacheDir, cachedFiles().find((f) => f.endsWith('series_status.yaml'))!), 'utf8'), changed);
  });

  for (const [what, handler, problem] of [
    ['HTTP 500', status(500), 'HTTP 500'],
    ['an HTML page with status 200', htmlPage, 'an HTML page instead of the file (a login or error page?)'],
    ['truncated YAML', serveText(fixtureText(SERIES_STATUS).slice(0, 300)), /series_status\.yaml/],
    ['a time-out', hang, 'time-out after 0.2 s'],
  ] as const) {
    it(`a failed refresh (${what}) returns the good cached copy with the problem and does not replace it`, async () => {
      const good = await store().get(SERIES_STATUS, { validate: validSeriesStatus });
      const cachedAt = good.fetchedAt;
      const snapshot = cachedFiles().map((f) => [f, fs.readFileSync(path.join(cacheDir, f), 'utf8')]);
      server.route('/' + SERIES_STATUS, handler);
      hours(30);
      const r = await store({ timeoutMs: 200 }).get(SERIES_STATUS, { validate: validSeriesStatus });
      assert.equal(r.source, 'cache');
      assert.equal(r.text, good.text);
      assert.deepEqual(r.fetchedAt, cachedAt);
      if (typeof problem === 'string') assert.equal(r.problem, problem);
      else assert.match(r.problem!, problem);
      assert.deepEqual(cachedFiles().map((f) => [f, fs.readFileSync(path.join(cacheDir, f), 'utf8')]), snapshot);
    });
  }

  it('offline (connection refused) with a cache: the cache, however old, with the reason', async () => {
    await store().get(SERIES_STATUS);
    const port = await closedPort();
    hours(24 * 40);
    // The same base URL (so the same cache folder), but every request goes to a port nobody listens on.
    const offline = store({ fetch: (url, options) => fetchText(url.replace(`:${server.port}/`, `:${port}/`), options) });
    const r = await offline.get(SERIES_STATUS);
    assert.equal(r.source, 'cache');
    assert.equal(r.problem, 'server unreachable (ECONNREFUSED)');
    assert.equal(r.text, fixtureText(SERIES_STATUS));
    assert.equal(offline.host, `127.0.0.1:${server.port}`);
  });

  it('without a cache, a failure gives no text, the problem and the status; nothing is cached', async () => {
    const r = await store().get('doc/source/jasmine/schedule.yaml');
    assert.deepEqual(r, { source: 'upstream', problem: 'HTTP 404', status: 404 });
    server.route('/' + SERIES_STATUS, htmlPage);
    const html = await store().get(SERIES_STATUS);
    assert.equal(html.text, undefined);
    assert.equal(cachedFiles().length, 0);
  });

  it('a body refused by validate() is not cached', async () => {
    server.route('/' + SERIES_STATUS, serveText('- name: [unclosed\n'));
    const r = await store().get(SERIES_STATUS, { validate: validSeriesStatus });
    assert.equal(r.text, undefined);
    assert.match(r.problem!, /YAML|expected/);
    assert.equal(cachedFiles().length, 0);
  });

  it('shares one request between simultaneous gets of a path', async () => {
    const before = server.requestsTo('/' + SERIES_STATUS).length;
    const s = store();
    const [a, b] = await Promise.all([s.get(SERIES_STATUS), s.get(SERIES_STATUS)]);
    assert.equal(a, b);
    assert.equal(server.requestsTo('/' + SERIES_STATUS).length, before + 1);
  });

  it('refuses paths that leave the repository', async () => {
    const r = await store().get('../etc/passwd');
    assert.match(r.problem!, /not a repository path/);
  });

  it('cached() reads only the cache and says whether it is still fresh', async () => {
    assert.equal(await store().cached(SERIES_STATUS), undefined);
    await store().get(SERIES_STATUS);
    assert.equal((await store().cached(SERIES_STATUS))?.source, 'upstream');
    clock = new Date(clock.getTime() + ONE_DAY_MS + 1);
    assert.equal((await store().cached(SERIES_STATUS))?.source, 'cache');
  });
});

import { strict as assert } from 'assert';
import { GerritClient, type FetchText } from '../../../src/adapters/gerritClient';
import { fetchText } from '../../../src/adapters/http';
import { startGerritServer, type GerritMode, type GerritStandIn, type StandInChange } from '../../support/gerritServer';
import { priorityChanges, RELEASE_BOT } from './samples';

const NOW = new Date('2026-11-20T12:00:00Z');

function releaseRequest(number: number, file: string, status: StandInChange['status'] = 'NEW'): StandInChange {
  return { number, project: 'openstack/releases', subject: `Release ${file}`, owner: RELEASE_BOT, files: [file], status, updated: '2026-11-19 10:00:00.000000000' };
}

const CHANGES: StandInChange[] = [
  ...priorityChanges(3, 2, 100),
  ...priorityChanges(2, 1, 200),
  ...priorityChanges(1, -1, 300),
  { ...priorityChanges(1, 2, 400)[0], status: 'MERGED' },
  { ...priorityChanges(1, 2, 500)[0], project: 'openstack/nova' },
  releaseRequest(600, 'deliverables/2026.2/glance.yaml'),
  releaseRequest(601, 'deliverables/2026.2/glance-tempest-plugin.yaml'),
  releaseRequest(602, 'deliverables/2026.1/glance.yaml'),
  releaseRequest(603, 'deliverables/2026.2/nova.yaml'),
  releaseRequest(604, 'deliverables/2026.2/python-glanceclient.yaml', 'ABANDONED'),
];

describe('gerrit: client against the stand-in', function () {
  let server: GerritStandIn;
  let now: Date;
  const client = (extra: Partial<ConstructorParameters<typeof GerritClient>[0]> = {}) =>
    new GerritClient({ baseUrl: server.url, fetchText, now: () => now, timeoutMs: 1000, ...extra });

  beforeEach(async () => {
    now = NOW;
    server = await startGerritServer(CHANGES);
  });
  afterEach(async () => server.close());

  it('reads the Review-Priority queue of the glance projects, grouped', async () => {
    const outcome = await client().reviewQueue();
    assert.equal(outcome.error, undefined);
    assert.deepEqual(outcome.lastGoodAt, NOW);
    const groups = outcome.state!.groups;
    assert.deepEqual(
      groups.map((g) => [g.label, g.changes.map((c) => c.number)]),
      [
        ['+2 Top Priority / Holds Gate', [100, 101, 102]],
        ['+1 Important Change', [200, 201]],
        ['-1 Branch Freeze', [300]],
      ],
    );
    assert.equal(server.requests.length, 3);
    for (const r of server.requests) {
      assert.match(r, /^\/changes\/\?q=.*&o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS&n=100&S=0$/);
    }
    assert.ok(server.requests.some((r) => r.includes('Review-Priority%3D%2B1')));
  });

  it("reads the series' open release requests of the team's deliverables", async () => {
    const outcome = await client().releaseRequests('2026.2');
    assert.equal(outcome.error, undefined);
    assert.deepEqual(
      outcome.state!.changes.map((c) => c.number).sort(),
      [600, 601],
    );
    assert.equal(outcome.state!.series, '2026.2');
  });

  it('pages through a long queue up to the 500-change cap', async () => {
    server.setChanges(priorityChanges(700, 2, 10000));
    const outcome = await client({ pageSize: 100 }).reviewQueue();
    const top = outcome.state!.groups[0];
    assert.equal(top.changes.length, 500);
    assert.equal(outcome.state!.truncated, true);
    const starts = server.requests.filter((r) => r.includes('%3D%2B2')).map((r) => new URL(r, server.url).searchParams.get('S'));
    assert.deepEqual(starts, ['0', '100', '200', '300', '400']);
  });

  const failures: [GerritMode, RegExp][] = [
    ['http-401', /^Gerrit refused the anonymous query \(HTTP 401\)$/],
    ['http-403', /^Gerrit refused the anonymous query \(HTTP 403\)$/],
    ['http-429', /^Gerrit is rate-limiting \(HTTP 429\)$/],
    ['http-500', /^Gerrit unreachable \(HTTP 500\)$/],
    ['http-503', /^Gerrit unreachable \(HTTP 503\)$/],
    ['no-prefix', /^not a Gerrit answer$/],
    ['broken-json', /^Gerrit answer is not valid JSON/],
    ['hang', /^Gerrit did not answer within 1 s$/],
    ['closed', /^Gerrit unreachable \(ECONNREFUSED\)$/],
  ];
  for (const [mode, message] of failures) {
    it(`${mode}: reports the error and keeps the last good state`, async () => {
      const c = client();
      const first = await c.releaseRequests('2026.2');
      assert.equal(first.error, undefined);
      now = new Date(NOW.getTime() + 60_000);
      await server.setMode(mode);
      const failed = await c.releaseRequests('2026.2');
      assert.match(failed.error ?? '', message);
      assert.equal(failed.state, first.state, 'the last good state');
      assert.deepEqual(failed.lastGoodAt, NOW, 'when the last good state was read');
      await server.setMode('ok');
      const again = await c.releaseRequests('2026.2');
      assert.equal(again.error, undefined);
      assert.deepEqual(again.lastGoodAt, now);
    });
  }

  it('a first failure has no state', async () => {
    await server.setMode('http-503');
    const outcome = await client().reviewQueue();
    assert.deepEqual(outcome, { state: undefined, error: 'Gerrit unreachable (HTTP 503)', lastGoodAt: undefined });
  });

  it('keeps the last good state per query', async () => {
    const c = client();
    await c.releaseRequests('2026.2');
    await server.setMode('http-500');
    const other = await c.releaseRequests('2026.1');
    assert.equal(other.state, undefined, 'another series has no state of its own yet');
    assert.deepEqual(c.cached('release-requests:2026.2').lastGoodAt, NOW);
  });

  it('shares one request among concurrent callers', async () => {
    const c = client();
    const [a, b] = await Promise.all([c.releaseRequests('2026.2'), c.releaseRequests('2026.2')]);
    assert.equal(a, b);
    assert.equal(server.requests.length, 1);
  });
});

describe('gerrit: client with an injected fetch', () => {
  it('gives up at the time-out even if the fetch ignores its signal', async () => {
    let signal: AbortSignal | undefined;
    const stuck: FetchText = (_url, options) => {
      signal = options.signal;
      return new Promise(() => undefined);
    };
    const c = new GerritClient({ baseUrl: 'https://review.opendev.org', fetchText: stuck, timeoutMs: 50 });
    const outcome = await c.releaseRequests('2026.2');
    assert.equal(outcome.error, 'Gerrit did not answer within 0 s', 'whole seconds: 50 ms rounds to 0');
    assert.equal(signal?.aborted, true);
  });

  it('passes the time-out, a size limit and JSON accept; never credentials', async () => {
    const seen: { url: string; timeoutMs?: number; maxBytes?: number; accept?: string }[] = [];
    const fake: FetchText = async (url, options) => {
      seen.push({ url, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, accept: options.accept });
      return { kind: 'ok', text: ")]}'\n[]" };
    };
    await new GerritClient({ baseUrl: 'https://review.opendev.org', fetchText: fake }).releaseRequests('2026.2');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].timeoutMs, 10_000);
    assert.ok((seen[0].maxBytes ?? 0) > 1_000_000);
    assert.equal(seen[0].accept, 'application/json');
    assert.ok(seen[0].url.startsWith('https://review.opendev.org/changes/?q='));
  });

  it('a thrown fetch and a 304 are failures, not crashes', async () => {
    const throwing: FetchText = async () => {
      throw new Error('socket hang up');
    };
    const a = await new GerritClient({ baseUrl: 'https://review.opendev.org', fetchText: throwing }).reviewQueue();
    assert.equal(a.error, 'Gerrit unreachable (socket hang up)');
    const notModified: FetchText = async () => ({ kind: 'not-modified' });
    const b = await new GerritClient({ baseUrl: 'https://review.opendev.org', fetchText: notModified }).reviewQueue();
    assert.match(b.error ?? '', /not a Gerrit answer/);
  });

  it('refuses a non-https base, credentials and the authenticated /a/ prefix', () => {
    const fake: FetchText = async () => ({ kind: 'ok', text: '' });
    assert.throws(() => new GerritClient({ baseUrl: 'http://review.opendev.org', fetchText: fake }), /https/);
    assert.throws(() => new GerritClient({ baseUrl: 'https://u:p@review.opendev.org', fetchText: fake }), /anonymously/);
    assert.throws(() => new GerritClient({ baseUrl: 'https://review.opendev.org/a', fetchText: fake }), /authenticated/);
  });
});

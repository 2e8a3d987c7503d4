import { strict as assert } from 'assert';
import { GerritClient } from '../../../src/adapters/gerritClient';
import { fetchText } from '../../../src/adapters/http';
import { batchUrl, parseBatchAnswer } from '../../../src/core/gerrit/gerrit';
import { fetchReviews, groupChanges } from '../../../src/core/reviews/fetch';
import { matchesQuery, startGerritServer, type GerritStandIn, type StandInChange } from '../../support/gerritServer';
import { loadChecklist } from '../helpers';

const GLANCE = 'openstack/glance';
const PROPOSAL_BOT = { name: 'OpenStack Proposal Bot', email: 'openstack-infra@lists.openstack.org', username: 'proposal-bot', accountId: 21 };
const RELEASE_BOT = { name: 'OpenStack Release Bot', email: 'infra-root@openstack.org', username: 'release-bot', accountId: 22 };
const id = (n: number) => `I${n.toString(16).padStart(40, '0')}`;

const CHANGES: StandInChange[] = [
  { number: 1, project: GLANCE, branch: 'stable/2026.2', changeId: id(900), subject: 'Fix A (2026.2)' },
  { number: 2, project: GLANCE, branch: 'stable/2026.1', changeId: id(900), subject: 'Fix A (2026.1)' },
  { number: 3, project: GLANCE, branch: 'stable/2026.2', changeId: id(901), subject: 'Fix B (2026.2)', status: 'MERGED' },
  { number: 4, project: GLANCE, branch: 'stable/2026.1', changeId: id(901), subject: 'Fix B (2026.1)' },
  { number: 5, project: 'openstack/nova', branch: 'stable/2026.1', subject: 'Nova fix' },
  { number: 6, project: GLANCE, subject: 'Imported Translations from Zanata', owner: PROPOSAL_BOT },
  { number: 7, project: 'openstack/glance_store', branch: 'stable/2026.2', subject: 'Update .gitreview for stable/2026.2', owner: RELEASE_BOT },
  { number: 8, project: GLANCE, subject: 'Update master for stable/2026.2', owner: RELEASE_BOT, status: 'MERGED' },
  { number: 9, project: GLANCE, branch: 'unmaintained/2024.1', subject: 'Unmaintained fix' },
];

describe('reviews: one batched refresh against the Gerrit stand-in', () => {
  let server: GerritStandIn;
  before(async () => {
    server = await startGerritServer(CHANGES);
  });
  after(() => server.close());

  it('the stand-in reads branch: (name and ^regex), owner: (name, e-mail), change:, status:merged, OR and parentheses', () => {
    const q = (query: string) => CHANGES.filter((c) => matchesQuery(c, query)).map((c) => c.number);
    assert.deepEqual(q('branch:^stable/.*'), [1, 2, 3, 4, 5, 7]);
    assert.deepEqual(q('branch:stable/2026.1 status:open'), [2, 4, 5]);
    assert.deepEqual(q('owner:"OpenStack Proposal Bot" OR owner:infra-root@openstack.org'), [6, 7, 8]);
    assert.deepEqual(q(`status:merged (change:${id(900)} OR change:${id(901)})`), [3]);
    assert.deepEqual(q('(project:openstack/glance OR project:openstack/nova) branch:stable/2026.1'), [2, 4, 5]);
    assert.throws(() => q('reviewer:someone'), /unknown operator/);
  });

  it('parses one list per query, and a single query\'s flat list', () => {
    assert.deepEqual(parseBatchAnswer(")]}'\n[[],[]]", 2), { ok: true, answers: [{ changes: [], more: false, problems: [] }, { changes: [], more: false, problems: [] }] });
    assert.equal(parseBatchAnswer(")]}'\n[]", 1).ok, true);
    assert.deepEqual(parseBatchAnswer(")]}'\n[[]]", 2), { ok: false, error: 'Gerrit answer is not one list of changes per query' });
    assert.deepEqual(new URL(batchUrl('https://review.opendev.org', ['a b', 'c'])).searchParams.getAll('q'), ['a b', 'c']);
  });

  it('sends every group in one request, then the merged follow-up in a second, and draws the groups from them', async () => {
    const client = new GerritClient({ baseUrl: server.url, fetchText, timeoutMs: 2000 });
    const groups = loadChecklist().reviewGroups!;
    const before = server.requests.length;
    const answer = await fetchReviews(groups, 'indri', (qs) => client.queries(qs));
    const sent = server.requests.slice(before);
    assert.equal(sent.length, 2);
    assert.equal(answer.requests, 2);
    assert.equal(new URL(sent[0], server.url).searchParams.getAll('q').length, 6, 'three priorities, release requests, stable backports, bots');
    const followUp = new URL(sent[1], server.url).searchParams.getAll('q');
    assert.equal(followUp.length, 1);
    assert.match(followUp[0], /^status:merged \(project:openstack\/glance OR project:openstack\/glance_store OR project:openstack\/python-glanceclient\) branch:\^stable\/\.\* \(change:I\w{40}( OR change:I\w{40})*\)$/);
    assert.deepEqual([...followUp[0].matchAll(/change:(I\w{40})/g)].map((m) => m[1]).sort(), [id(7), id(900), id(901)], 'the Change-Ids of the open stable changes, once each');
    const group = (gid: string) => groups.find((g) => g.id === gid)!;
    assert.deepEqual(groupChanges(answer, group('stable-backports'), 'main').changes.map((c) => c.number).sort(), [1, 2, 4, 7]);
    assert.deepEqual(groupChanges(answer, group('stable-backports'), 'follow-up').changes.map((c) => [c.number, c.branch, c.status]), [[3, 'stable/2026.2', 'MERGED']]);
    assert.deepEqual(groupChanges(answer, group('bot-patches')).changes.map((c) => c.number).sort(), [6, 7]);
  });

  it('skips the follow-up when nothing is open on stable branches', async () => {
    server.setChanges(CHANGES.filter((c) => !c.branch?.startsWith('stable/')));
    try {
      const client = new GerritClient({ baseUrl: server.url, fetchText, timeoutMs: 2000 });
      const answer = await fetchReviews(loadChecklist().reviewGroups!, 'indri', (qs) => client.queries(qs));
      assert.equal(answer.requests, 1);
    } finally {
      server.setChanges(CHANGES);
    }
  });

  it('keeps the last good answer, dated, when the batched request fails', async () => {
    const client = new GerritClient({ baseUrl: server.url, fetchText, timeoutMs: 2000 });
    const groups = loadChecklist().reviewGroups!;
    const run = () => client.track('reviews', () => fetchReviews(groups, 'indri', (qs) => client.queries(qs)));
    const good = await run();
    assert.equal(good.error, undefined);
    await server.setMode('http-503');
    try {
      const failed = await run();
      assert.equal(failed.error, 'Gerrit unreachable (HTTP 503)');
      assert.equal(failed.state, good.state);
      assert.equal(failed.lastGoodAt, good.lastGoodAt);
    } finally {
      await server.setMode('ok');
    }
  });
});

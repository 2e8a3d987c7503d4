// The review groups of issue 21 in a real VS Code, against a Gerrit stand-in and a governance file served
// here on 127.0.0.1: the stable backports queue (by branch, flagged, linked to the merged copy), the
// bots' patches with the clones' .gitreview check, the backport candidates from the clones, the team
// from governance (a malformed file first), the user's own group, and one batched request for them all.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import type { GlanceReleaseCycleApi } from '../../../src/vscode/api';
import type { RenderedItem } from '../../../src/vscode/checklist/checklistView';
import { startGerritServer, type GerritStandIn, type StandInAccount, type StandInChange } from '../../support/gerritServer';
import { captureMessages, drawnTaskItem as taskItem, extensionApi, setGlobal, waitFor, type ShownMessage } from '../support';

const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);
const id = (n: number) => `I${n.toString(16).padStart(40, '0')}`;
const ALICE: StandInAccount = { name: 'Alice', email: 'alice@example.org', username: 'alice', accountId: 11 };
const LIAISON: StandInAccount = { name: 'Release Liaison', email: 'liaison@example.org', username: 'liaison', accountId: 15 };
const PROPOSAL_BOT: StandInAccount = { name: 'OpenStack Proposal Bot', email: 'openstack-infra@lists.openstack.org', username: 'proposal-bot', accountId: 21 };
const RELEASE_BOT: StandInAccount = { name: 'OpenStack Release Bot', email: 'infra-root@openstack.org', username: 'release-bot', accountId: 22 };

const stable = (number: number, project: string, branch: string, changeId: string, created: Date, extra: Partial<StandInChange> = {}): StandInChange => ({
  number,
  project,
  branch,
  changeId,
  subject: `Fix ${changeId.slice(-3)} (${branch})`,
  owner: ALICE,
  created,
  updated: created,
  ...extra,
});

const CHANGES: StandInChange[] = [
  stable(201, 'openstack/glance', 'stable/2026.2', id(0xa1), ago(DAY)),
  stable(202, 'openstack/glance', 'stable/2026.1', id(0xa1), ago(8 * DAY)),
  stable(203, 'openstack/glance_store', 'stable/2026.1', id(0xb2), ago(2 * DAY), { codeReview: [{ account: LIAISON, value: 1 }] }),
  stable(204, 'openstack/glance_store', 'stable/2026.2', id(0xb2), ago(4 * DAY), { status: 'MERGED' }),
  stable(205, 'openstack/nova', 'stable/2026.1', id(0xc3), ago(3 * DAY)),
  { number: 301, project: 'openstack/glance', subject: 'Imported Translations from Zanata', owner: PROPOSAL_BOT, created: ago(2 * DAY) },
  { number: 302, project: 'openstack/python-glanceclient', subject: 'Update master for stable/2026.2', owner: RELEASE_BOT, created: ago(11 * DAY) },
  { number: 303, project: 'openstack/glance', subject: 'Imported Translations from Zanata', owner: PROPOSAL_BOT, created: ago(30 * DAY), status: 'MERGED' },
  {
    number: 701,
    project: 'openstack/releases',
    subject: 'Release glance for Indri-1',
    owner: RELEASE_BOT,
    created: ago(5 * DAY),
    files: ['deliverables/indri/glance.yaml'],
    codeReview: [{ account: LIAISON, value: 1 }],
  },
  { number: 702, project: 'openstack/releases', subject: 'Release glance-store 5.1.0', owner: RELEASE_BOT, created: ago(5 * DAY), files: ['deliverables/indri/glance-store.yaml'], codeReview: [{ account: ALICE, value: 1 }] },
];

// Out of out/test/integration/reviews: the repository's own fixture.
const GOVERNANCE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'governance', 'reference', 'projects.yaml'), 'utf8');
const MALFORMED = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'governance', 'projects-malformed.yaml'), 'utf8');

/** Serves <base>/reference/projects.yaml: the malformed copy, the good one, or a 503. */
async function startGovernance(): Promise<{ url: string; serve(kind: 'malformed' | 'good' | 'down'): void; requests: string[]; close(): Promise<void> }> {
  let kind: 'malformed' | 'good' | 'down' = 'malformed';
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('Connection', 'close');
    if (req.url !== '/reference/projects.yaml') return void res.writeHead(404).end();
    if (kind === 'down') return void res.writeHead(503).end('down');
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(kind === 'good' ? GOVERNANCE : MALFORMED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (k) => (kind = k),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the release bot's "Update .gitreview for <branch>" does, merged, in a clone. */
function updateGitreview(dir: string, branch: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Release Bot', '-c', 'user.email=infra-root@openstack.org', ...args], { cwd: dir, stdio: 'pipe' });
  git('checkout', '-q', branch);
  fs.appendFileSync(path.join(dir, '.gitreview'), `defaultbranch=${branch}\n`);
  git('commit', '-q', '-am', `Update .gitreview for ${branch}`);
  git('checkout', '-q', 'master');
}

/** The review rows of a task (the release status rows that share some tasks are left out). */
const rows = (items: RenderedItem[]) => items.filter((i) => !(i.contextValue ?? '').startsWith('releaseStatus')).map((i) => [i.label, i.description]);
type Refreshed = Array<{ key: string; error?: string; requests?: number; queries?: string[] }>;

describe('Review groups: stable backports, bot patches, backport candidates, the team from governance', () => {
  let api: GlanceReleaseCycleApi;
  let gerrit: GerritStandIn;
  let governance: Awaited<ReturnType<typeof startGovernance>>;
  let messages: { shown: ShownMessage[]; restore(): void };

  before(async () => {
    api = await extensionApi();
    gerrit = await startGerritServer(CHANGES);
    governance = await startGovernance();
    messages = captureMessages();
    await setGlobal('gerrit.queries', [{ label: 'Nova stable changes', query: 'status:open project:openstack/nova branch:^stable/.*', tasks: ['m1m2-stable-backports'] }]);
    await setGlobal('upstream.governanceUrl', governance.url);
    await setGlobal('gerrit.url', gerrit.url);
    await setGlobal('upstream.enabled', true);
  });

  after(async () => {
    messages.restore();
    for (const key of ['upstream.enabled', 'gerrit.url', 'upstream.governanceUrl', 'gerrit.queries']) await setGlobal(key, undefined);
    await gerrit.close();
    await governance.close();
  });

  it('asks Gerrit once for every group (the custom one too), then once for the merged backports', async () => {
    // A refresh the tree started on its own may be running: let it end, then count a refresh of ours.
    await vscode.commands.executeCommand<Refreshed>('glanceReleaseCycle.refreshReviews');
    const before = gerrit.requests.length;
    const results = await vscode.commands.executeCommand<Refreshed>('glanceReleaseCycle.refreshReviews');
    assert.equal(results.length, 1);
    assert.equal(results[0].error, undefined);
    assert.equal(results[0].requests, 2);
    const sent = gerrit.requests.slice(before).filter((r) => r.startsWith('/changes/'));
    assert.equal(sent.length, 2);
    const first = new URL(sent[0], gerrit.url).searchParams.getAll('q');
    assert.equal(first.length, 7);
    assert.ok(first.includes('status:open project:openstack/nova branch:^stable/.*'), 'the setting\'s group goes in the same request');
    assert.match(new URL(sent[1], gerrit.url).searchParams.getAll('q')[0], /^status:merged .* branch:\^stable\/\.\* \(change:I\w{40} OR change:I\w{40}\)$/);
  });

  it('lists the stable backports by branch, newest first, flagged, linking the copy merged on the newer branch', async () => {
    const children = await waitFor('the branches', () => {
      const c = taskItem(api, 'm1m2-stable-backports').children;
      return c.some((i) => i.label === 'stable/2026.2') && c;
    });
    assert.deepEqual(rows(children), [
      ['stable/2026.2', '1 open change'],
      ['stable/2026.1', '2 open changes · 1 flagged'],
      ['Nova stable changes', '1 open change'],
    ]);
    assert.deepEqual(rows(children[0].children), [['#201 Fix 0a1 (stable/2026.2)', 'glance · Alice · 1 d · no votes yet']]);
    assert.deepEqual(rows(children[1].children), [
      ['#203 Fix 0b2 (stable/2026.1)', 'glance_store · Alice · 2 d · +1 Release Liaison'],
      ['#202 Fix 0a1 (stable/2026.1)', 'no review for 8 days · not merged on stable/2026.2 yet · glance · Alice · 8 d · no votes yet'],
    ]);
    assert.deepEqual(rows(children[1].children[0].children), [['merged on stable/2026.2: #204', 'Fix 0b2 (stable/2026.2)']]);
    assert.deepEqual(rows(children[2].children), [['#205 Fix 0c3 (stable/2026.1)', 'nova · Alice · 3 d']]);
    assert.deepEqual(rows(taskItem(api, 'm2m3-stable-backports').children).slice(0, 2), rows(children).slice(0, 2));
  });

  it("lists the bots' open patches and what the clones say of stable/2027.1's .gitreview", async () => {
    const children = await waitFor('the bot patches and the .gitreview line', () => {
      const c = taskItem(api, 'rc1-translation-stable-patches').children;
      return c.some((i) => i.label.includes('.gitreview')) && c;
    });
    assert.deepEqual(rows(children), [
      ['#301 Imported Translations from Zanata', 'translations · glance · master · 2 d'],
      ['#302 Update master for stable/2026.2', 'master for the new branch · python-glanceclient · master · 11 d'],
      ['stable/2027.1: .gitreview not updated in glance_store', 'from the clones'],
    ]);
    assert.deepEqual(rows(taskItem(api, 'rc-translation-patches').children), rows(children));
  });

  it('ticks the bot task by evidence once no bot patch is open and every clone has its .gitreview', async () => {
    const evidence = () => api.tasks().find((t) => t.id === 'rc1-translation-stable-patches');
    await waitFor('the open evidence', () => evidence()?.evidence?.text === '2 bot patches are still open.');
    assert.equal(evidence()?.done, false);
    // The bots' patches merge, and glance_store's stable/2027.1 gets its .gitreview.
    gerrit.setChanges(CHANGES.map((c) => (c.number === 301 || c.number === 302 ? { ...c, status: 'MERGED' as const } : c)));
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    await waitFor('the .gitreview evidence', () => evidence()?.evidence?.text === 'stable/2027.1 has no .gitreview update in glance_store yet.');
    const store = vscode.workspace.workspaceFolders!.find((f) => f.name === 'glance_store')!.uri.fsPath;
    updateGitreview(store, 'stable/2027.1');
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    await waitFor('the task done by evidence', () => evidence()?.done === true && evidence());
    assert.equal(evidence()?.doneBy, 'evidence');
    assert.equal(evidence()?.evidence?.text, 'No bot patch is open, and stable/2027.1 has its .gitreview in glance, glance_store.');
    assert.deepEqual(rows(taskItem(api, 'rc1-translation-stable-patches').children), [
      ['No open bot patches', undefined],
      ['stable/2027.1 has its .gitreview in glance, glance_store', 'from the clones'],
    ]);
    gerrit.setChanges(CHANGES);
  });

  it('lists the backport candidates of stable/2027.1 from the clones alone', async () => {
    const children = await waitFor('the candidates', () => {
      const c = taskItem(api, 'backport-bugfixes').children;
      return c.length === 2 && c[0].children.length > 0 && c;
    });
    assert.deepEqual(rows(children), [
      ['glance', '1 backport candidate for stable/2027.1'],
      ['glance_store', '0 backport candidates for stable/2027.1'],
    ]);
    assert.equal(children[0].children.length, 1);
    assert.equal(children[0].children[0].label, 'Fix B');
    assert.match(children[0].children[0].description ?? '', /^[0-9a-f]{8} · Closes-Bug #2000002 · security$/);
  });

  it('names the malformed governance file, then takes the PTL and release liaisons from the good one', async () => {
    const team = () => taskItem(api, 'watch-final-proposal').children.find((c) => c.label.startsWith('Team'));
    const unknown = await waitFor('the governance problem', () => team()?.label === 'Team not known yet' && team());
    assert.match(unknown.description ?? '', /reference\/projects\.yaml:2/);
    // Without a team, #702 cannot be told apart: it needs a team +1 either way.
    governance.serve('good');
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    const known = await waitFor('the team from governance', () => team()?.description === 'from governance' && team());
    assert.equal(known.label, 'Team: PTL Glance PTL; release liaisons Release Liaison, Glance PTL');
    const requests = taskItem(api, 'watch-final-proposal').children;
    const row = (n: number) => requests.find((c) => c.label.startsWith(`#${n} `));
    assert.match(row(701)?.description ?? '', /^OpenStack Release Bot · 5 d · \+1 Release Liaison$/, "the liaison's +1 counts");
    assert.match(row(702)?.description ?? '', /^needs a team \+1 · /);
  });

  it('keeps the team when governance is down, and lets the setting override it', async () => {
    governance.serve('down');
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    const team = () => taskItem(api, 'watch-final-proposal').children.find((c) => c.label.startsWith('Team'));
    assert.equal(team()?.description, 'from governance');
    await setGlobal('gerrit.teamAccounts', ['alice@example.org']);
    try {
      await waitFor('the override', () => team()?.label === 'Team: alice@example.org');
      const row = taskItem(api, 'watch-final-proposal').children.find((c) => c.label.startsWith('#702 '));
      assert.doesNotMatch(row?.description ?? '', /needs a team/);
    } finally {
      await setGlobal('gerrit.teamAccounts', undefined);
    }
  });
});

// Gerrit review state in a real VS Code, against the stand-in started here in the extension host:
// network off, loading, the Review-Priority groups, release requests waiting for a team +1 (and the
// once-per-change message), the review queue quick pick, an outage keeping the last known state, and
// a refused URL setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlanceReleaseCycleApi } from '../../../src/vscode/api';
import type { RenderedItem } from '../../../src/vscode/checklist/checklistView';
import { startGerritServer, type GerritStandIn, type StandInAccount, type StandInChange } from '../../support/gerritServer';
import { captureMessages, drawnTaskItem as taskItem, extensionApi, setGlobal, waitFor, type ShownMessage } from '../support';
import { autoMergeText } from '../../../src/core/reviews/releaseTeam';
import type { ReviewChange } from '../../../src/core/gerrit/gerrit';

const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ALICE: StandInAccount = { name: 'Alice', email: 'alice@example.org', username: 'alice', accountId: 11 };
const BOB: StandInAccount = { name: 'Bob', email: 'bob@example.org', username: 'bob', accountId: 12 };
const PTL: StandInAccount = { name: 'Glance PTL', email: 'ptl@example.org', username: 'ptl', accountId: 13 };
const BOT: StandInAccount = { name: 'OpenStack Release Bot', email: 'infra-root@openstack.org', username: 'release-bot', accountId: 14 };

const priority = (number: number, project: string, value: number, owner: StandInAccount, extra: Partial<StandInChange> = {}): StandInChange => ({
  number,
  project,
  subject: `Priority ${value} change ${number}`,
  owner,
  created: ago(3 * DAY + 3600 * 1000),
  updated: ago(number * 60 * 1000),
  reviewPriority: [{ account: PTL, value }],
  ...extra,
});
const request = (number: number, file: string, created: Date, codeReview: StandInChange['codeReview'] = []): StandInChange => ({
  number,
  project: 'openstack/releases',
  subject: `Release ${file.split('/').pop()}`,
  owner: BOT,
  created,
  updated: created,
  files: [file],
  codeReview,
});

const CHANGES: StandInChange[] = [
  priority(101, 'openstack/glance', 2, ALICE),
  priority(102, 'openstack/glance_store', 2, BOB),
  priority(103, 'openstack/python-glanceclient', 1, ALICE),
  priority(104, 'openstack/glance', -1, BOB),
  priority(105, 'openstack/nova', 2, ALICE),
  priority(106, 'openstack/glance', 2, ALICE, { status: 'MERGED' }),
  request(701, 'deliverables/indri/glance.yaml', ago(5 * DAY + 2 * 3600 * 1000), [{ account: ALICE, value: 1 }]),
  request(702, 'deliverables/indri/python-glanceclient.yaml', ago(5 * DAY + 3600 * 1000), [{ account: PTL, value: 1 }]),
  request(703, 'deliverables/indri/glance-store.yaml', ago(3600 * 1000)),
  request(704, 'deliverables/hibiscus/glance.yaml', ago(5 * DAY)),
  request(705, 'deliverables/indri/nova.yaml', ago(5 * DAY)),
];

const labels = (items: RenderedItem[]) => items.map((i) => i.label);

describe('Gerrit review state', () => {
  let api: GlanceReleaseCycleApi;
  let server: GerritStandIn;
  let messages: { shown: ShownMessage[]; restore(): void };

  before(async () => {
    api = await extensionApi();
    server = await startGerritServer(CHANGES);
    messages = captureMessages(); // every message dismissed
  });

  after(async () => {
    messages.restore();
    await setGlobal('upstream.enabled', undefined);
    await setGlobal('gerrit.url', undefined);
    await server.close();
  });

  it('shows "Network is off" and sends nothing while upstream.enabled is false', async () => {
    assert.equal(api.phaseAt()?.series, 'indri');
    // Pointed at the stand-in, so a request despite the switch would be seen; a refresh is asked for too.
    await setGlobal('gerrit.url', server.url);
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    for (const id of ['ptg-review-priority', 'm2m3-store-review-priority', 'm3-review-priority-minus-one', 'm1-library-releases', 'watch-final-proposal', 'final-rc-request']) {
      assert.deepEqual(labels(taskItem(api, id).children).slice(0, 1), ['Network is off (glanceReleaseCycle.upstream.enabled)'], id);
    }
    assert.deepEqual(server.requests, []);
  });

  it('shows "Loading review state…" while the queries run, then why they failed', async () => {
    await server.setMode('hang');
    await setGlobal('gerrit.url', server.url);
    await setGlobal('upstream.enabled', true);
    await waitFor('loading children', () => taskItem(api, 'ptg-review-priority').children[0]?.label === 'Loading review state…');
    // Every group in one batched request.
    await waitFor('the queries to reach the stand-in', () => server.requests.length >= 1);
    // The release status rows (issue 20) follow Gerrit's under the library task.
    assert.deepEqual(labels(taskItem(api, 'm1-library-releases').children).filter((l) => !/(no local clone|^glance|Reading the local clones)/.test(l)), ['Loading review state…']);
    // The port closes under the hanging requests: they fail, with no earlier state to show.
    await server.setMode('closed');
    const failed = await waitFor('the failure', () => {
      const first = taskItem(api, 'ptg-review-priority').children[0]?.label;
      return first !== undefined && first !== 'Loading review state…' && first;
    });
    assert.match(failed, /^Gerrit /);
    assert.doesNotMatch(failed, /last known state/);
    await server.setMode('ok');
  });

  it('lists the Review-Priority groups of the three glance projects with their changes', async () => {
    const results = await vscode.commands.executeCommand<Array<{ key: string; error?: string; requests?: number; queries?: string[] }>>('glanceReleaseCycle.refreshReviews');
    assert.deepEqual(
      results.map((r) => [r.key, r.error, r.requests, r.queries?.length]),
      [['reviews:indri', undefined, 1, 6]],
      'one request for the three priorities, the release requests, the stable backports and the bots',
    );
    const groups = await waitFor('the groups', () => {
      const children = taskItem(api, 'ptg-review-priority').children;
      return children.length === 3 && children;
    });
    assert.deepEqual(
      groups.map((g) => [g.label, g.description]),
      [
        ['+2 Top Priority / Holds Gate', '2 open changes'],
        ['+1 Important Change', '1 open change'],
        ['-1 Branch Freeze', '1 open change'],
      ],
    );
    assert.deepEqual(
      groups[0].children.map((c) => [c.label, c.description]),
      [
        ['#101 Priority 2 change 101', 'glance · Alice · 3 d'],
        ['#102 Priority 2 change 102', 'glance_store · Bob · 3 d'],
      ],
    );
    assert.deepEqual(labels(groups[2].children), ['#104 Priority -1 change 104']);
    assert.deepEqual(labels(taskItem(api, 'm3-review-priority-minus-one').children), labels(groups));
  });

  it("lists the series' release requests with votes, warns about the one waiting for a team +1, once", async () => {
    const children = taskItem(api, 'watch-final-proposal').children;
    // The release team merges unanswered proposals on the Friday of their week: said until then.
    const merges = (created: Date) => autoMergeText({ created } as ReviewChange, false, false, new Date());
    const flagged = (flags: Array<string | undefined>, rest: string) => [...flags.filter((f) => f), rest].join(' · ');
    assert.deepEqual(
      children.map((c) => [c.label, c.description]),
      [
        ['#703 Release glance-store.yaml', flagged([merges(CHANGES[8].created as Date)], 'OpenStack Release Bot · 1 h · no votes yet')],
        ['#702 Release python-glanceclient.yaml', 'OpenStack Release Bot · 5 d · +1 Glance PTL'],
        ['#701 Release glance.yaml', flagged(['needs a team +1', merges(CHANGES[6].created as Date)], 'OpenStack Release Bot · 5 d · +1 Alice')],
        ['Team: ptl@example.org', 'from glanceReleaseCycle.gerrit.teamAccounts'],
      ],
    );
    const warned = (m: ShownMessage) => m.text.includes('#701');
    await waitFor('the team-vote message', () => messages.shown.some(warned));
    assert.deepEqual(
      messages.shown.filter((m) => /needs a team \+1/.test(m.text)).map((m) => [m.kind, m.text, m.buttons]),
      [['warning', 'Release request #701 "Release glance.yaml" has no team vote after 5 d: it needs a team +1.', ['Open Change', "Don't Show Again"]]],
    );
    // The next answer brings a second waiting request: it gets its message, #701 is not mentioned again
    // (the messages are serialised in list order, and #701 comes before #706).
    server.setChanges([...CHANGES, request(706, 'deliverables/indri/glance-tempest-plugin.yaml', ago(6 * DAY))]);
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshReviews');
    await waitFor('the message about #706', () => messages.shown.some((m) => m.text.includes('#706')));
    assert.equal(messages.shown.filter(warned).length, 1);
  });

  it('shows the review queue in a quick pick grouped by label value, and opens the picked change', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const env = vscode.env as unknown as Record<string, unknown>;
    const originals = { showQuickPick: window.showQuickPick, openExternal: env.openExternal };
    let shown: vscode.QuickPickItem[] = [];
    const opened: string[] = [];
    window.showQuickPick = async (items: vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>) => {
      shown = await items;
      return shown.find((i) => i.label.startsWith('#102 '));
    };
    env.openExternal = async (uri: vscode.Uri) => {
      opened.push(uri.toString(true));
      return true;
    };
    try {
      const url = await vscode.commands.executeCommand<string>('glanceReleaseCycle.showReviewQueue');
      assert.deepEqual(
        shown.map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? `-- ${i.label}` : `${i.label} | ${i.description}`)),
        [
          '-- +2 Top Priority / Holds Gate (2 open changes)',
          '#101 Priority 2 change 101 | glance · Alice · 3 d',
          '#102 Priority 2 change 102 | glance_store · Bob · 3 d',
          '-- +1 Important Change (1 open change)',
          '#103 Priority 1 change 103 | python-glanceclient · Alice · 3 d',
          '-- -1 Branch Freeze (1 open change)',
          '#104 Priority -1 change 104 | glance · Bob · 3 d',
        ],
      );
      assert.equal(url, `${server.url}/c/openstack/glance_store/+/102`);
      assert.deepEqual(opened, [url]);
    } finally {
      Object.assign(window, { showQuickPick: originals.showQuickPick });
      Object.assign(env, { openExternal: originals.openExternal });
    }
  });

  it('keeps the last known state under a "Gerrit unreachable" line when Gerrit fails', async () => {
    const good = taskItem(api, 'ptg-review-priority').children;
    await server.setMode('http-500');
    try {
      const results = await vscode.commands.executeCommand<Array<{ key: string; error?: string }>>('glanceReleaseCycle.refreshReviews');
      assert.deepEqual(results.map((r) => r.error), ['Gerrit unreachable (HTTP 500)']);
      const children = taskItem(api, 'ptg-review-priority').children;
      assert.match(children[0].label, /^Gerrit unreachable \(HTTP 500\) — last known state from \d\d:\d\d$/);
      assert.deepEqual(children.slice(1), good);
      const requests = taskItem(api, 'watch-final-proposal').children;
      assert.match(requests[0].label, /^Gerrit unreachable \(HTTP 500\) — last known state from /);
      assert.equal(requests.length, 6, 'the status line, the four requests and the team');
    } finally {
      await server.setMode('ok');
    }
  });

  it('names a refused URL setting and asks nobody', async () => {
    const before = server.requests.length;
    await setGlobal('gerrit.url', 'http://review.example.org');
    const label = await waitFor('the URL problem', () => {
      const first = taskItem(api, 'ptg-review-priority').children[0]?.label;
      return first?.startsWith('glanceReleaseCycle.gerrit.url:') && first;
    });
    assert.match(label, /https/);
    assert.equal(taskItem(api, 'ptg-review-priority').children.length, 1);
    assert.equal(server.requests.length, before);
  });
});

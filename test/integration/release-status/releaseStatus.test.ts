// The release status in a real VS Code: the rows under the tasks, api.unreleased(), the one-click
// proposal from a branch row, the request for several stable branches at once, and the preview of
// the request with its commit in the releases checkout.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { EditResult } from '../../../src/vscode/deliverables/releaseEdit';
import type { StableResult } from '../../../src/vscode/releaseStatus/propose';
import type { PreviewResult } from '../../../src/vscode/releaseStatus/preview';
import type { RenderedItem } from '../../../src/vscode/checklist/checklistView';
import { captureMessages, extensionApi, stubPrompts, taskItem, waitFor } from '../support';
import type { GlanceReleaseCycleApi } from '../../../src/vscode/api';

const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri;
const deliverable = (series: string, name: string) => vscode.Uri.joinPath(folder('releases'), 'deliverables', series, `${name}.yaml`);
const gitOut = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const clonePath = (name: string) => vscode.Uri.joinPath(folder('glance'), '..', name).fsPath;

function rows(api: GlanceReleaseCycleApi, taskId: string): RenderedItem[] | undefined {
  // Gerrit's rows (network off here) come first on the release tasks.
  const children = (taskItem(api, taskId)?.children ?? []).filter((c) => !c.label.startsWith('Network is off'));
  return children.some((c) => c.label === 'Reading the local clones…') || children.length === 0 ? undefined : children;
}

describe('release status from the local clones', function () {
  this.timeout(60000);
  let api: GlanceReleaseCycleApi;
  const messages = captureMessages();
  before(async () => {
    api = await extensionApi();
  });
  after(() => messages.restore());

  it('shows one row per deliverable and branch under the library task, the commits under it', async () => {
    const children = await waitFor('the release status rows', () => rows(api, 'm2-library-releases'), 30000);
    assert.deepEqual(
      children.map((c) => [c.label, c.description]),
      [
        ['glance_store master', '3 unreleased · 5.7.0 (feature)'],
        ['python-glanceclient: no local clone', undefined],
      ],
    );
    assert.equal(children[0].contextValue, 'releaseStatus.branch.proposable');
    assert.deepEqual(
      children[0].children.map((c) => c.label),
      ['Use the new zuul job template', 'Imported Translations from Zanata', 'Add the s3 multipart upload'],
    );
    assert.match(children[0].children[2].description ?? '', /release-note \(features\)$/);
    assert.equal(children[0].children[0].command, 'glanceReleaseCycle.releaseStatus.openCommit');
  });

  it('shows the stable branches under the stable-review task, and glance master', async () => {
    const stable = await waitFor('the stable rows', () => rows(api, 'm2m3-stable-backports'));
    assert.deepEqual(
      stable.filter((r) => r.label.startsWith('glance ')).map((c) => [c.label, c.description]),
      [
        ['glance stable/2026.1', '1 unreleased · 32.0.1 (bugfix)'],
        ['glance stable/2025.2', '1 unreleased · 31.1.1 (bugfix)'],
        ['glance stable/2025.1', '1 unreleased · 30.2.1 (bugfix)'],
      ],
    );
    const bugfix = await waitFor('the bugfix rows', () => rows(api, 'bugfix-releases'));
    assert.deepEqual(bugfix[0].label, 'glance master');
    assert.equal(bugfix[0].description, '2 unreleased · 33.0.0.0b3 (milestone)');
  });

  it('api.unreleased() reports every deliverable and branch found', async () => {
    // Warm: a second reading of both clones (all their branches), in the extension host.
    const warm = await vscode.commands.executeCommand<{ clones: number; tookMs: number }>('glanceReleaseCycle.refreshReleaseStatus');
    console.log(`[bench] release status, ${warm.clones} clones, every branch, warm: ${warm.tookMs} ms`);
    assert.equal(warm.clones, 2);
    const entries = await api.unreleased();
    assert.deepEqual(
      entries.map((e) => [e.deliverable, e.repo, e.branch, e.lastRelease, e.commits, e.suggestedVersion, e.suggestedKind]),
      [
        ['glance', 'openstack/glance', 'master', '33.0.0.0b2', 2, '33.0.0.0b3', 'milestone'],
        ['glance', 'openstack/glance', 'stable/2026.1', '32.0.0', 1, '32.0.1', 'bugfix'],
        ['glance', 'openstack/glance', 'stable/2025.2', '31.1.0', 1, '31.1.1', 'bugfix'],
        ['glance', 'openstack/glance', 'stable/2025.1', '30.2.0', 1, '30.2.1', 'bugfix'],
        ['glance-store', 'openstack/glance_store', 'master', '5.6.0', 3, '5.7.0', 'feature'],
      ],
    );
    assert.deepEqual(entries[1].changes[0].kinds, ['release-note', 'release-note:security', 'release-note:fixes', 'closes-bug', 'cherry-pick']);
  });

  it('asks the release rules for glance master: an RC1 already in the series file (its tag not fetched yet) turns the milestone into the next RC', async () => {
    const file = deliverable('hibiscus', 'glance');
    const original = await vscode.workspace.fs.readFile(file);
    const rc1 = `${Buffer.from(original).toString('utf8')}  - version: 33.0.0.0b3\n    projects:\n      - repo: openstack/glance\n        hash: ${'b'.repeat(40)}\n  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${'c'.repeat(40)}\n`;
    try {
      await vscode.workspace.fs.writeFile(file, Buffer.from(rc1));
      await vscode.commands.executeCommand('glanceReleaseCycle.refreshReleaseStatus');
      const master = (await api.unreleased()).find((e) => e.deliverable === 'glance' && e.branch === 'master');
      assert.deepEqual([master?.suggestedVersion, master?.suggestedKind], ['33.0.0.0rc2', 'rc']);
      const row = await waitFor('the glance master row with the RC', () => rows(api, 'bugfix-releases')?.find((r) => r.label === 'glance master' && /rc2/.test(r.description ?? '')));
      assert.equal(row.description, '2 unreleased · 33.0.0.0rc2 (rc)');
      assert.match(row.tooltip ?? '', /the release rules refuse a milestone: 33\.0\.0\.0rc1 is a release candidate/);
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
      await vscode.commands.executeCommand('glanceReleaseCycle.refreshReleaseStatus');
    }
    const restored = (await api.unreleased()).find((e) => e.deliverable === 'glance' && e.branch === 'master');
    assert.deepEqual([restored?.suggestedVersion, restored?.suggestedKind], ['33.0.0.0b3', 'milestone']);
  });

  it('proposes the release from the branch row in one click: kind, series, head hash and the commit log', async () => {
    const head = gitOut(clonePath('glance_store'), 'rev-parse', 'origin/master');
    // The menu passes the tree node; only its child id matters. The one question left: is it the
    // library's last release of the cycle (its stable branch)? The default answer is no.
    const prompts = stubPrompts();
    let result: EditResult | undefined;
    try {
      result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeReleaseFromBranch', { kind: 'child', child: { id: 'rs:glance-store:master' } });
    } finally {
      prompts.restore();
    }
    assert.deepEqual(prompts.shown.map((p) => p.title), ['Is 5.7.0 the last glance-store release of Hibiscus?']);
    assert.ok(result?.applied, JSON.stringify(result));
    assert.equal(result.version, '5.7.0');
    // The stand-in clone lacks the real commits of 5.5.0 and 5.6.0, and its tags are its own: the gate's
    // git checks say so (release-sha-exists twice, existing-tags, and the newness that follows from the
    // tags, new-releases-at-end). The new 5.7.0 itself adds no problem of its own.
    const problems = await api.validateDeliverable(deliverable('hibiscus', 'glance-store').fsPath);
    assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort(), ['existing-tags', 'new-releases-at-end', 'release-sha-exists', 'release-sha-exists']);
    assert.ok(problems.every((p) => !p.message.includes(head.slice(0, 12)) && !p.message.includes('5.7.0')), JSON.stringify(problems));
    const lines = result.commitMessage!.split('\n');
    assert.equal(lines[0], 'Release glance_store 5.7.0 for 2026.2 Hibiscus');
    assert.equal(lines[2], `$ git log --oneline --no-merges 5.6.0..${head.slice(0, 12)}`);
    assert.equal(lines[3], `${head.slice(0, 12)} Use the new zuul job template`);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === deliverable('hibiscus', 'glance-store').toString())!;
    assert.ok(document.getText().endsWith(`  - version: 5.7.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${head}\n`));
  });

  it('previews the request as list-changes shows it, then commits it in the releases checkout', async () => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === deliverable('hibiscus', 'glance-store').toString())!;
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<PreviewResult>('glanceReleaseCycle.previewReleaseRequest', { commit: true });
    assert.ok(result, 'a preview');
    assert.equal(result.version, '5.7.0');
    assert.match(result.text, /Request releases from HEAD on master/);
    assert.match(result.text, /It contains the previous release 5\.6\.0\./);
    assert.match(result.text, /Add the s3 multipart upload/);
    assert.match(result.text, /### s3-multipart-1111111111111111\.yaml\n\n\*\*features\*\*\n\n- S3 uploads use multipart\./);
    assert.ok(result.committed, 'committed');
    const releases = folder('releases').fsPath;
    assert.equal(gitOut(releases, 'rev-parse', '--abbrev-ref', 'HEAD'), 'glance-store-5.7.0');
    assert.equal(gitOut(releases, 'log', '-1', '--format=%B'), result.commitMessage.trim());
    assert.deepEqual(gitOut(releases, 'show', '--name-only', '--format=', 'HEAD').split('\n'), ['deliverables/hibiscus/glance-store.yaml']);
    assert.match(result.committed.review, /review$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('proposes one request for several stable branches: a release in each series’ file, one message', async () => {
    const result = await vscode.commands.executeCommand<StableResult>('glanceReleaseCycle.proposeStableReleases', { deliverable: 'glance', branches: ['stable/2026.1', 'stable/2025.2', 'stable/2025.1'], force: true });
    assert.ok(result, 'a result');
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(
      result.applied.map((a) => [a.file, a.version]),
      [
        ['deliverables/gazpacho/glance.yaml', '32.0.1'],
        ['deliverables/flamingo/glance.yaml', '31.1.1'],
        ['deliverables/epoxy/glance.yaml', '30.2.1'],
      ],
    );
    const message = result.commitMessage!;
    assert.equal(message.split('\n')[0], 'Release glance 32.0.1, 31.1.1, 30.2.1 for Gazpacho, Flamingo, Epoxy');
    assert.match(message, /31\.1\.1 for 2025\.2 Flamingo:\n\$ git log --oneline --no-merges 31\.1\.0\.\.[0-9a-f]{12}\n[0-9a-f]{12} Fix the image conversion check \(OSSA-2026-004\)/);
    for (const [series, version] of [['gazpacho', '32.0.1'], ['flamingo', '31.1.1'], ['epoxy', '30.2.1']]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === deliverable(series, 'glance').toString())!;
      assert.match(doc.getText(), new RegExp(`- version: ${version.replace(/\./g, '\\.')}\\n    projects:\\n      - repo: openstack/glance\\n        hash: [0-9a-f]{40}\\n`));
    }
  });
});

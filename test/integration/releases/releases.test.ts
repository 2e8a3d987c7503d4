// The releases commands in a real VS Code: open the deliverable file, propose an RC1 (and undo it), add
// cycle highlights, open the schedule at the next deadline, and the Problems view on a broken file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { EditResult } from '../../../src/vscode/deliverables/releaseEdit';
import { captureMessages, extensionApi, stubPrompts, waitFor } from '../support';


const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri;
const deliverable = (series: string, name: string) => vscode.Uri.joinPath(folder('releases'), 'deliverables', series, `${name}.yaml`);

async function fileText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('openstack/releases commands', () => {
  before(async () => {
    await extensionApi();
  });

  it('opens the deliverable file of the series with a handful of file-system calls', async () => {
    const started = Date.now();
    const result = await vscode.commands.executeCommand<{ uri: string; statCalls: number; locateStatCalls: number; locateMs: number }>('glanceReleaseCycle.openDeliverable', {
      series: 'hibiscus',
      deliverable: 'glance',
      measureLocate: true,
    });
    const elapsed = Date.now() - started;
    assert.ok(result, 'the command returned');
    assert.equal(result.uri, deliverable('hibiscus', 'glance').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri);
    console.log(
      `[bench] releases tree with 6,000+ files: locate the checkout ${result.locateStatCalls} stat calls (${result.locateMs} ms); open the deliverable ${result.statCalls} stat call(s); whole command ${elapsed} ms`,
    );
    assert.ok(result.locateStatCalls <= 4, `locating took ${result.locateStatCalls} stat calls`);
    assert.ok(result.statCalls <= 2, `opening took ${result.statCalls} stat calls`);
  });

  it('proposes the RC1 with its stable branch from the glance clone, and undo restores the file', async () => {
    const uri = deliverable('hibiscus', 'glance');
    const original = await fileText(uri);
    const hash = execFileSync('git', ['rev-parse', 'origin/HEAD'], { cwd: folder('glance').fsPath, encoding: 'utf8' }).trim();
    const result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeRelease', {
      series: 'hibiscus',
      taskId: 'rc1-release',
      deliverable: 'glance',
      kind: 'rc',
      ref: 'origin/HEAD',
    });
    assert.ok(result?.applied, JSON.stringify(result));
    assert.equal(result.version, '33.0.0.0rc1');
    assert.deepEqual(result.warnings, []);
    assert.equal(result.problems, 0);
    assert.equal(result.commitMessage?.split('\n')[0], 'Release glance RC1 for 2026.2 Hibiscus');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.equal(
      document.getText(),
      `${original}  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${hash}\nbranches:\n  - name: stable/2026.2\n    location: 33.0.0.0rc1\n`,
    );
    assert.ok(document.isDirty, 'the edit is not saved behind the user’s back');
    assert.equal(await fileText(uri), original);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => document.getText() === original);
    await closeAll();
  });

  it("offers the newest series that has the file when the series' folder does not exist yet", async () => {
    const messages = captureMessages((m) => m.buttons.find((b) => b.startsWith('Open Hibiscus')));
    try {
      const result = await vscode.commands.executeCommand<{ uri: string }>('glanceReleaseCycle.openDeliverable', { series: 'indri', deliverable: 'glance' });
      assert.match(messages.shown[0]?.text ?? '(no message)', /^deliverables\/indri\/ does not exist yet: the release team creates it/);
      assert.deepEqual(messages.shown[0].buttons, ["Open Hibiscus's glance.yaml"]);
      assert.equal(result?.uri, deliverable('hibiscus', 'glance').toString());
    } finally {
      messages.restore();
      await closeAll();
    }
  });

  it('warns before a fourth RC or a version going backwards, and writes nothing when not confirmed', async () => {
    const uri = deliverable('hibiscus', 'glance');
    const hash = 'a'.repeat(40);
    const propose = (extra: Record<string, unknown>) =>
      vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeRelease', { series: 'hibiscus', deliverable: 'glance', hash, ...extra });
    const messages = captureMessages(); // every confirmation is dismissed
    try {
      for (const rc of ['rc1', 'rc2', 'rc3']) assert.ok((await propose({ kind: 'rc' }))?.applied, rc);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
      const withThree = document.getText();
      assert.match(withThree, /33\.0\.0\.0rc3/);

      const fourth = await propose({ kind: 'rc' });
      assert.equal(fourth?.applied, false);
      assert.equal(fourth?.version, '33.0.0.0rc4');
      assert.match(fourth?.warnings.join('\n') ?? '', /more than 3 release candidates/i);
      const backwards = await propose({ version: '32.0.0' });
      assert.equal(backwards?.applied, false);
      assert.match(backwards?.warnings.join('\n') ?? '', /32\.0\.0.*(before|backwards|lower|older)/i);
      assert.equal(document.getText(), withThree, 'nothing written without confirmation');
      const confirmations = messages.shown.filter((m) => m.buttons.includes('Write Anyway'));
      assert.equal(confirmations.length, 2, JSON.stringify(messages.shown.map((m) => m.text)));
    } finally {
      messages.restore();
      await closeAll();
    }
    assert.doesNotMatch(await fileText(uri), /rc2/, 'the edits were never saved');
  });

  it('computes the edit from unsaved changes of the open document', async () => {
    const uri = deliverable('hibiscus', 'glance-store');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved comment\n'));
    const result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeRelease', {
      series: 'hibiscus',
      deliverable: 'glance-store',
      kind: 'feature',
      hash: 'a'.repeat(40),
      branch: false,
    });
    assert.ok(result?.applied);
    assert.equal(result.version, '5.7.0');
    assert.ok(document.getText().startsWith('# unsaved comment\n---\n'));
    assert.ok(document.getText().endsWith(`  - version: 5.7.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${'a'.repeat(40)}\n`));
    await closeAll();
  });

  it('adds cycle highlights after type:, written as the release tools write them', async () => {
    const uri = deliverable('hibiscus', 'glance');
    const result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.addCycleHighlights', {
      series: 'hibiscus',
      bullets: ['Added a new store weight mechanism, improving performance when using RBD.', 'Removed Windows OS support'],
    });
    assert.ok(result?.applied, JSON.stringify(result));
    assert.equal(result.problems, 0);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.ok(
      document.getText().includes('type: service\ncycle-highlights:\n  - Added a new store weight mechanism, improving performance when using\n    RBD.\n  - Removed Windows OS support\nrepository-settings:\n'),
      document.getText(),
    );
    await closeAll();
  });

  it('opens schedule.rst at the next deadline’s label', async () => {
    const api = await extensionApi();
    const eventId = api.phaseAt()?.nextDeadline?.eventId;
    assert.equal(eventId, 'h-rc1');
    const result = await vscode.commands.executeCommand<{ uri: string; line: number }>('glanceReleaseCycle.openReleaseSchedule');
    assert.ok(result);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/doc/source/hibiscus/schedule.rst'));
    assert.equal(editor.document.lineAt(result.line).text, '.. _h-rc1:');
    assert.equal(editor.selection.active.line, result.line);
    await closeAll();
  });

  it('reports a broken deliverable file in the Problems view on save', async () => {
    const uri = deliverable('epoxy', 'glance-store');
    const original = await fileText(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(new vscode.Range(4, 0, 4, document.lineAt(4).text.length), 'team: glance   \nunknown-key: 1'));
    await document.save();
    const diagnostics = await waitFor('diagnostics', () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.filter((d) => d.code !== 'git-checks-skipped').length >= 2 ? list : undefined;
    });
    const brief = diagnostics.filter((d) => d.code !== 'git-checks-skipped').map((d) => `${d.range.start.line + 1} ${d.source} ${d.code ?? ''} ${d.severity}`).sort();
    assert.deepEqual(brief, ['5 yamllint trailing-spaces 0', '6 schema.yaml  0']);
    assert.match(diagnostics.find((d) => d.source === 'schema.yaml')!.message, /unknown key "unknown-key"/);
    // Fixed and saved again: the problems go away.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await document.save();
    assert.equal(await vscode.commands.executeCommand('glanceReleaseCycle.validateDeliverable', uri), 0);
    await waitFor('cleared diagnostics', () => vscode.languages.getDiagnostics(uri).length === 0);
    await closeAll();
  });

  it("flags a hand-typed RC1 without its stable branch with the release team's rule, while typing", async () => {
    const uri = deliverable('hibiscus', 'glance');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const hash = 'a'.repeat(40);
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), `  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${hash}\n`));
    const diagnostic = await waitFor('the rc1-stable-branch diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'rc1-stable-branch'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /stable\/2026\.2/);
    assert.equal(diagnostic.source, 'openstack/releases validate');
    // This releases folder is not a git repository: the git-backed rules say they were not checked.
    const skipped = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'git-checks-skipped');
    assert.ok(skipped && skipped.severity === vscode.DiagnosticSeverity.Information, JSON.stringify(vscode.languages.getDiagnostics(uri)));
    assert.match(skipped.message, /release-sha-exists, release-branch-membership, branch-points/);
    const api = await extensionApi();
    const findings = await api.validateDeliverable('deliverables/hibiscus/glance.yaml');
    assert.ok(findings.some((f) => f.rule === 'rc1-stable-branch' && f.severity === 'warning' && f.line > 1), JSON.stringify(findings));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('offers only the kinds the rules allow, and refuses a milestone for a released series without writing', async () => {
    const uri = deliverable('epoxy', 'glance');
    const original = await fileText(uri);
    const prompts = stubPrompts([undefined]); // look at the kinds offered, then cancel
    try {
      assert.equal(await vscode.commands.executeCommand('glanceReleaseCycle.proposeRelease', { series: 'epoxy', deliverable: 'glance', hash: 'b'.repeat(40) }), undefined);
    } finally {
      prompts.restore();
    }
    const kinds = prompts.shown[0].items;
    assert.ok(kinds.some((k) => k.includes('Milestone') && k.startsWith('$(circle-slash)')), JSON.stringify(kinds));
    const messages = captureMessages();
    try {
      const result = await vscode.commands.executeCommand('glanceReleaseCycle.proposeRelease', { series: 'epoxy', deliverable: 'glance', kind: 'milestone', hash: 'b'.repeat(40) });
      assert.equal(result, undefined);
      const refusal = messages.shown.find((m) => m.text.includes('is not allowed here'));
      assert.ok(refusal, JSON.stringify(messages.shown));
      assert.match(refusal.text, /series in development/);
    } finally {
      messages.restore();
    }
    assert.equal(await fileText(uri), original, 'nothing written');
    await closeAll();
  });

  it('says in the confirmation that the releases checkout was last fetched weeks ago, and writes nothing when not confirmed', async () => {
    const git = vscode.Uri.joinPath(folder('releases'), '.git');
    const fetchHead = vscode.Uri.joinPath(git, 'FETCH_HEAD');
    await vscode.workspace.fs.writeFile(fetchHead, new TextEncoder().encode(''));
    const weeksAgo = new Date(Date.now() - 20 * 86_400_000);
    fs.utimesSync(fetchHead.fsPath, weeksAgo, weeksAgo);
    const messages = captureMessages(); // the confirmation is dismissed
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      const uri = deliverable('hibiscus', 'glance');
      const original = await fileText(uri);
      const result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeRelease', { series: 'hibiscus', deliverable: 'glance', kind: 'rc', hash: 'c'.repeat(40) });
      assert.equal(result?.applied, false);
      const confirmation = messages.shown.find((m) => m.buttons.includes('Write Anyway'));
      assert.ok(confirmation, JSON.stringify(messages.shown.map((m) => m.text)));
      assert.match(confirmation.detail ?? '', /releases checkout "releases" was last fetched .*run git pull there/);
      assert.ok(result.warnings.some((w) => /last fetched/.test(w)), JSON.stringify(result.warnings));
      assert.equal(await fileText(uri), original, 'nothing written');
    } finally {
      messages.restore();
      await vscode.workspace.fs.delete(git, { recursive: true });
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      await closeAll();
    }
  });
});

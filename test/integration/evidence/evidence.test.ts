// Evidence in a real VS Code: tasks ticked by what the files say, overdue tasks flagged, unknown
// evidence explained, and a saved or written file flipping a task to done.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlanceReleaseCycleApi, TaskState } from '../../../src/vscode/api';
import type { RenderedItem } from '../../../src/vscode/checklist/checklistView';
import { captureMessages, extensionApi, phaseItem, taskItem as drawnTask, waitFor } from '../support';
import { INDRI_STORE } from './workspace';

const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri;
const task = (api: GlanceReleaseCycleApi, id: string): TaskState | undefined => api.tasks().find((t) => t.id === id);

/** A task's drawn item (its phase, then its place among the phase's tasks). */
function taskItem(api: GlanceReleaseCycleApi, id: string): RenderedItem {
  const item = drawnTask(api, id);
  assert.ok(item, `task ${id} is drawn`);
  return item;
}

describe('Evidence in the Release Cycle view', () => {
  let api: GlanceReleaseCycleApi;

  before(async () => {
    api = await extensionApi();
    await waitFor('the first evidence', () => task(api, 'm3-client-release')?.evidence);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ticks a task done by evidence, says why, counts it in the phase and opens the file at the line', async () => {
    const state = task(api, 'm3-client-release')!;
    assert.equal(state.done, true);
    assert.equal(state.doneBy, 'evidence');
    assert.equal(state.evidence?.state, 'done');
    assert.equal(state.evidence?.text, 'python-glanceclient 4.9.0; stable/2027.1 at 4.9.0.');
    const item = taskItem(api, 'm3-client-release');
    assert.equal(item.checked, true);
    assert.equal(item.description, '✓ python-glanceclient 4.9.0; stable/2027.1 at 4.9.0.');
    assert.match(item.tooltip ?? '', /Done by evidence:\*\* python-glanceclient 4\.9\.0/);
    assert.match(item.tooltip ?? '', /Open releases\/deliverables\/indri\/python-glanceclient\.yaml:14\]\(command:glanceReleaseCycle\.openEvidence\?/);
    assert.equal(item.command, 'glanceReleaseCycle.openEvidence');
    const phase = phaseItem(api, state.phaseId)!;
    const ticked = phase.children.filter((c) => c.checked).length;
    assert.ok(ticked >= 1);
    assert.match(phase.description ?? '', new RegExp(`^${ticked}/`));

    const opened = await vscode.commands.executeCommand<{ uri: string; line: number }>('glanceReleaseCycle.openEvidence', { series: 'indri', taskId: 'm3-client-release' });
    const uri = vscode.Uri.joinPath(folder('releases'), 'deliverables', 'indri', 'python-glanceclient.yaml');
    assert.equal(opened?.uri, uri.toString());
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '  - name: stable/2027.1');
  });

  it('flags overdue tasks with a warning icon, the date and the status-bar lines', () => {
    const highlights = task(api, 'add-cycle-highlights')!;
    assert.equal(highlights.done, false);
    assert.equal(highlights.evidence?.state, 'overdue');
    assert.equal(highlights.evidence?.deadline, '2027-02-25');
    const item = taskItem(api, 'add-cycle-highlights');
    assert.equal(item.checked, false);
    assert.equal(item.icon, 'warning');
    assert.equal(item.description, 'overdue since 2027-02-25');
    assert.match(item.tooltip ?? '', /Overdue since 2027-02-25:\*\* No cycle-highlights in glance\.yaml for Indri\./);
    const constant = taskItem(api, 'current-release-constant');
    assert.equal(constant.description, 'overdue since 2026-11-19');
    assert.ok(api.overdue().includes('Overdue since Thu 25 Feb 2027: Add cycle-highlights'), api.overdue().join('\n'));
  });

  it('explains unknown evidence in the tooltip, and leaves the box to the user', () => {
    const state = task(api, 'm1-library-releases')!;
    assert.equal(state.evidence?.state, 'unknown');
    assert.equal(state.done, false);
    const item = taskItem(api, 'm1-library-releases');
    assert.equal(item.description, undefined);
    assert.match(item.tooltip ?? '', /Evidence unknown:\*\* .*glance-store\.yaml does not exist yet/);
  });

  it('flips CURRENT_RELEASE to done by evidence when migration.py is saved', async () => {
    assert.equal(task(api, 'current-release-constant')?.evidence?.state, 'overdue');
    const uri = vscode.Uri.joinPath(folder('glance'), 'glance', 'db', 'migration.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('CURRENT_RELEASE = '));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(line).range, "CURRENT_RELEASE = '2027_1'");
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    const done = await waitFor('current-release-constant done by evidence', () => {
      const t = task(api, 'current-release-constant');
      return t?.doneBy === 'evidence' && t;
    });
    assert.equal(done.evidence?.text, "CURRENT_RELEASE = '2027_1'.");
    assert.equal(done.evidence?.line, line);
    const item = taskItem(api, 'current-release-constant');
    assert.equal(item.checked, true);
    assert.equal(item.icon, undefined);
    assert.ok(!api.overdue().some((l) => l.includes('CURRENT_RELEASE')));

    // On a day of its phase, the view's badge counts the task as done too (ticks and evidence alike).
    const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
    try {
      await config.update('today', '2026-11-02', vscode.ConfigurationTarget.Global);
      await waitFor('the phase of 2 Nov', () => api.status()?.text === 'Indri: Between Summit and Milestone-1');
      await api.evidenceSettled();
      const open = api.tasks().filter((t) => t.phaseId === 'summit-to-m1' && !t.done);
      assert.ok(!open.some((t) => t.id === 'current-release-constant'));
      assert.equal(api.view().badge, open.length);
    } finally {
      await config.update('today', '2027-03-02', vscode.ConfigurationTarget.Global);
      await waitFor('back to the RC1 week', () => api.status()?.text === 'Indri: RC1 week');
      await api.evidenceSettled();
    }
  });

  it('re-reads a deliverable written on disk (file watcher)', async () => {
    const uri = vscode.Uri.joinPath(folder('releases'), 'deliverables', 'indri', 'glance-store.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(INDRI_STORE));
    const done = await waitFor('m1-library-releases done by evidence', () => {
      const t = task(api, 'm1-library-releases');
      return t?.doneBy === 'evidence' && t;
    });
    assert.equal(done.evidence?.text, 'Released in Indri: glance-store 5.8.0; python-glanceclient 4.9.0.');
  });

  it('does not redraw the tree for an answer that changes nothing in it (a click in a redraw is lost), and redraws for one that does', async () => {
    const before = api.view().redraws;
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshEvidence');
    await vscode.commands.executeCommand('glanceReleaseCycle.refreshEvidence');
    assert.equal(api.view().redraws, before, 'the same evidence twice: no redraw');
    await vscode.commands.executeCommand('glanceReleaseCycle.markDone', { series: 'indri', taskIds: ['m3-prelude'] });
    await waitFor('the redraw of the tick', () => api.view().redraws > before || undefined);
    await vscode.commands.executeCommand('glanceReleaseCycle.markNotDone', { series: 'indri', taskIds: ['m3-prelude'] });
    await waitFor('the redraw of the untick', () => api.view().redraws > before + 1 || undefined);
    assert.equal(taskItem(api, 'm3-prelude').checked, false);
  });

  it('offers the task’s action once when a task becomes overdue on a new day', async () => {
    const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
    const messages = captureMessages();
    try {
      assert.equal(task(api, 'm3-prelude')?.evidence?.state, 'open');
      await config.update('today', '2027-03-05', vscode.ConfigurationTarget.Global);
      const shown = await waitFor('the overdue message', () => messages.shown.find((m) => m.text.includes('prelude')));
      assert.equal(shown.kind, 'warning');
      assert.match(shown.text, /is overdue since 2027-03-04\. No note named indri-…yaml with a prelude/);
      assert.deepEqual(shown.buttons, ['New Release Prelude…', "Don't Show Again"]);
      assert.equal(taskItem(api, 'm3-prelude').icon, 'warning');
      // add-cycle-highlights was offered on the first day already: not again.
      assert.ok(!messages.shown.some((m) => m.text.includes('cycle-highlights')), messages.shown.map((m) => m.text).join('\n'));
      await vscode.commands.executeCommand('glanceReleaseCycle.refreshEvidence');
      assert.equal(messages.shown.filter((m) => m.text.includes('prelude')).length, 1, 'once per task');
    } finally {
      messages.restore();
      await config.update('today', '2027-03-02', vscode.ConfigurationTarget.Global);
    }
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureMessages, extensionApi, taskItem, waitFor } from '../support';


describe('Restricted Mode', () => {
  it('runs untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still shows the phase from the checkout and keeps ticks', async () => {
    const api = await extensionApi();
    assert.equal(api.status()?.text, 'Indri: Between Milestone-1 and Milestone-2');
    assert.equal(api.view().items.length, 12);
    await vscode.commands.executeCommand('glanceReleaseCycle.markDone', { taskIds: ['m1m2-driver-patches'] });
    assert.equal(api.tasks().find((t) => t.id === 'm1m2-driver-patches')?.done, true);
  });

  it('opens a deliverable file (reading is allowed)', async () => {
    await extensionApi();
    const result = (await vscode.commands.executeCommand('glanceReleaseCycle.openDeliverable', { series: 'hibiscus', deliverable: 'glance' })) as { uri: string } | undefined;
    assert.ok(result?.uri.endsWith('/deliverables/hibiscus/glance.yaml'), JSON.stringify(result));
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/deliverables/hibiscus/glance.yaml'));
  });

  it('Insert Sem-Ver Header says git is unavailable and offers the header on the clipboard', async () => {
    await extensionApi();
    const messages = captureMessages((m) => m.buttons.find((b) => b === 'Copy Header'));
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.insertSemVerHeader', { values: ['bugfix'] });
      assert.match(messages.shown[0]?.text ?? '(no message)', /Git is not available in Restricted Mode/);
      assert.equal(await vscode.env.clipboard.readText(), 'Sem-Ver: bugfix');
    } finally {
      messages.restore();
    }
  });

  it('commands that write CURRENT_RELEASE or release notes say why they do not run', async () => {
    await extensionApi();
    const messages = captureMessages();
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.updateCurrentRelease', { commitMessage: false });
      await vscode.commands.executeCommand('glanceReleaseCycle.newReleaseNote', { slug: 'x', sections: ['fixes'] });
      assert.deepEqual(
        messages.shown.map((m) => m.kind),
        ['warning', 'warning'],
        JSON.stringify(messages.shown),
      );
      assert.match(messages.shown[0].text, /Restricted Mode/);
      assert.match(messages.shown[1].text, /Restricted Mode/);
      assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path), []);
    } finally {
      messages.restore();
    }
  });

  it('the release status runs no git: the rows say why, api.unreleased() is empty', async () => {
    const api = await extensionApi();
    assert.deepEqual(await api.unreleased(), []);
    const rows = await waitFor('the release status row', () => taskItem(api, 'm1-library-releases')?.children.find((c) => c.label.startsWith('Release status')));
    assert.equal(rows.label, 'Release status: git is not used in Restricted Mode');
  });
});

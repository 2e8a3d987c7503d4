import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from '../checklist/api';

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
});

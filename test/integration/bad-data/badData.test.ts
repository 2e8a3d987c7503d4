import * as fs from 'fs';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor } from '../support';

async function setToday(value: string): Promise<void> {
  await vscode.workspace.getConfiguration('glanceReleaseCycle').update('today', value, vscode.ConfigurationTarget.Global);
}

describe('Bad schedule data and dates outside every schedule', () => {
  after(() => setToday('2026-11-25'));

  it('names the malformed file and field, and falls back to the bundled Indri schedule', async () => {
    const api = await extensionApi();
    const status = api.status()!;
    assert.equal(status.text, 'Indri: Between Milestone-1 and Milestone-2');
    assert.equal(status.warning, true, 'a file that could not be used turns the item into a warning');
    assert.ok(
      status.details.includes('Problem: releases/doc/source/indri/schedule.yaml: cycle[2].start: expected a date YYYY-MM-DD, got "next monday"'),
      status.details.join('\n'),
    );
    assert.ok(status.details.some((d) => d.startsWith('The bundled schedule data stands in') && d.includes('Reload Release Schedule')), status.details.join('\n'));
    assert.match(api.view().message ?? '', /could not be read: releases\/doc\/source\/indri\/schedule\.yaml: cycle\[2\]\.start/);
    assert.equal(api.view().items.length, 12);
    // And in the Problems view, on the file and the line of the bad value.
    const schedule = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'doc', 'source', 'indri', 'schedule.yaml');
    const [diagnostic] = await waitFor('the schedule problem in the Problems view', () => vscode.languages.getDiagnostics(schedule).length > 0 && vscode.languages.getDiagnostics(schedule));
    const lines = fs.readFileSync(schedule.fsPath, 'utf8').split('\n');
    assert.equal(lines[diagnostic.range.start.line].trim(), "- start: 'next monday'", diagnostic.message);
    assert.match(diagnostic.message, /cycle\[2\]\.start: expected a date/);
  });

  it('says what is missing for a date after every schedule, and the checklist works with a chosen series', async () => {
    const api = await extensionApi();
    await setToday('2031-01-01');
    const status = await waitFor('the status to follow the new date', () => api.status()?.text.includes('2031') && api.status());
    assert.equal(status.text, 'Glance: no schedule for 2031-01-01');
    assert.equal(status.warning, true);
    assert.match(status.details.join('\n'), /after every known schedule.*\n.*openstack\/releases checkout/);
    assert.equal(api.phaseAt(), undefined);
    assert.match(api.view().message ?? '', /No known schedule covers 2031-01-01/);
    assert.deepEqual(api.view().items.map((i) => i.label), ['No series for today: pick one with "Show Series…".']);

    await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries', 'indri');
    const view = api.view();
    assert.equal(view.items.length, 12);
    assert.equal(view.description, "Indri 2027.1 · not today's");
    assert.equal(view.items.find((p) => p.contextValue === 'phase.current')?.label, 'Post-Final');
    await vscode.commands.executeCommand('glanceReleaseCycle.markDone', { taskIds: ['unblock-driver-patches'] });
    assert.equal(api.tasks('indri').find((t) => t.id === 'unblock-driver-patches')?.done, true);
    await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries', '');
  });

  it('reports a malformed series_status.yaml and keeps working from bundled data', async () => {
    const api = await extensionApi();
    await setToday('2026-11-25');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, 'data', 'series_status.yaml');
    const original = await vscode.workspace.fs.readFile(file);
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('- name: indri\n  status: [unclosed\n'));
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      const status = api.status()!;
      assert.equal(status.text, 'Indri: Between Milestone-1 and Milestone-2');
      assert.ok(status.details.some((d) => /^Problem: releases\/data\/series_status\.yaml:\d+: not valid YAML: line \d+, column \d+: /.test(d)), status.details.join('\n'));
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
    }
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureMessages, extensionApi, waitFor } from '../support';

const pass = Number(process.env.GLANCE_TEST_PASS ?? '1');

describe(`Release Cycle view and status bar (pass ${pass})`, () => {
  it('activates and shows 12 phases with 34 tasks, the current one expanded', async () => {
    const api = await extensionApi();
    const { items } = api.view();
    assert.equal(items.length, 12);
    assert.equal(items.reduce((n, phase) => n + phase.children.length, 0), 34);
    // Short labels that fit a 300 px side bar; the tree reads as a timeline of the cycle.
    assert.deepEqual(items.map((p) => p.label).slice(0, 4), ['Before PTG', 'Summit → M1', 'Milestone-1', 'M1 → M2']);
    assert.equal(items[2].description, '0/2 · 16–22 Nov');
    assert.ok(items.every((p) => p.label.length <= 38 && p.children.every((t) => t.label.length <= 38)));
    assert.match(items[3].tooltip ?? '', /Between Milestone-1 and Milestone-2 \([01] of 2 done\)\nR-17–R-11: Mon 23 Nov 2026 – Sun 10 Jan 2027/);
    const current = items.filter((p) => p.contextValue === 'phase.current');
    assert.deepEqual(current.map((p) => p.label), ['M1 → M2']);
    assert.match(current[0].description ?? '', /^[01]\/2 · R-17 · until 10 Jan$/, 'pass 2 keeps the tick of pass 1');
    assert.equal(api.view().description, 'Indri 2027.1 · R-17', 'the view names the series it shows, and the week');
    assert.equal(current[0].collapsed, false);
    assert.ok(items.filter((p) => p !== current[0]).every((p) => p.collapsed === true));
    const constantTask = items[1].children.find((t) => t.label === 'Update CURRENT_RELEASE');
    assert.match(constantTask?.tooltip ?? '', /^Update the CURRENT\\?_RELEASE constant in glance\/db\/migration\.py/, 'the full text in the tooltip (Markdown escapes _)');
    assert.equal(constantTask?.children.length, 2, 'the CURRENT_RELEASE task has its two sub-bullets');
  });

  it('reads the phase from the openstack/releases checkout in the workspace', async () => {
    const api = await extensionApi();
    const status = api.status();
    assert.equal(status?.text, 'Indri: Between Milestone-1 and Milestone-2');
    assert.equal(status.warning, false);
    assert.ok(status.details.includes('Next deadline: Indri-2 milestone, Thu 14 Jan 2027, in 50 days'), status.details.join('\n'));
    assert.ok(status.details[0].includes('week R-17'), status.details[0]);
    assert.ok(status.details.some((d) => d.startsWith('Schedule data: openstack/releases checkout "releases"')), status.details.join('\n'));
    assert.ok(
      status.details.includes('Coming up: 2026.2 Hibiscus Cycle-Trailing Release Deadline (Thu 3 Dec 2026); Indri Glance spec freeze (Thu 3 Dec 2026)'),
      `the Glance deadline only the checkout has:\n${status.details.join('\n')}`,
    );
    assert.ok(!status.details.some((d) => d.startsWith('Problem:')), status.details.join('\n'));
    const phase = api.phaseAt('2026-11-18');
    assert.equal(phase?.phaseTitle, 'Milestone-1');
    assert.equal(phase?.nextDeadline?.date, '2026-11-19');
  });

  if (pass === 1) {
    it('ticks tasks per series, updating progress and the badge', async () => {
      const api = await extensionApi();
      assert.equal(api.view().badge, 2);
      await vscode.commands.executeCommand('glanceReleaseCycle.markDone', { taskIds: ['m1m2-stable-backports', 'ptg-etherpad'] });
      const view = api.view();
      assert.equal(view.badge, 1);
      assert.equal(view.items[3].description, '1/2 · R-17 · until 10 Jan');
      assert.equal(view.items[3].children[0].checked, true);
      assert.match(view.items[0].description ?? '', /^1\/1 · /);
      await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries', 'hibiscus');
      assert.equal(api.tasks().filter((t) => t.done).length, 0, "hibiscus does not share indri's ticks");
      assert.equal(api.view().items.find((p) => p.contextValue === 'phase.current')?.label, 'Post-Final');
      await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries', '');
      assert.equal(api.tasks().filter((t) => t.done).length, 2);
    });

    it('reminds of a deadline ahead once, with Open Task and Don\'t Remind Me Again', async () => {
      const api = await extensionApi();
      const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
      // The user answers "Don't Remind Me Again": reminders are then off (the setting is 0).
      const messages = captureMessages((m) => (m.text.includes('Indri-2 milestone') ? "Don't Remind Me Again" : undefined));
      try {
        await config.update('notifyOnNewPhase', false, vscode.ConfigurationTarget.Global);
        await config.update('remindDaysBefore', 7, vscode.ConfigurationTarget.Global);
        await config.update('today', '2027-01-08', vscode.ConfigurationTarget.Global);
        const reminder = await waitFor('the Indri-2 reminder', () => messages.shown.find((m) => m.text.includes('Indri-2 milestone')));
        assert.equal(reminder.text, 'Glance: Indri-2 milestone is Thu 14 Jan 2027, in 6 days. Task: Propose library releases (M2).');
        assert.deepEqual(reminder.buttons, ['Open Task', "Don't Remind Me Again"]);
        await config.update('today', '2027-01-09', vscode.ConfigurationTarget.Global);
        await waitFor('the status on the new day', () => api.status()?.details.some((d) => d.includes('in 5 days')));
        assert.equal(messages.shown.filter((m) => m.text.includes('Indri-2 milestone')).length, 1, 'once per deadline');
        await waitFor('reminders turned off', () => vscode.workspace.getConfiguration('glanceReleaseCycle').get('remindDaysBefore') === 0);
      } finally {
        messages.restore();
        await config.update('remindDaysBefore', undefined, vscode.ConfigurationTarget.Global);
        await config.update('notifyOnNewPhase', undefined, vscode.ConfigurationTarget.Global);
        await config.update('today', '2026-11-25', vscode.ConfigurationTarget.Global);
      }
    });

    it('names a new phase and its open tasks once, unless the setting turns it off', async () => {
      const api = await extensionApi();
      const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
      const messages = captureMessages();
      try {
        await config.update('today', '2026-12-10', vscode.ConfigurationTarget.Global); // still m1-to-m2: no message
        await config.update('today', '2027-01-13', vscode.ConfigurationTarget.Global); // Milestone-2
        const shown = await waitFor('the new-phase message', () => messages.shown.find((m) => m.text.includes('Milestone-2')));
        assert.equal(shown.text, 'Glance Indri is now in "Milestone-2" — 1 open task: Propose library releases (M2).');
        assert.deepEqual(shown.buttons, ['Show Tasks', "Don't Show Again"]);
        await config.update('today', '2027-01-14', vscode.ConfigurationTarget.Global); // same phase: not again
        await config.update('notifyOnNewPhase', false, vscode.ConfigurationTarget.Global);
        await config.update('today', '2027-01-20', vscode.ConfigurationTarget.Global); // a new phase, but turned off
        // The notifier runs in the same snapshot listener as the status bar: once the status shows the new
        // phase, a message would already have been asked for.
        await waitFor('the status to show the new phase', () => api.status()?.text === 'Indri: Between Milestone-2 and Milestone-3');
        assert.equal(messages.shown.filter((m) => m.text.startsWith('Glance Indri is now in')).length, 1, JSON.stringify(messages.shown));
        assert.equal(api.status()?.text, 'Indri: Between Milestone-2 and Milestone-3');
      } finally {
        messages.restore();
        await config.update('notifyOnNewPhase', undefined, vscode.ConfigurationTarget.Global);
        await config.update('today', '2026-11-25', vscode.ConfigurationTarget.Global);
      }
    });

    it('reveals the current phase in the view', async () => {
      const api = await extensionApi();
      await vscode.commands.executeCommand('glanceReleaseCycle.revealCurrentPhase');
      const view = await waitFor('the view to be visible with the phase selected', () => api.view().visible && api.view().selection.length > 0 && api.view());
      assert.deepEqual(view.selection, ['m1-to-m2']);
    });

    it('copies a phase as a Markdown checklist', async () => {
      await vscode.commands.executeCommand('glanceReleaseCycle.copyPhaseMarkdown', { phaseId: 'm1-to-m2' });
      const text = await vscode.env.clipboard.readText();
      assert.equal(
        text,
        '### Indri (2027.1): Between Milestone-1 and Milestone-2\n\n' +
          '- [x] Review stable backports and release status.\n' +
          '- [ ] Watch for and respond to updates to new driver patches.\n',
      );
    });
  } else {
    it('keeps the ticks after the extension host restarted', async () => {
      const api = await extensionApi();
      const done = api.tasks('indri').filter((t) => t.done).map((t) => t.id).sort();
      assert.deepEqual(done, ['m1m2-stable-backports', 'ptg-etherpad']);
      assert.equal(api.view().badge, 1);
    });
  }
});

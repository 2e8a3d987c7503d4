// The first-run walkthrough in a real VS Code: contributed with its steps, its `%key%` strings resolved to
// the English of package.nls.json when VS Code loads the manifest, and openable by its id.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor } from '../support';

const WALKTHROUGH = 'glanceReleaseCycle.firstRun';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; svg?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: Step[];
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  if (!found) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

describe('The first-run walkthrough', function () {
  this.timeout(60_000);

  before(async () => {
    await extensionApi();
  });

  it('is contributed with its steps, every %key% resolved to English', () => {
    const manifest = extension().packageJSON;
    const walkthrough = (manifest.contributes.walkthroughs as Walkthrough[]).find((w) => w.id === WALKTHROUGH);
    assert.ok(walkthrough, `${WALKTHROUGH} is contributed`);
    assert.equal(walkthrough.title, 'Get Started with the Glance Release Cycle');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['phaseSource', 'tickTask', 'semVerHeader', 'deliverableProblems', 'gerritTeam'],
    );
    const english = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const step of walkthrough.steps) {
      assert.equal(step.title, english[`walkthroughs.firstRun.${step.id}.title`], step.id);
      assert.equal(step.description, english[`walkthroughs.firstRun.${step.id}.description`], step.id);
      assert.ok(step.media.markdown && fs.existsSync(path.join(extension().extensionPath, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
    }
    assert.match(walkthrough.steps[0].description, /\[Add a releases Checkout Folder\]\(command:workbench\.action\.addRootFolder\)/);
    assert.deepEqual(walkthrough.steps.find((s) => s.id === 'gerritTeam')?.completionEvents, ['onSettingChanged:glanceReleaseCycle.gerrit.teamAccounts']);
    // Nothing user-visible left as a placeholder: not the walkthrough, not a command, not the display name.
    const unresolved = JSON.stringify([manifest.displayName, manifest.description, manifest.contributes.commands, manifest.contributes.walkthroughs, manifest.contributes.configuration]).match(/"%[^%"\s]+%"/g);
    assert.equal(unresolved, null, `unresolved: ${unresolved?.join(', ')}`);
    assert.equal(manifest.displayName, 'Glance Release Cycle');
  });

  it('opens by its id', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH}`, false);
    // The walkthrough page is the workbench's Welcome editor (no API for its contents): it is the active tab.
    const active = await waitFor('the Welcome editor', () => vscode.window.tabGroups.activeTabGroup.activeTab);
    assert.equal(active.label, 'Welcome');
    // A step of it, as a task's link or another extension would open it.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: `${EXTENSION_ID}#${WALKTHROUGH}`, step: `${EXTENSION_ID}#${WALKTHROUGH}#deliverableProblems` }, false);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Welcome').length, 1, 'the same Welcome editor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

// The Sem-Ver header and the CURRENT_RELEASE command in a real VS Code, through the built-in git
// extension's API (what its Source Control input boxes show) and real documents.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { captureMessages, DEFAULT, EXTENSION_ID, stubPrompts, waitFor, type PromptAnswer } from '../support';
import { constantCommitMessage } from '../../../src/core/commits/migrationConstant';
import { SUBJECT_PLACEHOLDER } from '../../../src/core/commits/trailers';
import type { GitApi, GitRepository } from '../../../src/vscode/git';

const INSERT = 'glanceReleaseCycle.insertSemVerHeader';
const UPDATE = 'glanceReleaseCycle.updateCurrentRelease';

/**
 * Runs a command with its quick picks answered by `answers` (an item label each; DEFAULT takes the
 * first item or the pre-picked ones), and checks that exactly that many picks were shown.
 */
async function answerPicks<T>(command: string, args: unknown, answers: PromptAnswer[]): Promise<T> {
  const prompts = stubPrompts(answers);
  try {
    const result = (await vscode.commands.executeCommand<T>(command, ...(args === undefined ? [] : [args]))) as T;
    assert.equal(prompts.shown.length, answers.length, `prompts shown: ${JSON.stringify(prompts.shown)}`);
    return result;
  } finally {
    prompts.restore();
  }
}

function workspacePath(...parts: string[]): string {
  const glance = vscode.workspace.workspaceFolders!.find((f) => f.name === 'glance')!;
  return path.join(path.dirname(glance.uri.fsPath), ...parts);
}

describe('Commit messages: Sem-Ver header and CURRENT_RELEASE (two git repositories)', () => {
  let git: GitApi;
  let glance: GitRepository;
  let store: GitRepository;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    const gitExtension = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    assert.ok(gitExtension, 'the built-in git extension is there');
    git = (await gitExtension.activate()).getAPI(1);
    await waitFor('the git extension to open both repositories', () => git.repositories.length >= 2, 30000);
    const byName = (name: string) => git.repositories.find((r) => path.basename(r.rootUri.fsPath) === name)!;
    glance = byName('glance');
    store = byName('glance_store');
    assert.ok(glance && store, `repositories: ${git.repositories.map((r) => r.rootUri.fsPath).join(', ')}`);
  });

  beforeEach(async () => {
    glance.inputBox.value = '';
    store.inputBox.value = '';
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers both commands on the task "Update the CURRENT_RELEASE constant…", and the header in the git title bar', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const checklist = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'dist', 'data', 'release-cycle.json'), 'utf8'));
    const task = checklist.phases.flatMap((p: { tasks: Array<{ id: string; actions: string[] }> }) => p.tasks).find((t: { id: string }) => t.id === 'current-release-constant');
    assert.deepEqual(task.actions, [UPDATE, INSERT]);
    const scmTitle = extension.packageJSON.contributes.menus['scm/title'] as Array<{ command: string; when: string }>;
    assert.deepEqual(scmTitle.find((m) => m.command === INSERT)?.when, 'scmProvider == git');
  });

  it('fills the input box of the repository whose title-bar icon was clicked, never twice', async () => {
    glance.inputBox.value = 'Update migration constant\n\nChange-Id: I0123456789abcdef';
    await vscode.commands.executeCommand(INSERT, { rootUri: glance.rootUri, values: ['api-break'] });
    const expected = 'Update migration constant\n\nSem-Ver: api-break\nChange-Id: I0123456789abcdef';
    assert.equal(glance.inputBox.value, expected);
    assert.equal(store.inputBox.value, '', 'the other repository is untouched');

    await vscode.commands.executeCommand(INSERT, { rootUri: glance.rootUri, values: ['api-break'] });
    assert.equal(glance.inputBox.value, expected, 'running it twice does not duplicate the header');

    await vscode.commands.executeCommand(INSERT, { rootUri: store.rootUri, values: ['bugfix', 'feature'] });
    assert.equal(store.inputBox.value, `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: feature, bugfix`);
    assert.equal(glance.inputBox.value, expected);
  });

  it("otherwise fills the active editor's repository", async () => {
    store.inputBox.value = 'Fix store weights\n\nsem-ver: bugfix';
    await vscode.window.showTextDocument(vscode.Uri.file(workspacePath('glance_store', 'setup.cfg')));
    await vscode.commands.executeCommand(INSERT, { values: ['deprecation'] });
    assert.equal(store.inputBox.value, 'Fix store weights\n\nSem-Ver: deprecation', 'an existing header (any case) is updated');
    assert.equal(glance.inputBox.value, '');
  });

  it('asks which repository when nothing says, and pre-picks the values the message has', async () => {
    // Sorted by folder: glance, glance_store.
    await answerPicks(INSERT, { values: ['feature'] }, ['glance_store']);
    assert.equal(store.inputBox.value, `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: feature`);
    assert.equal(glance.inputBox.value, '');

    // Repository pick (first: glance), then the values pick with the existing "api-break" ticked:
    // accepting it as it is rewrites the line in its canonical form.
    glance.inputBox.value = 'Subject\n\nBody.\n\nsem-ver:api-break\n';
    await answerPicks(INSERT, undefined, [DEFAULT, DEFAULT]);
    assert.equal(glance.inputBox.value, 'Subject\n\nBody.\n\nSem-Ver: api-break\n');
  });

  it('edits an open COMMIT_EDITMSG as one undoable edit, leaving the input boxes alone', async () => {
    const template = '\n# Please enter the commit message for your changes. Lines starting\n# with \'#\' will be ignored.\n#\n# On branch master\n';
    const file = workspacePath('glance', '.git', 'COMMIT_EDITMSG');
    fs.writeFileSync(file, template);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    await vscode.commands.executeCommand(INSERT, { values: ['api-break'] });
    assert.equal(editor.document.getText(), `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: api-break\n${template}`);
    assert.equal(editor.document.isDirty, true);
    assert.equal(editor.document.getText(editor.selection), SUBJECT_PLACEHOLDER, 'the placeholder is selected, to type over');
    assert.equal(glance.inputBox.value, '');
    assert.equal(store.inputBox.value, '');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), template, 'undo restores the message');

    // With the values pick: the message's "bugfix" is pre-picked; accepting it normalizes the line.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), 'Fix the cache\n\nSEM-VER: bugfix\n');
    await vscode.workspace.applyEdit(edit);
    await answerPicks(INSERT, undefined, [DEFAULT]);
    assert.equal(editor.document.getText(), `Fix the cache\n\nSem-Ver: bugfix\n${template}`);
    await editor.document.save();
  });

  it('Update CURRENT_RELEASE edits only that line of glance/db/migration.py, undoably, and fills the commit message', async () => {
    const file = workspacePath('glance', 'glance', 'db', 'migration.py');
    const before = fs.readFileSync(file, 'utf8');
    // The proposal pick: its first item is the release-id of Indri, in development on 2026-11-25.
    await answerPicks(UPDATE, { commitMessage: true }, [DEFAULT]);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace("CURRENT_RELEASE = '2026_2'", "CURRENT_RELEASE = '2027_1'"), 'saved, with only that line changed');
    assert.notEqual(after, before);
    assert.equal(glance.inputBox.value, constantCommitMessage('2027_1', { series: 'indri', releaseId: '2027.1' }));
    assert.match(glance.inputBox.value, /\n\nSem-Ver: api-break$/);
    assert.equal(store.inputBox.value, '');

    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, file, 'the edited file is shown');
    assert.equal(editor.document.getText(editor.selection), "CURRENT_RELEASE = '2027_1'");
    // The Source Control view has the focus now (it shows the message): back to the editor, then undo.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'undo restores the old value');
    assert.equal(await editor.document.save(), true, 'the restored file is saved');
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('leaves a value already current, an old code name and a missing file alone', async () => {
    const file = workspacePath('glance', 'glance', 'db', 'migration.py');
    const before = fs.readFileSync(file, 'utf8');
    await vscode.commands.executeCommand(UPDATE, { value: '2027_1', commitMessage: false });
    const updated = fs.readFileSync(file, 'utf8');
    assert.equal(updated, before.replace("'2026_2'", "'2027_1'"), 'the value given is written and saved');
    assert.equal(glance.inputBox.value, '', 'no commit message when declined');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const messages = captureMessages();
    try {
      await vscode.commands.executeCommand(UPDATE, { commitMessage: false });
      assert.equal(fs.readFileSync(file, 'utf8'), updated, 'already current: nothing written');
      assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file)?.isDirty ?? false, false, 'already current: nothing edited');
      assert.match(messages.shown.at(-1)?.text ?? '(no message)', /CURRENT_RELEASE is already '2027_1'.*Nothing was changed/);

      const old = workspacePath('old-glance', 'glance', 'db', 'migration.py');
      const oldText = fs.readFileSync(old, 'utf8');
      await vscode.commands.executeCommand(UPDATE, { folder: vscode.Uri.file(workspacePath('old-glance')), commitMessage: false });
      assert.equal(fs.readFileSync(old, 'utf8'), oldText, "the code name 'zed' is not touched");
      assert.match(messages.shown.at(-1)?.text ?? '(no message)', /'zed', an old code-name value/);

      await vscode.commands.executeCommand(UPDATE, { folder: vscode.Uri.file(workspacePath('releases')), commitMessage: false });
      assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.fsPath), [], 'no document was edited');
      assert.match(messages.shown.at(-1)?.text ?? '(no message)', /migration\.py does not exist\. Nothing was changed/);
      assert.ok(messages.shown.every((m) => m.kind !== 'error'), JSON.stringify(messages.shown));
    } finally {
      messages.restore();
    }
  });
});

// "Insert Sem-Ver Header": pbr's pseudo-header into the commit message being written — a repository's
// Source Control input box (through the built-in git extension), or a COMMIT_EDITMSG editor.
import * as vscode from 'vscode';
import { semVerEffect, SEM_VER_VALUES, SUBJECT_PLACEHOLDER, semVerHeader, semVerValues, setSemVer } from '../../core/commits/trailers';
import { loadGitApi, type GitRepository } from '../git';
import { chooseRepository, describeRepository } from './repositoryPicker';
import type { Services } from '../services';
import { applyTextEdits } from '../workspaceEdits';
import { argsObject, stringListArg } from '../../core/commandArgs';
import { uriArg } from '../commandArgs';

const INSERT_SEMVER_COMMAND = 'glanceReleaseCycle.insertSemVerHeader';

/**
 * What the command accepts: the SourceControl of the Source Control title bar (its `rootUri`), and for
 * keybindings and scripts `{ rootUri?, values? }` (values skip the pick).
 */
interface SemVerArgs {
  rootUri?: vscode.Uri;
  values?: string[];
}

function readArgs(arg: unknown): SemVerArgs {
  const a = argsObject(arg);
  const values = stringListArg(a, 'values');
  return { rootUri: uriArg(a, 'rootUri'), values: values?.length ? values : undefined };
}

/** The quick pick of values, those the message already has picked. Undefined when cancelled or empty. */
async function pickSemVerValues(current: readonly string[], title = vscode.l10n.t('Sem-Ver header: how should pbr bump the version?')): Promise<string[] | undefined> {
  const items = SEM_VER_VALUES.map((value) => ({ label: value, detail: semVerEffect(value), picked: current.includes(value) }));
  const picks = await vscode.window.showQuickPick(items, {
    title,
    canPickMany: true,
    placeHolder: vscode.l10n.t('One or more; an existing Sem-Ver line is updated'),
  });
  return picks && picks.length > 0 ? picks.map((p) => p.label) : undefined;
}

function commitMessageEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.uri.path.split('/').pop() === 'COMMIT_EDITMSG' ? editor : undefined;
}

/** The header into a COMMIT_EDITMSG document, as one undoable edit. */
async function insertIntoEditor(editor: vscode.TextEditor, preset?: string[]): Promise<void> {
  const document = editor.document;
  const values = preset ?? (await pickSemVerValues(semVerValues(document.getText())));
  if (!values) return;
  const result = setSemVer(document.getText(), values);
  if (result.changes.length === 0) return void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) The message already has "{0}"', semVerHeader(values)), 4000);
  if (!(await applyTextEdits(document, result.changes)).applied) {
    return void vscode.window.showErrorMessage(vscode.l10n.t('Could not edit {0}.', vscode.workspace.asRelativePath(document.uri)));
  }
  if (result.addedSubject && vscode.window.activeTextEditor?.document === document) {
    // Select the placeholder subject so that typing replaces it.
    const line = document.lineAt(0);
    vscode.window.activeTextEditor.selection = new vscode.Selection(line.range.start, line.range.end);
  }
}

async function offerClipboard(reason: string, preset?: string[]): Promise<void> {
  const copy = vscode.l10n.t('Copy Header');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} The Sem-Ver header cannot go into a Source Control message here.', reason), copy);
  if (answer !== copy) return;
  const values = preset ?? (await pickSemVerValues([]));
  if (!values) return;
  const header = semVerHeader(values);
  await vscode.env.clipboard.writeText(header);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied "{0}": paste it into the commit message\'s trailer block', header), 5000);
}

/** Sets the header in a repository's Source Control input box. */
function setSemVerInInputBox(repository: GitRepository, values: string[]): void {
  repository.inputBox.value = setSemVer(repository.inputBox.value, values).text;
}

async function insertSemVerHeader(arg?: unknown): Promise<void> {
  const args = readArgs(arg);
  const editor = args.rootUri ? undefined : commitMessageEditor();
  if (editor) return insertIntoEditor(editor, args.values);

  const git = await loadGitApi();
  if ('reason' in git) return offerClipboard(git.reason, args.values);
  const repository = await chooseRepository(git.api, { rootUri: args.rootUri, title: vscode.l10n.t('Insert Sem-Ver Header: which repository?') });
  if (repository === 'none') return offerClipboard(vscode.l10n.t('No git repository is open in this window.'), args.values);
  if (!repository) return;
  const { name } = describeRepository(repository);
  const values = args.values ?? (await pickSemVerValues(semVerValues(repository.inputBox.value), vscode.l10n.t('Sem-Ver header for the commit message of {0}', name)));
  if (!values) return;
  const empty = repository.inputBox.value.trim() === '';
  setSemVerInInputBox(repository, values);
  // Show the message where it was written (the Source Control view), unless the user is already there.
  if (!args.rootUri) await vscode.commands.executeCommand('workbench.view.scm');
  if (empty) void vscode.window.setStatusBarMessage(vscode.l10n.t('$(edit) Replace "{0}" with the commit\'s subject', SUBJECT_PLACEHOLDER), 6000);
}

export function register(s: Services): vscode.Disposable[] {
  return [s.registerCommand(INSERT_SEMVER_COMMAND, insertSemVerHeader)];
}

// Putting a prepared commit message into the Source Control box of the repository holding a file:
// a message the user already typed is replaced only when they say so; without git, the clipboard.
import * as vscode from 'vscode';
import { loadGitApi } from '../git';
import { describeRepository, repositoriesReady } from './repositoryPicker';

export interface MessageAlternative {
  /** Button shown beside "Replace" when the box already holds a message. */
  label: string;
  /** The box's new value from what the user had written. */
  apply(existing: string): string;
}

export async function putCommitMessage(file: vscode.Uri, message: string, alternative?: MessageAlternative): Promise<void> {
  const git = await loadGitApi();
  const repository = 'api' in git ? (await repositoriesReady(git.api), git.api.getRepository(file)) : undefined;
  if (!repository) {
    const reason = 'reason' in git ? git.reason : vscode.l10n.t('{0} is not in a git repository open in this window.', vscode.workspace.asRelativePath(file));
    const copy = vscode.l10n.t('Copy Message');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} The commit message cannot go into Source Control.', reason), copy)) === copy) {
      await vscode.env.clipboard.writeText(message);
    }
    return;
  }
  const existing = repository.inputBox.value;
  if (existing.trim() && existing !== message) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The commit message box of {0} already holds a message.', describeRepository(repository).name),
      { modal: true, detail: existing },
      replace,
      ...(alternative ? [alternative.label] : []),
    );
    if (!answer) return;
    repository.inputBox.value = answer === replace ? message : alternative!.apply(existing);
  } else {
    repository.inputBox.value = message;
  }
  await vscode.commands.executeCommand('workbench.view.scm');
}

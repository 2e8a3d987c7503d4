// The one "which folder?" flow of the commands (a glance checkout for CURRENT_RELEASE or release notes,
// a git repository for the Sem-Ver header): the only candidate, else the one holding the active
// editor, else the user's pick. Undefined when there is none or the pick was cancelled.
import * as vscode from 'vscode';

export interface ChooseOptions<T> {
  uriOf(candidate: T): vscode.Uri;
  item(candidate: T): { label: string; description?: string; detail?: string };
  title: string;
  placeHolder?: string;
}

function holds(folder: vscode.Uri, file: vscode.Uri): boolean {
  const prefix = folder.toString().replace(/\/?$/, '/');
  return file.toString().startsWith(prefix);
}

export async function chooseOne<T>(candidates: readonly T[], options: ChooseOptions<T>): Promise<T | undefined> {
  if (candidates.length <= 1) return candidates[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  // The innermost folder holding the active editor (a repository inside another one wins).
  const holding = active && [...candidates].sort((a, b) => options.uriOf(b).path.length - options.uriOf(a).path.length).find((c) => holds(options.uriOf(c), active));
  if (holding) return holding;
  const items = candidates.map((candidate) => ({ ...options.item(candidate), candidate })).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return (await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder }))?.candidate;
}

/** A folder's name and its place in the workspace, as picks show them. */
export function folderItem(uri: vscode.Uri): { label: string; description: string; detail: string } {
  return { label: `$(repo) ${uri.path.replace(/\/+$/, '').split('/').pop() || uri.path}`, description: vscode.workspace.asRelativePath(uri, true), detail: uri.fsPath };
}

// Where release notes are written: which checkout (given, the only one, or a pick), in trusted workspaces
// only, and the files of its releasenotes/notes/ (listed, created without overwriting).
import * as vscode from 'vscode';
import type { NoteText } from '../../core/notes/releaseNotes';
import { findFolders, type FolderSpec } from '../checkouts';
import { toUri } from '../commandArgs';
import { chooseOne, folderItem } from '../chooseFolder';
import { listFolder } from '../documents';
import { MAX_LISTED_NOTES } from './seriesNotes';

/** The glance checkout: a folder with reno notes and glance/db/migration.py. */
export const GLANCE_NOTES_CHECKOUT: FolderSpec = { markers: ['releasenotes/notes/', 'glance/db/migration.py'], siblingNames: ['glance'] };
/** Any workspace folder with reno notes (glance_store, python-glanceclient… take contributor notes too). */
export const NOTES_CHECKOUT: FolderSpec = { markers: ['releasenotes/notes/'], siblingNames: [] };

export function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

/** True (after a warning) in Restricted Mode, where no note is written. */
export function untrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('Release notes are not written in Restricted Mode: trust this workspace first (Manage Workspace Trust).'));
  return true;
}

/** The checkout to write into: the given one, the only one, the one of the active editor, or a pick. */
export async function pickCheckout(spec: FolderSpec, given: unknown, what: string): Promise<vscode.Uri | undefined> {
  const explicit = toUri(given);
  if (explicit) return explicit;
  const folders = await findFolders(spec);
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} found: open the folder of a clone (one with {1}) as a workspace folder.', what, spec.markers.join(' and ')),
    );
    return undefined;
  }
  return chooseOne(folders, { uriOf: (uri) => uri, item: folderItem, title: vscode.l10n.t('Which {0}?', what), placeHolder: vscode.l10n.t('The note goes into its releasenotes/notes/') });
}

/** Every name in the folder (capped), for unique new names: a pipe or a link is a name taken too. */
export async function listNotes(notes: vscode.Uri): Promise<string[]> {
  return (await listFolder(notes, MAX_LISTED_NOTES))?.entries.map((e) => e.name) ?? [];
}

/** Creates the note (never over an existing file), saves it and opens it with the placeholder selected. */
export async function createNote(notes: vscode.Uri, name: string, note: NoteText): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(notes, name);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), note.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0} (does it exist already, or is the folder read-only?).', relative(uri)));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const { line, start, end } = note.select;
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, start, line, end), preview: false });
  return uri;
}

// Reading a file's text the way the user sees it: the open document (unsaved changes included) when
// there is one, else the file through workspace.fs (remote-safe).
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES, readableText } from '../core/fileContent';

const decoder = new TextDecoder();

/** The text, or an error when the file cannot be read. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** The text, or undefined when the file is missing or unreadable. */
export async function optionalText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await currentText(uri);
  } catch {
    return undefined;
  }
}

/**
 * The document to read or edit, or a one-sentence reason why not (binary, too big, unreadable). The
 * reason names the file and never quotes its content.
 */
export async function readableDocument(uri: vscode.Uri): Promise<{ document: vscode.TextDocument } | { problem: string }> {
  const label = vscode.workspace.asRelativePath(uri, true);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { document: open };
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { problem: vscode.l10n.t('{0} is a folder, not a file.', label) };
    if (stat.size > DEFAULT_MAX_BYTES) return { problem: vscode.l10n.t('{0} is {1} MB, too large for a release-data file: nothing was read or written.', label, (stat.size / 1024 / 1024).toFixed(1)) };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { problem: vscode.l10n.t('{0} does not exist.', label) };
    return { problem: vscode.l10n.t('{0} could not be read ({1}).', label, error instanceof vscode.FileSystemError ? error.code : 'error') };
  }
  const readable = readableText(bytes, label, { consequence: vscode.l10n.t('nothing was read or written') });
  if ('problem' in readable) return { problem: readable.problem };
  try {
    return { document: await vscode.workspace.openTextDocument(uri) };
  } catch {
    return { problem: vscode.l10n.t('{0} could not be opened as text: nothing was read or written.', label) };
  }
}

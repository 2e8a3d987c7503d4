// Reading a file's text the way the user sees it: the open document (unsaved changes included) when
// there is one, else the bytes on disk through the one safe reader (src/adapters/safeRead.ts: the type
// checked first, links followed only to regular files, a byte cap), workspace.fs for other schemes.
// Every read of a user's file in the editor glue goes through readText (or the helpers below).
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES, notAFileText, readableText, tooBigText, type NotAFile } from '../core/fileContent';
import { listCapped, readCapped, type Listing, type PathKind, type SafeRead } from '../adapters/safeRead';

export interface ReadOptions {
  /** Larger files are refused (default 1 MB). */
  maxBytes?: number;
  /** What the file should be, for the message ("YAML", "Python"). */
  kind?: string;
  /** What the refusal means, ending the sentence (default "nothing was read or written"). */
  consequence?: string;
}

/** The text (BOM removed), or that the file does not exist, or why it was not read (naming the file). */
export type TextRead = { text: string; bom: boolean } | { missing: string } | { problem: string; notAFile?: NotAFile | 'tooBig' };

const label = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, true);

/** Bytes from another file system (a virtual workspace): the same checks through workspace.fs. */
async function readOther(uri: vscode.Uri, maxBytes: number): Promise<SafeRead> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { refused: 'directory' };
    if (!(stat.type & vscode.FileType.File)) return { refused: 'other' };
    if (stat.size > maxBytes) return { tooBig: true, maxBytes };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.length > maxBytes ? { tooBig: true, maxBytes } : { bytes };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { refused: 'missing' };
    return { refused: 'other', code: error instanceof vscode.FileSystemError ? error.code : undefined };
  }
}

/** The bytes of a file on disk or why not, through the safe reader for `file:` URIs. */
function readBytes(uri: vscode.Uri, maxBytes = DEFAULT_MAX_BYTES): Promise<SafeRead> {
  return uri.scheme === 'file' ? readCapped(uri.fsPath, maxBytes) : readOther(uri, maxBytes);
}

/** The text of `uri` as the user sees it, or why there is none. Never throws. */
export async function readText(uri: vscode.Uri, options: ReadOptions = {}): Promise<TextRead> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), bom: false };
  const { maxBytes = DEFAULT_MAX_BYTES, kind = 'YAML', consequence = vscode.l10n.t('nothing was read or written') } = options;
  const file = label(uri);
  const read = await readBytes(uri, maxBytes);
  if ('tooBig' in read) return { problem: tooBigText(file, maxBytes, kind, consequence), notAFile: 'tooBig' };
  if ('refused' in read) {
    if (read.refused === 'missing' && read.linkTarget === undefined) return { missing: vscode.l10n.t('{0} does not exist.', file) };
    return { problem: notAFileText(file, read.refused, consequence, read.linkTarget, read.code), notAFile: read.refused };
  }
  const readable = readableText(read.bytes, file, { maxBytes, kind, consequence });
  return 'problem' in readable ? { problem: readable.problem } : readable;
}

/** The text, or an error (its message names the file and why) when there is none. */
export async function currentText(uri: vscode.Uri, options?: ReadOptions): Promise<string> {
  const read = await readText(uri, options);
  if ('text' in read) return read.text;
  throw new Error('missing' in read ? read.missing : read.problem);
}

/** The text, or undefined when the file is missing or unreadable (for optional, secondary files). */
export async function optionalText(uri: vscode.Uri, options?: ReadOptions): Promise<string | undefined> {
  const read = await readText(uri, options);
  return 'text' in read ? read.text : undefined;
}

/** The folder's entries (at most `maxEntries`), or undefined when it is not a readable folder. */
export async function listFolder(uri: vscode.Uri, maxEntries: number): Promise<Listing | undefined> {
  if (uri.scheme === 'file') return listCapped(uri.fsPath, maxEntries);
  try {
    const all = await vscode.workspace.fs.readDirectory(uri);
    const kindOf = (type: vscode.FileType): PathKind => (type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other');
    return { entries: all.slice(0, maxEntries).map(([name, type]) => ({ name, kind: kindOf(type) })), truncated: all.length > maxEntries };
  } catch {
    return undefined;
  }
}

/**
 * The document to read or edit, or a one-sentence reason why not (not a file, binary, too big,
 * unreadable). The reason names the file and never quotes its content.
 */
export async function readableDocument(uri: vscode.Uri): Promise<{ document: vscode.TextDocument } | { problem: string; /** nothing is there */ missing?: true }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { document: open };
  const read = await readText(uri);
  if ('missing' in read) return { problem: read.missing, missing: true };
  if ('problem' in read) return { problem: read.problem };
  try {
    return { document: await vscode.workspace.openTextDocument(uri) };
  } catch {
    return { problem: vscode.l10n.t('{0} could not be opened as text: nothing was read or written.', label(uri)) };
  }
}

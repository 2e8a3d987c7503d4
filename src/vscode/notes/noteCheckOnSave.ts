// Checks reno notes (releasenotes/notes/*.yaml) when they are opened or saved and puts the problems in
// the Problems view: no other extension needed. As `reno lint` does, with the repository's reno
// configuration (releasenotes/config.yaml, else reno.yaml) and the other notes of the folder (two
// notes with one id fail). The validator lives in dist/yamlReaders.js (with the YAML parser), loaded
// the first time a note is checked.
import * as vscode from 'vscode';
import { yamlReaders } from '../../adapters/lazyReaders';
import type { NoteCheckOptions } from '../../core/notes/releaseNoteValidation';
import { optionalText } from '../documents';
import { toDiagnostic } from '../problems';

const NOTE_DIAGNOSTICS = 'glance-release-notes';
const NOTE_PATH = /\/releasenotes\/notes\/[^/]+\.ya?ml$/;
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

function isReleaseNote(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && NOTE_PATH.test(uri.path);
}

/** What reno lint compares a note with: the repository's configuration and the folder's other notes. */
async function noteContext(uri: vscode.Uri): Promise<NoteCheckOptions> {
  const notesDir = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) });
  const repo = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/releasenotes/notes/')) || '/' });
  const configText = (await optionalText(vscode.Uri.joinPath(repo, 'releasenotes', 'config.yaml'))) ?? (await optionalText(vscode.Uri.joinPath(repo, 'reno.yaml')));
  let siblings: string[] | undefined;
  try {
    siblings = (await vscode.workspace.fs.readDirectory(notesDir)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  } catch {
    siblings = undefined; // an unsaved or virtual note: no collision check
  }
  return { ...(configText !== undefined ? { config: yamlReaders().parseRenoConfig(configText) } : {}), ...(siblings ? { siblings } : {}) };
}

/** Validates one note document into the collection; returns the diagnostics set. */
async function checkReleaseNote(collection: vscode.DiagnosticCollection, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const fileName = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  let diagnostics: vscode.Diagnostic[];
  try {
    const options = await noteContext(document.uri);
    if (document.isClosed) return [];
    diagnostics = yamlReaders()
      .validateReleaseNote(document.getText(), fileName, options)
      .map((p) => toDiagnostic(p, document, 'reno note'));
  } catch (error) {
    // The check is a help, never a blocker: a failure to load the validator is logged only.
    console.error(`Glance Release Cycle: could not check ${fileName}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  collection.set(document.uri, diagnostics);
  return diagnostics;
}

/** The on-save (and on-open) check of every reno note; needs no services. */
export function register(): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(NOTE_DIAGNOSTICS);
  const check = (document: vscode.TextDocument) => {
    if (isReleaseNote(document.uri)) void checkReleaseNote(collection, document);
  };
  // Notes restored with the window were opened before this ran: check them now.
  vscode.workspace.textDocuments.forEach(check);
  return [
    collection,
    vscode.workspace.onDidSaveTextDocument(check),
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => collection.delete(uri))),
  ];
}

// Checks reno notes (releasenotes/notes/*.yaml) when they are opened or saved and puts the problems in
// the Problems view: no other extension needed. The validator lives in dist/yamlReaders.js (with the YAML parser),
// loaded the first time a note is checked.
import * as vscode from 'vscode';
import { yamlReaders } from '../../adapters/lazyReaders';
import { toDiagnostic } from '../problems';

const NOTE_DIAGNOSTICS = 'glance-release-notes';
const NOTE_PATH = /\/releasenotes\/notes\/[^/]+\.ya?ml$/;
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

function isReleaseNote(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && NOTE_PATH.test(uri.path);
}

/** Validates one note document into the collection; returns the diagnostics set. */
function checkReleaseNote(collection: vscode.DiagnosticCollection, document: vscode.TextDocument): vscode.Diagnostic[] {
  const fileName = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  let diagnostics: vscode.Diagnostic[];
  try {
    diagnostics = yamlReaders()
      .validateReleaseNote(document.getText(), fileName)
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
    if (isReleaseNote(document.uri)) checkReleaseNote(collection, document);
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

// The one place core TextEdits become a WorkspaceEdit (undoable, unsaved changes respected).
import * as vscode from 'vscode';
import type { TextEdit } from '../core/textEdit';

export interface AppliedEdit {
  applied: boolean;
  /** The first changed range after the edit, to reveal. */
  range?: vscode.Range;
}

/** Applies edits computed from `document`'s current text. */
export async function applyTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): Promise<AppliedEdit> {
  if (edits.length === 0) return { applied: true };
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return { applied };
  // Earlier edits shift nothing before them, so the first edit's start is still where it was.
  const first = [...edits].sort((a, b) => a.start - b.start)[0];
  return { applied, range: new vscode.Range(document.positionAt(first.start), document.positionAt(first.start + first.text.length)) };
}

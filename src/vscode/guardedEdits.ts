// Edits into deliverable files go through here: the core guard checks that the file parses, has the
// shape the edit expects, and validates no worse afterwards; otherwise nothing is written and the
// message says what is wrong and where, with "Open File" / "Show Problems".
import * as vscode from 'vscode';
import type { EditExpectation } from '../core/editGuard';
import type { TextEdit } from '../core/textEdit';
import type { DeliverableDiagnostics } from './deliverableDiagnostics';
import { readableDocument } from './documents';
import { validators } from './lazyReaders';
import { applyTextEdits, type AppliedEdit } from './workspaceEdits';

export type GuardedEdit = (
  uri: vscode.Uri,
  expect: EditExpectation,
  compute: (text: string) => TextEdit[],
) => Promise<{ document: vscode.TextDocument; applied: AppliedEdit } | undefined>;

export function createGuardedEdit(diagnostics: DeliverableDiagnostics): GuardedEdit {
  return async (uri, expect, compute) => {
    const label = vscode.workspace.asRelativePath(uri, true);
    const readable = await readableDocument(uri);
    if ('problem' in readable) {
      void vscode.window.showErrorMessage(readable.problem);
      return undefined;
    }
    const { document } = readable;
    const validate = await diagnostics.validatorFor(document.uri);
    const verdict = validators().guardEdit({ text: document.getText(), file: label, expect, compute, validate });
    if (!verdict.ok) {
      await diagnostics.check(document);
      const where = verdict.line ? ` (line ${verdict.line})` : '';
      const open = 'Open File';
      const show = 'Show Problems';
      void vscode.window.showErrorMessage(`${label}${where}: ${verdict.reason} Nothing was written.`, open, show).then(async (answer) => {
        if (answer === open) {
          const position = new vscode.Position(Math.max((verdict.line ?? 1) - 1, 0), 0);
          await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
        }
        if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return undefined;
    }
    const applied = await applyTextEdits(document, verdict.edits);
    if (!applied.applied) {
      void vscode.window.showErrorMessage(`${label} could not be edited.`);
      return undefined;
    }
    return { document, applied };
  };
}

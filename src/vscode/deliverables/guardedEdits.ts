// Edits into deliverable files go through here: the core guard checks that the file parses, has the
// shape the edit expects, and validates no worse afterwards; otherwise nothing is written and the
// message says what is wrong and where, with "Open File" / "Show Problems".
import * as vscode from 'vscode';
import type { GuardResult } from '../../core/deliverables/editGuard';
import type { EditSpec } from '../../core/deliverables/validationJobs';
import type { DeliverableDiagnostics } from './deliverableDiagnostics';
import { readableDocument } from '../documents';
import { runOffThread } from '../../adapters/validationThread';
import { validators } from '../../adapters/lazyReaders';
import { applyTextEdits, type AppliedEdit } from '../workspaceEdits';

/** A real deliverable is under 100 KB; parsing this much takes a few milliseconds. */
const IN_THREAD_CHECK_CHARS = 64 * 1024;

export type GuardedEdit = (uri: vscode.Uri, edit: EditSpec) => Promise<{ document: vscode.TextDocument; applied: AppliedEdit } | undefined>;

export function createGuardedEdit(diagnostics: DeliverableDiagnostics): GuardedEdit {
  return async (uri, edit) => {
    const label = vscode.workspace.asRelativePath(uri, true);
    const readable = await readableDocument(uri);
    if ('problem' in readable) {
      void vscode.window.showErrorMessage(readable.problem);
      return undefined;
    }
    const { document } = readable;
    // A check compares nothing: it needs neither the schema nor the release rules.
    const inputs = edit.kind === 'check' ? undefined : await diagnostics.inputsFor(document.uri);
    const text = document.getText();
    let verdict: GuardResult;
    try {
      const job = { kind: 'guard', text, file: label, edit, layout: inputs?.layout ?? {}, rules: inputs?.rules?.input } as const;
      // On the validation thread: a big file is parsed and validated twice (before and after). A check
      // of a file of real size (no edit, no validation: one parse of a few KB) is quicker here than the
      // thread's first start, and it comes before the first prompt.
      verdict = edit.kind === 'check' && text.length <= IN_THREAD_CHECK_CHARS ? validators().runJob(job) : await runOffThread(job);
    } catch (error) {
      verdict = { ok: false, reason: vscode.l10n.t('it could not be checked ({0}).', error instanceof Error ? error.message : String(error)) };
    }
    if (document.getText() !== text) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed while the edit was being checked: nothing was written. Run the command again.', label));
      return undefined;
    }
    if (!verdict.ok) {
      // Before a prompt the refusal comes first; the Problems view fills in behind it.
      if (edit.kind === 'check') void diagnostics.check(document);
      else await diagnostics.check(document);
      const where = verdict.line ? ` (line ${verdict.line})` : '';
      const open = vscode.l10n.t('Open File');
      const show = vscode.l10n.t('Show Problems');
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}{1}: {2} Nothing was written.', label, where, verdict.reason), open, show).then(async (answer) => {
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
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be edited.', label));
      return undefined;
    }
    return { document, applied };
  };
}

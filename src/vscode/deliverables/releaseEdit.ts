// The shared steps of the two edit commands (Propose Release, Add Cycle Highlights): where they act,
// the confirmation of warnings, the commit to release, and what is said after the edit.
import * as vscode from 'vscode';
import { DEFAULT_RELEASE_REFS } from '../../core/deliverables/releasePolicy';
import { findRepoCheckout } from '../checkouts';
import { putCommitMessage } from '../commits/commitMessage';
import { revParse } from '../git';
import type { ReleaseCycleModel } from '../model';
import type { AppliedEdit } from '../workspaceEdits';
import { releaseArgs, type ReleaseCommandArgs } from '../../core/deliverables/releaseArgs';
import { releasesCheckout, seriesFor } from './releasesContext';
import { tPlural } from '../../core/l10n';

export interface EditResult {
  uri: string;
  applied: boolean;
  version?: string;
  warnings: string[];
  commitMessage?: string;
  /** Problems found in the file after the edit. */
  problems: number;
}

const HEX40 = /^[0-9a-f]{40}$/;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the edit commands need first: their arguments, the checkout and the series (each missing one is said). */
async function editContext(model: ReleaseCycleModel, raw: unknown): Promise<{ args: ReleaseCommandArgs; checkout: vscode.Uri; series: string } | undefined> {
  const args = releaseArgs(raw);
  const checkout = await releasesCheckout(model);
  if (!checkout) return undefined;
  const series = seriesFor(model, args.series);
  return series ? { args, checkout, series } : undefined;
}

export type EditContext = NonNullable<Awaited<ReturnType<typeof editContext>>>;

/** An edit command: it runs once its arguments, checkout and series are known (each missing one is said). */
export function editCommand(model: ReleaseCycleModel, body: (context: EditContext) => Promise<EditResult | undefined>): (raw?: unknown) => Promise<EditResult | undefined> {
  return async (raw) => {
    const context = await editContext(model, raw);
    return context && body(context);
  };
}

export async function confirmWarnings(warnings: string[], force: boolean | undefined): Promise<boolean> {
  if (warnings.length === 0 || force) return true;
  const write = vscode.l10n.t('Write Anyway');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Check before writing'), { modal: true, detail: warnings.join('\n\n') }, write);
  return answer === write;
}

/** Reveals the edit, counts the errors in the file, and offers the commit message. */
export async function afterEdit(
  document: vscode.TextDocument,
  applied: AppliedEdit,
  summary: string,
  commitMessage: string,
  countErrors: (document: vscode.TextDocument) => Promise<number>,
): Promise<number> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (applied.range) {
    editor.selection = new vscode.Selection(applied.range.start, applied.range.start);
    editor.revealRange(applied.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const problems = await countErrors(document);
  const useMessage = vscode.l10n.t('Use as Commit Message');
  const copy = vscode.l10n.t('Copy Commit Message');
  const note = problems ? tPlural(problems, ' {0} problem in the Problems view.', ' {0} problems in the Problems view.', problems) : '';
  const saved = document.isDirty ? vscode.l10n.t(' (not saved yet)') : '';
  void vscode.window.showInformationMessage(`${summary}${saved}.${note}`, useMessage, copy).then(async (answer) => {
    if (answer === copy) await vscode.env.clipboard.writeText(commitMessage);
    if (answer === useMessage) await putCommitMessage(document.uri, commitMessage);
  });
  return problems;
}

async function pasteHash(prompt: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Commit hash to release'),
    prompt,
    placeHolder: vscode.l10n.t('40 hexadecimal characters'),
    ignoreFocusOut: true,
    validateInput: (text) => (HEX40.test(text.trim().toLowerCase()) ? undefined : vscode.l10n.t('A full commit hash: 40 hexadecimal characters.')),
  });
  return value?.trim().toLowerCase();
}

/** The commit to release: asks for a ref in the local checkout of `repo`, or for a pasted hash. */
export async function commitHash(repo: string, args: ReleaseCommandArgs): Promise<string | undefined> {
  if (args.hash) {
    if (HEX40.test(args.hash.toLowerCase())) return args.hash.toLowerCase();
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a full commit hash (40 hexadecimal characters).', args.hash.slice(0, 48)));
    return undefined;
  }
  const folder = vscode.workspace.isTrusted ? await findRepoCheckout(repo) : undefined;
  if (!folder) {
    const why = vscode.workspace.isTrusted ? vscode.l10n.t('No local checkout of {0} was found in or next to the workspace', repo) : vscode.l10n.t('Git is not used in Restricted Mode');
    return pasteHash(vscode.l10n.t('{0}: paste the hash of the commit to release (from {1} on opendev.org).', why, repo));
  }
  const where = vscode.workspace.asRelativePath(folder, true);
  let defaultRef: string | undefined;
  for (const candidate of DEFAULT_RELEASE_REFS) {
    if (await revParse(folder, candidate)) {
      defaultRef = candidate;
      break;
    }
  }
  if (!defaultRef && !(await revParse(folder, 'HEAD'))) {
    return pasteHash(vscode.l10n.t('git could not read {0} (no git, or not a repository): paste the hash of the commit to release.', where));
  }
  const ref =
    args.ref ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Commit of {0} to release', repo),
      prompt: defaultRef
        ? vscode.l10n.t('A branch, tag or hash in {0} (default: {1}, the remote\'s default branch; fetch first).', where, defaultRef)
        : vscode.l10n.t('A branch, tag or hash in {0} (it has no remote branch: default HEAD, the checked-out commit).', where),
      value: defaultRef ?? 'HEAD',
      ignoreFocusOut: true,
    }));
  if (ref === undefined) return undefined;
  const hash = await revParse(folder, ref.trim() || defaultRef || 'HEAD');
  if (hash) return hash;
  return pasteHash(vscode.l10n.t('"{0}" is not a commit in {1}: paste the hash instead.', ref.slice(0, 48), where));
}

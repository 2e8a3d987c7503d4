// "Update CURRENT_RELEASE": glance/db/migration.py's constant to the release-id of the series in
// development, as one undoable edit of that line; then, if wanted, the matching commit message.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import {
  MIGRATION_FILE,
  constantCommitMessage,
  findCurrentRelease,
  isConstantValue,
  proposeValue,
  rewriteCurrentRelease,
  seriesInDevelopment,
  type TargetSeries,
} from '../../core/commits/migrationConstant';
import { seriesInfo } from '../../core/calendar/schedule';
import { setSemVer } from '../../core/commits/trailers';
import { findFolders, REPO_CHECKOUTS } from '../checkouts';
import { putCommitMessage } from './commitMessage';
import type { Services } from '../services';
import { readableDocument } from '../documents';
import { applyTextEdits } from '../workspaceEdits';
import { chooseOne, folderItem } from '../chooseFolder';
import { argsObject, booleanArg, stringArg } from '../../core/commandArgs';
import { uriArg } from '../commandArgs';

const UPDATE_CURRENT_RELEASE_COMMAND = 'glanceReleaseCycle.updateCurrentRelease';

/**
 * From the checklist: `{ series, taskId }` (the value becomes that series' release-id). For keybindings
 * and scripts: `value` skips the proposal pick, `commitMessage` answers the commit-message offer,
 * `folder` names the glance checkout.
 */
interface CurrentReleaseArgs {
  series?: string;
  value?: string;
  commitMessage?: boolean;
  folder?: vscode.Uri;
}

function readArgs(arg: unknown): CurrentReleaseArgs {
  const a = argsObject(arg);
  return {
    series: stringArg(a, 'series')?.toLowerCase() || undefined,
    value: stringArg(a, 'value')?.trim(),
    commitMessage: booleanArg(a, 'commitMessage'),
    folder: uriArg(a, 'folder'),
  };
}

const NOTHING_WRITTEN = vscode.l10n.t('Nothing was changed.');

function seriesText(target: TargetSeries): string {
  return target.series ? `${target.releaseId} ${displayName(target.series)}` : target.releaseId;
}

/** The glance checkout: the one named, the only one found at its known paths, or the user's pick. */
async function glanceCheckout(folder?: vscode.Uri): Promise<vscode.Uri | undefined | 'none'> {
  if (folder) return folder;
  const found = await findFolders(REPO_CHECKOUTS['openstack/glance']);
  if (found.length === 0) return 'none';
  return chooseOne(found, { uriOf: (uri) => uri, item: folderItem, title: vscode.l10n.t('Update CURRENT_RELEASE: which glance checkout?') });
}


/** The proposed value, confirmed (or replaced) by the user; undefined when cancelled. */
async function confirmValue(current: string, proposed: string, because: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { value?: string };
  const items: Item[] = [
    { label: vscode.l10n.t('$(arrow-right) \'{0}\'', proposed), description: because, detail: `CURRENT_RELEASE = '${current}'  →  CURRENT_RELEASE = '${proposed}'`, value: proposed },
    { label: vscode.l10n.t('$(edit) Another value…'), description: 'YYYY_N, e.g. 2027_1' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('{0}: CURRENT_RELEASE is \'{1}\'', MIGRATION_FILE, current), placeHolder: vscode.l10n.t('Value to set') });
  if (!pick) return undefined;
  if (pick.value) return pick.value;
  return vscode.window.showInputBox({
    title: vscode.l10n.t('{0}: new CURRENT_RELEASE', MIGRATION_FILE),
    value: proposed,
    validateInput: (text) => (isConstantValue(text.trim()) ? undefined : vscode.l10n.t('A release-id with \'_\': YYYY_N, e.g. 2027_1')),
  });
}

async function fillCommitMessage(file: vscode.Uri, value: string, target: TargetSeries | undefined): Promise<void> {
  await putCommitMessage(file, constantCommitMessage(value, target), {
    label: vscode.l10n.t('Add Sem-Ver Header Only'),
    apply: (existing) => setSemVer(existing, ['api-break']).text,
  });
}

async function updateCurrentRelease(s: Services, arg?: unknown): Promise<void> {
  const args = readArgs(arg);
  if (!vscode.workspace.isTrusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Updating CURRENT_RELEASE edits {0}, which Restricted Mode does not allow.', MIGRATION_FILE), manage);
    if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const checkout = await glanceCheckout(args.folder);
  if (checkout === 'none') {
    return void vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} in this workspace: open an openstack/glance checkout as a workspace folder (or a folder named "glance" next to one). {1}', MIGRATION_FILE, NOTHING_WRITTEN),
    );
  }
  if (!checkout) return;
  const file = vscode.Uri.joinPath(checkout, MIGRATION_FILE);
  // A binary, huge or unreadable migration.py is refused before anything else (never opened as text).
  const readable = await readableDocument(file);
  // A file that is there but unreadable: the reason already ends with "nothing was read or written".
  if ('problem' in readable) return void vscode.window.showWarningMessage(readable.missing ? `${readable.problem} ${NOTHING_WRITTEN}` : readable.problem);
  const { document } = readable;

  const found = findCurrentRelease(document.getText());
  if (found.kind === 'missing') {
    return void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no line CURRENT_RELEASE = \'…\'. {1}', MIGRATION_FILE, NOTHING_WRITTEN));
  }
  // Python keeps the last assignment: rewriting one and reporting success could leave the value unchanged.
  if (found.earlier.length > 0) {
    return void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} assigns CURRENT_RELEASE on lines {1} and {2}; Python uses the last one (line {2}). Keep one assignment, then run the command again. {3}', MIGRATION_FILE, found.earlier.map((l) => l + 1).join(', '), found.line + 1, NOTHING_WRITTEN),
    );
  }
  if (found.kind === 'not-a-string') {
    return void vscode.window.showWarningMessage(vscode.l10n.t('{0} line {1} does not assign a quoted value: {2}. {3}', MIGRATION_FILE, found.line + 1, found.lineText.trim(), NOTHING_WRITTEN));
  }

  const { schedules } = await s.model.ready();
  const releaseId = args.series && seriesInfo(schedules, args.series)?.releaseId;
  const target: TargetSeries | undefined = releaseId ? { series: args.series, releaseId } : seriesInDevelopment(schedules, s.model.today());
  const proposal = proposeValue(found.value, target);

  let value: string | undefined;
  if (args.value !== undefined) {
    if (!isConstantValue(args.value)) return void vscode.window.showErrorMessage(vscode.l10n.t('\'{0}\' is not a CURRENT_RELEASE value (YYYY_N, e.g. 2027_1). {1}', args.value, NOTHING_WRITTEN));
    if (args.value === found.value) return void vscode.window.showInformationMessage(vscode.l10n.t('CURRENT_RELEASE is already \'{0}\'. {1}', found.value, NOTHING_WRITTEN));
    value = args.value;
  } else {
    switch (proposal.kind) {
      case 'codename':
        return void vscode.window.showWarningMessage(
          vscode.l10n.t('CURRENT_RELEASE is \'{0}\', an old code-name value: since 2023.1 Glance uses the release-id as YYYY_N (2027.1 is \'2027_1\'). Check which checkout this is. {1}', found.value, NOTHING_WRITTEN),
        );
      case 'unrecognized':
        return void vscode.window.showWarningMessage(vscode.l10n.t('CURRENT_RELEASE is \'{0}\', which is not of the form YYYY_N (e.g. \'2027_1\'). {1}', found.value, NOTHING_WRITTEN));
      case 'current':
        return void vscode.window.showInformationMessage(
          proposal.ahead
            ? vscode.l10n.t('CURRENT_RELEASE is \'{0}\', past {1}, the series the schedule data puts in development. {2}', found.value, seriesText(proposal.target), NOTHING_WRITTEN)
            : vscode.l10n.t('CURRENT_RELEASE is already \'{0}\' ({1}). {2}', found.value, seriesText(proposal.target), NOTHING_WRITTEN),
        );
      case 'propose':
        value = await confirmValue(
          found.value,
          proposal.proposed,
          proposal.target ? `${seriesText(proposal.target)}${args.series ? '' : vscode.l10n.t(', the series in development')}` : vscode.l10n.t('the next release after it (no schedule names one)'),
        );
        if (!value) return;
    }
  }

  // One edit inside the quotes of that line; the file is saved only when it had no unsaved changes of the user's.
  const wasDirty = document.isDirty;
  const { change } = rewriteCurrentRelease(document.getText(), value);
  if (!(await applyTextEdits(document, [change])).applied) return void vscode.window.showErrorMessage(vscode.l10n.t('Could not edit {0}.', MIGRATION_FILE));
  if (!wasDirty) await document.save();
  await vscode.window.showTextDocument(document, { selection: document.lineAt(found.line).range, preview: false });

  const valueTarget = target && proposal.kind === 'propose' && proposal.proposed === value ? target : undefined;
  let fill = args.commitMessage;
  if (fill === undefined) {
    const button = vscode.l10n.t('Fill Commit Message');
    fill =
      (await vscode.window.showInformationMessage(
        vscode.l10n.t('CURRENT_RELEASE is now \'{0}\'. Put "Update migration constant…" with "Sem-Ver: api-break" into the glance repository\'s commit message? ', value) +
          vscode.l10n.t('The header makes pbr raise the major version; Glance no longer gates on it (since 2023), so it is optional.'),
        button,
      )) === button;
  }
  if (fill) await fillCommitMessage(file, value, valueTarget);
}

export function register(s: Services): vscode.Disposable[] {
  return [s.registerCommand(UPDATE_CURRENT_RELEASE_COMMAND, (arg?: unknown) => updateCurrentRelease(s, arg))];
}

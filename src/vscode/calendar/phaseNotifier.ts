// Once per new phase, an information message names the phase and its open tasks.
import * as vscode from 'vscode';
import { displayName, findPhase, taskLabel } from '../../core/checklist/checklist';
import { phaseTitle } from '../../core/calendar/phaseText';
import { doneIn, namesOf, openTasks, type Snapshot } from '../../core/snapshot';
import { notifyOnNewPhase, SECTION } from '../settings';
import { REVEAL_COMMAND } from './statusBar';
import { tPlural } from '../../core/l10n';

const LAST_NOTIFIED_KEY = 'glanceReleaseCycle.lastNotifiedPhase';

export async function notifyIfNewPhase(context: vscode.ExtensionContext, snapshot: Snapshot): Promise<void> {
  const result = snapshot.phase;
  if (result.kind !== 'phase' || !notifyOnNewPhase()) return;
  const key = `${result.series}/${result.phaseId}`;
  if (context.globalState.get(LAST_NOTIFIED_KEY) === key) return;
  await context.globalState.update(LAST_NOTIFIED_KEY, key);
  const open = openTasks(findPhase(snapshot.checklist, result.phaseId), doneIn(snapshot, result.series));
  const names = namesOf(snapshot, result.series);
  // Short titles, joined by "; ", one full stop at the end (a task's text has its own full stops).
  const titles = open.map((t) => taskLabel(t, names).replace(/[.\s]+$/, ''));
  const what = open.length === 0 ? vscode.l10n.t('all tasks are done') : tPlural(open.length, '{0} open task: {1}', '{0} open tasks: {1}', open.length, titles.join('; '));
  const show = vscode.l10n.t('Show Tasks');
  const never = vscode.l10n.t('Don\'t Show Again');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Glance {0} is now in "{1}" — {2}.', displayName(result.series), phaseTitle(snapshot.checklist, result), what),
    show,
    never,
  );
  if (choice === show) await vscode.commands.executeCommand(REVEAL_COMMAND);
  if (choice === never) await vscode.workspace.getConfiguration(SECTION).update('notifyOnNewPhase', false, vscode.ConfigurationTarget.Global);
}

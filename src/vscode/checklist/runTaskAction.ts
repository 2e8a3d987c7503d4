// Run Task Action: one of the task's `actions:` (commands, by their manifest titles) with { series, taskId, taskArgs }.
import * as vscode from 'vscode';
import type { Task } from '../../core/checklist/checklist';
import type { ChecklistNode } from './checklistView';
import type { BaseServices } from '../services';
import { taskNodes } from './taskSelection';

export function register(s: BaseServices): vscode.Disposable[] {
  async function runTaskAction(node?: ChecklistNode): Promise<void> {
    const target = taskNodes(s.view, node, undefined)[0];
    if (!target) return;
    const task: Task = target.task;
    const all = await vscode.commands.getCommands(true);
    const titles = commandTitles(s.context);
    const items = task.actions.filter((id) => all.includes(id)).map((id) => ({ label: titles.get(id) ?? id, id }));
    if (items.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('This task has no actions.'));
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Task actions') });
    if (pick) await vscode.commands.executeCommand(pick.id, { series: target.series, taskId: task.id, taskArgs: task.actionArgs });
  }

  return [s.registerCommand('glanceReleaseCycle.runTaskAction', runTaskAction)];
}

/** Command titles from our own manifest, for the task-actions pick. */
function commandTitles(context: vscode.ExtensionContext): Map<string, string> {
  const commands = (context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string; category?: string }>;
  return new Map(commands.map((c) => [c.command, c.title]));
}

// Open Task Link: the task's link in the browser (a pick when it has several).
import * as vscode from 'vscode';
import { taskLinks } from '../../core/checklist/checklist';
import type { ChecklistNode } from './checklistView';
import type { BaseServices } from '../services';
import { taskNodes } from './taskSelection';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model, view } = s;

  async function openTaskLink(node?: ChecklistNode): Promise<void> {
    const target = taskNodes(view, node, undefined)[0];
    if (!target) return;
    const links = taskLinks(target.task, model.names(target.series));
    const pick =
      links.length === 1
        ? links[0]
        : await vscode.window.showQuickPick(links.map((l) => ({ ...l, label: l.label, detail: l.url })), { title: vscode.l10n.t('Open link') });
    if (pick) await vscode.env.openExternal(vscode.Uri.parse(pick.url, true));
  }

  return [s.registerCommand('glanceReleaseCycle.openTaskLink', openTaskLink)];
}

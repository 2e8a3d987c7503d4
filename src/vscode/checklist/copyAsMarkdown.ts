// Copy Phase as Markdown: a phase's tasks as a Markdown checklist on the clipboard, ticks included.
import * as vscode from 'vscode';
import { displayName, phaseAsMarkdown, type Phase } from '../../core/checklist/checklist';
import type { ChecklistNode } from './checklistView';
import type { BaseServices } from '../services';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model } = s;

  /** The phases of the series with their done counts, the current one first. */
  async function pickPhase(series: string, title: string): Promise<Phase | undefined> {
    const { checklist } = await model.ready();
    const currentId = model.snapshot?.shownPhaseId;
    const done = model.done(series);
    const items = checklist.phases.map((phase) => ({
      label: phase.title,
      description: `${phase.tasks.filter((t) => done.has(t.id)).length}/${phase.tasks.length}${phase.id === currentId ? vscode.l10n.t(' · current phase') : ''}`,
      phase,
    }));
    const current = items.find((i) => i.phase.id === currentId);
    if (current) items.unshift(...items.splice(items.indexOf(current), 1));
    return (await vscode.window.showQuickPick(items, { title }))?.phase;
  }

  /** From the tree: a phase node. From scripts: { phaseId }. From the palette: a pick. */
  async function copyPhaseMarkdown(node?: ChecklistNode | { phaseId: string }): Promise<void> {
    const { checklist } = await model.ready();
    const series = node && 'series' in node ? node.series : model.shownSeries();
    if (!series) return void vscode.window.showWarningMessage(vscode.l10n.t('Pick a series first ("Show Series…").'));
    const phase =
      node && 'phaseId' in node
        ? checklist.phases.find((p) => p.id === node.phaseId)
        : node?.kind === 'phase'
          ? node.phase
          : await pickPhase(series, vscode.l10n.t('Copy {0} tasks as a Markdown checklist', displayName(series)));
    if (!phase) return;
    await vscode.env.clipboard.writeText(phaseAsMarkdown(phase, model.done(series), model.names(series)));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied "{0}" as a Markdown checklist', phase.title), 4000);
  }

  return [s.registerCommand('glanceReleaseCycle.copyPhaseMarkdown', copyPhaseMarkdown)];
}

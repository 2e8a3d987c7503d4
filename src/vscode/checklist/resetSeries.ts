// Reset Ticks: unticks every task of the shown series, after a pick whose default keeps them.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import { tPlural } from '../../core/l10n';
import type { BaseServices } from '../services';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model } = s;

  async function resetSeries(): Promise<void> {
    await model.ready();
    const series = model.shownSeries();
    if (!series) return;
    const count = model.done(series).size;
    const name = displayName(series);
    // A pick, not a modal: a modal's default button would be the destructive one; here Enter keeps the ticks.
    const keep = { label: vscode.l10n.t('$(close) Keep the ticks'), reset: false };
    const label = tPlural(count, '$(trash) Untick the {0} done task of {1}', '$(trash) Untick all {0} done tasks of {1}', count, name);
    const untick = { label, detail: vscode.l10n.t('Other series keep their ticks.'), reset: true };
    const answer = await vscode.window.showQuickPick([keep, untick], { title: vscode.l10n.t('Reset the ticks of {0}?', name) });
    if (answer?.reset) await s.resetTicks(series);
  }

  return [s.registerCommand('glanceReleaseCycle.resetSeries', resetSeries)];
}

// Reload Release Schedule: reads the schedule data again (the network too) and says what came of it.
import * as vscode from 'vscode';
import { tPlural } from '../../core/l10n';
import type { BaseServices } from '../services';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model } = s;

  async function reloadSchedule(): Promise<void> {
    const loaded = await model.reload({ force: true });
    const source = model.sourceText() ?? vscode.l10n.t('bundled with the extension');
    // A ✓ only when every file could be used; otherwise say how many could not, and where to read why.
    if (loaded.problems.length === 0) return void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Release schedule: {0}', source), 4000);
    const count = loaded.problems.length;
    void vscode.window.showWarningMessage(
      tPlural(
        count,
        'Release schedule reloaded ({0}), but {1} problem remains: see the status bar\'s tooltip and the Problems view.',
        'Release schedule reloaded ({0}), but {1} problems remain: see the status bar\'s tooltip and the Problems view.',
        source,
        count,
      ),
    );
  }

  return [s.registerCommand('glanceReleaseCycle.reloadSchedule', reloadSchedule)];
}

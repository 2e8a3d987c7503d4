// Reveal Current Phase: the shown series' current phase in the tree, or a sentence saying why not.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import { revealInView } from './checklistView';
import type { BaseServices } from '../services';
import { REVEAL_COMMAND } from '../calendar/statusBar';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model, provider, view } = s;

  /** From the status bar ({ followToday }): switch back to today's series first. */
  async function revealCurrentPhase(options?: { followToday?: boolean }): Promise<void> {
    await model.ready();
    if (options?.followToday && model.chosenSeries() && model.currentSeries()) await model.chooseSeries(undefined);
    const phaseId = model.snapshot?.shownPhaseId;
    if (!phaseId || !(await revealInView(view, provider, phaseId))) {
      void vscode.window.showInformationMessage(
        model.shownSeries()
          ? vscode.l10n.t('{0} has no current phase today ({1}).', displayName(model.shownSeries()!), model.today())
          : vscode.l10n.t('No series is known for today: pick one with "Show Series…".'),
      );
    }
  }

  return [s.registerCommand(REVEAL_COMMAND, revealCurrentPhase)];
}

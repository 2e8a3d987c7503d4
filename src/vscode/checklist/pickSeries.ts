// Show Series…: which series the checklist shows (today's, or any series the schedule data knows).
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import { knownSeries, seriesInfo } from '../../core/calendar/schedule';
import type { BaseServices } from '../services';

export function register(s: BaseServices): vscode.Disposable[] {
  const { model } = s;

  /** From the palette: a pick. From scripts: a series name, or '' to follow today's series. */
  async function pickSeries(series?: string): Promise<void> {
    const { schedules } = await model.ready();
    if (typeof series === 'string') {
      if (series && !knownSeries(schedules).includes(series)) {
        return void vscode.window.showWarningMessage(vscode.l10n.t('Unknown series "{0}": the schedule data knows {1}.', series, knownSeries(schedules).join(', ')));
      }
      return model.chooseSeries(series || undefined);
    }
    const current = model.currentSeries();
    const chosen = model.chosenSeries();
    type Item = vscode.QuickPickItem & { series?: string };
    // Every known series, newest first, with its state worked out from dates (not series_status' `status:`).
    const states = await model.seriesStates();
    const listed = new Set(states.map((s) => s.name));
    const items: Item[] = [
      { label: vscode.l10n.t('$(sync) Follow today\'s series{0}', current ? ` (${displayName(current)})` : ''), description: chosen ? '' : vscode.l10n.t('shown'), series: undefined },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...states.map((state) => ({
        label: `${displayName(state.name)} — ${state.label}`,
        description: [state.releaseId, state.name === current ? 'today' : '', state.name === chosen ? 'shown' : ''].filter(Boolean).join(' · '),
        series: state.name,
      })),
      ...knownSeries(schedules)
        .filter((series) => !listed.has(series))
        .map((series) => ({ label: displayName(series), description: [seriesInfo(schedules, series)?.releaseId, series === chosen ? 'shown' : ''].filter(Boolean).join(' · '), series })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Release Cycle: series to show'), placeHolder: vscode.l10n.t('The checklist keeps separate ticks for each series') });
    if (!pick) return;
    await model.chooseSeries(pick.series);
  }

  return [s.registerCommand('glanceReleaseCycle.pickSeries', pickSeries)];
}

// The view's badge (open tasks of the current phase), description (the series shown) and message.
import type * as vscode from 'vscode';
import { displayName } from '../core/checklist';
import type { ChecklistNode } from './checklistView';
import type { ReleaseCycleModel } from './model';

export function renderView(view: vscode.TreeView<ChecklistNode>, model: ReleaseCycleModel): void {
  const data = model.data;
  if (!data) return;
  const series = model.shownSeries();
  const phaseId = model.shownPhaseId();
  const open = series && phaseId ? model.openTasks(series, phaseId).length : 0;
  const phaseTitle = phaseId && data.checklist.phases.find((p) => p.id === phaseId)?.title;
  view.badge = open > 0 ? { value: open, tooltip: `${open} open task${open === 1 ? '' : 's'} in "${phaseTitle}"` } : undefined;
  const releaseId = series && model.names(series).releaseId;
  view.description = series ? `${displayName(series)}${releaseId ? ` ${releaseId}` : ''}${model.chosenSeries() ? ' (chosen)' : ''}` : undefined;
  const result = model.phase();
  view.message =
    result?.kind === 'outside'
      ? `No known schedule covers ${result.day}: the checklist shows ${series ? displayName(series) : 'no series'}. Open an openstack/releases checkout or pick a series.`
      : data.problems.length
        ? `Some release data could not be read: ${data.problems.join(' ')}`
        : undefined;
}

// The view's badge (open tasks of the current phase), description (the series shown) and message.
import type * as vscode from 'vscode';
import { displayName, findPhase } from '../../core/checklist/checklist';
import { namesOf, type Snapshot } from '../../core/snapshot';
import type { ChecklistNode } from './checklistView';
import { t, tPlural } from '../../core/l10n';
import { problemText } from '../../core/problem';

/** The badge counts the snapshot's open tasks of the shown phase: the number the tooltip and the phase row show. */
export function renderView(view: vscode.TreeView<ChecklistNode>, snapshot: Snapshot): void {
  const { shownSeries: series, shownPhaseId: phaseId } = snapshot;
  const open = snapshot.openInShownPhase.length;
  const phaseTitle = phaseId && findPhase(snapshot.checklist, phaseId).title;
  view.badge = open > 0 ? { value: open, tooltip: tPlural(open, '{0} open task in "{1}"', '{0} open tasks in "{1}"', open, phaseTitle ?? '') } : undefined;
  const releaseId = series && namesOf(snapshot, series).releaseId;
  // The series the view shows drives the release commands: name it, with today's week, and say when it
  // is not today's series ("Indri 2027.1 · R-17", "Hibiscus 2026.2 · not today's").
  const notToday = series !== undefined && series !== snapshot.currentSeries;
  const week = notToday ? t('not today\'s') : snapshot.shownWeek;
  view.description = series ? [`${displayName(series)}${releaseId ? ` ${releaseId}` : ''}`, week].filter(Boolean).join(' · ') : undefined;
  const result = snapshot.phase;
  view.message =
    result.kind === 'outside'
      ? t('No known schedule covers {0}: the checklist shows {1}. Open an openstack/releases checkout or pick a series.', result.day, series ? displayName(series) : t('no series'))
      : snapshot.problems.length
        ? t('Some release data could not be read: {0}', snapshot.problems.map(problemText).join(' '))
        : undefined;
}

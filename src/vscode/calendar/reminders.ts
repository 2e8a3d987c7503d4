// A reminder N days before each deadline of today's series that concerns Glance (core/calendar/reminders.ts),
// once per deadline, with "Open Task" and "Don't Remind Me Again"; `glanceReleaseCycle.remindDaysBefore`
// (0 turns them off).
import * as vscode from 'vscode';
import { taskLabel } from '../../core/checklist/checklist';
import { distanceText, longDay } from '../../core/calendar/dateText';
import { upcomingReminders } from '../../core/calendar/reminders';
import { namesOf, type Snapshot } from '../../core/snapshot';
import { revealInView, type ChecklistNode, type ChecklistProvider } from '../checklist/checklistView';
import { SECTION } from '../settings';

const SHOWN_KEY = 'glanceReleaseCycle.remindedDeadlines';

function remindDaysBefore(): number {
  const value = vscode.workspace.getConfiguration(SECTION).get<number>('remindDaysBefore', 7);
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 7;
}

/** Shows the reminders due for this snapshot that were not shown before. */
export async function remindOfDeadlines(context: vscode.ExtensionContext, snapshot: Snapshot, reveal: (taskId: string) => Promise<void>): Promise<void> {
  const series = snapshot.currentSeries;
  if (!series) return;
  const due = upcomingReminders(snapshot.checklist, snapshot.schedules, series, snapshot.today, remindDaysBefore());
  const shown = new Set(context.globalState.get<string[]>(SHOWN_KEY) ?? []);
  const fresh = due.filter((r) => !shown.has(r.key));
  if (fresh.length === 0) return;
  for (const r of fresh) shown.add(r.key);
  await context.globalState.update(SHOWN_KEY, [...shown].slice(-100));
  const names = namesOf(snapshot, series);
  for (const reminder of fresh) {
    const task = snapshot.checklist.phases.flatMap((p) => p.tasks).find((t) => t.id === reminder.taskId);
    const open = vscode.l10n.t('Open Task');
    const never = vscode.l10n.t('Don\'t Remind Me Again');
    const when = `${longDay(reminder.day)}, ${distanceText(reminder.daysAway)}`;
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Glance: {0} is {1}.{2}', reminder.title, when, task ? vscode.l10n.t(' Task: {0}.', taskLabel(task, names)) : ''), open, never)
      .then(async (answer) => {
        if (answer === open) await reveal(reminder.taskId);
        if (answer === never) await vscode.workspace.getConfiguration(SECTION).update('remindDaysBefore', 0, vscode.ConfigurationTarget.Global);
      });
  }
}

/** Reveals a task of the shown series in the Release Cycle view. */
export async function revealTask(view: vscode.TreeView<ChecklistNode>, provider: ChecklistProvider, snapshot: Snapshot | undefined, taskId: string): Promise<void> {
  const phase = snapshot?.checklist.phases.find((p) => p.tasks.some((t) => t.id === taskId));
  if (phase) await revealInView(view, provider, phase.id, taskId);
}

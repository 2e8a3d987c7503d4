// The left-aligned status-bar item: the current phase, with the week and the next deadline in its tooltip.
import * as vscode from 'vscode';
import type { Snapshot } from '../core/snapshot';

export const REVEAL_COMMAND = 'glanceReleaseCycle.revealCurrentPhase';

/** Created during activation: the only work on the startup path. */
export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('glanceReleaseCycle.phase', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Glance Release Cycle';
  item.text = '$(milestone) Glance';
  item.tooltip = 'Glance release cycle: reading the release schedule…';
  // From the status bar, "current" means today's series, even when the view shows another one.
  item.command = { command: REVEAL_COMMAND, title: 'Reveal Current Phase', arguments: [{ followToday: true }] };
  item.show();
  return item;
}

export function renderStatusBar(item: vscode.StatusBarItem, snapshot: Snapshot, dayProblem?: string): void {
  const summary = snapshot.summary;
  const warn = !summary.ok || summary.hasProblems || dayProblem !== undefined;
  item.text = `$(${warn ? 'warning' : 'milestone'}) ${summary.text}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  const [first, ...rest] = dayProblem ? [`Problem: ${dayProblem}`, ...summary.details] : summary.details;
  tooltip.appendMarkdown('**').appendText(first).appendMarkdown('**');
  for (const line of rest) tooltip.appendMarkdown('\n\n').appendText(line);
  tooltip.appendMarkdown('\n\n*Click to reveal the current phase in the Release Cycle view.*');
  item.tooltip = tooltip;
  item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.accessibilityInformation = { label: `Glance release cycle: ${summary.text}` };
}

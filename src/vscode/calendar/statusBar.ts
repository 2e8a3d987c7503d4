// The left-aligned status-bar item: the current phase, with the week and the next deadline in its tooltip.
import * as vscode from 'vscode';
import type { Snapshot } from '../../core/snapshot';

export { REVEAL_COMMAND } from '../shell';

/** Renders the snapshot's summary: its first line in bold, then the details (the overdue tasks among them). */
export function renderStatusBar(item: vscode.StatusBarItem, snapshot: Snapshot): void {
  const summary = snapshot.summary;
  const warn = !summary.ok || summary.hasProblems === true;
  item.text = `$(${warn ? 'warning' : 'milestone'}) ${summary.text}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  const [first, ...rest] = summary.details;
  tooltip.appendMarkdown('**').appendText(first).appendMarkdown('**');
  for (const line of rest) tooltip.appendMarkdown('\n\n').appendText(line);
  tooltip.appendMarkdown(vscode.l10n.t('\n\n*Click to reveal the current phase in the Release Cycle view.*'));
  item.tooltip = tooltip;
  item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.accessibilityInformation = { label: vscode.l10n.t('Glance release cycle: {0}', summary.text) };
}

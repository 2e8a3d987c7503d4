// The left-aligned status-bar item: the current phase, with the week and the next deadline in its tooltip.
import * as vscode from 'vscode';
import type { Snapshot } from '../../core/snapshot';

export { REVEAL_COMMAND } from '../shell';

/** Lines of the tooltip after the first, and characters per line. */
const MAX_TOOLTIP_LINES = 15;
const MAX_LINE = 300;

const clip = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);

/** Renders the snapshot's summary: its first line in bold, then the details (the overdue tasks among them). */
export function renderStatusBar(item: vscode.StatusBarItem, snapshot: Snapshot): void {
  const summary = snapshot.summary;
  const warn = !summary.ok || summary.hasProblems === true;
  item.text = `$(${warn ? 'warning' : 'milestone'}) ${summary.text}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  const [first, ...lines] = summary.details;
  tooltip.appendMarkdown('**').appendText(clip(first)).appendMarkdown('**');
  // A tooltip is read at a glance: a few lines, each short; the rest is said, not shown.
  for (const line of lines.slice(0, MAX_TOOLTIP_LINES)) tooltip.appendMarkdown('\n\n').appendText(clip(line));
  if (lines.length > MAX_TOOLTIP_LINES) {
    const more = lines.length - MAX_TOOLTIP_LINES;
    tooltip.appendMarkdown('\n\n').appendText(more === 1 ? vscode.l10n.t('…and 1 more line (the Problems view and the Release Cycle view have them all).') : vscode.l10n.t('…and {0} more lines (the Problems view and the Release Cycle view have them all).', more));
  }
  tooltip.appendMarkdown(vscode.l10n.t('\n\n*Click to reveal the current phase in the Release Cycle view.*'));
  item.tooltip = tooltip;
  item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.accessibilityInformation = { label: vscode.l10n.t('Glance release cycle: {0}', summary.text) };
}

// Live items under checklist tasks (Gerrit's review queue, release requests, evidence details): a
// source answers synchronously from its last known state, refreshes in the background, and fires
// onDidChange; the tree redraws. So a slow server never blocks the tree, and a loading state shows.
import type * as vscode from 'vscode';

export interface TaskChild {
  /** Unique under its task; the tree item id is `<series>/<taskId>/<id>`. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: vscode.ThemeIcon;
  command?: vscode.Command;
  contextValue?: string;
  children?: TaskChild[];
  expanded?: boolean;
}

export interface TaskChildSource extends vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;
  /** Children under a task of a series, from the source's last known state (never waits). */
  childrenOf(series: string, taskId: string): TaskChild[];
}

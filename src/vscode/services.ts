// What every command family gets: the shared model and the view. Each family lives in
// src/vscode/commands/<family>.ts and exports register(services) -> disposables.
import type * as vscode from 'vscode';
import type { ChecklistNode, ChecklistProvider } from './checklistView';
import type { ReleaseCycleModel } from './model';

export interface Services {
  context: vscode.ExtensionContext;
  model: ReleaseCycleModel;
  provider: ChecklistProvider;
  view: vscode.TreeView<ChecklistNode>;
}

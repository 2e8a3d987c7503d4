// What every command family gets: the shared model and the view. Each family lives in
// src/vscode/commands/<family>.ts and exports register(services) -> disposables.
import type * as vscode from 'vscode';
import type { ChecklistNode, ChecklistProvider } from './checklistView';
import type { ReleaseCycleModel } from './model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

export interface Services {
  context: vscode.ExtensionContext;
  model: ReleaseCycleModel;
  provider: ChecklistProvider;
  view: vscode.TreeView<ChecklistNode>;
  /**
   * Registers a command's implementation. Use it instead of vscode.commands.registerCommand: every
   * contributed command id already has a dispatcher from activation, which loads the family's bundle
   * on first use, so no command is ever "not found" while dist/features.js is still loading.
   */
  registerCommand(id: string, handler: CommandHandler): vscode.Disposable;
}

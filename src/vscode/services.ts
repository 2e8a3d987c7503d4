// What every command family gets: the shared model, the view, and the glue helpers that keep edits
// safe. Each command lives in src/vscode/<domain>/<command>.ts and exports register(services) -> disposables.
import type * as vscode from 'vscode';
import type { ChecklistNode, ChecklistProvider } from './checklist/checklistView';
import type { DeliverableDiagnostics } from './deliverables/deliverableDiagnostics';
import type { GuardedEdit } from './deliverables/guardedEdits';
import type { LiveFacts } from './evidence/liveFacts';
import type { ReleaseCycleModel } from './model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

/** What dist/app.js provides before the rest loads: enough for the checklist's own commands. */
export type BaseServices = Omit<Services, 'deliverableDiagnostics' | 'guardedEdit' | 'liveFacts'>;

export interface Services {
  context: vscode.ExtensionContext;
  model: ReleaseCycleModel;
  provider: ChecklistProvider;
  view: vscode.TreeView<ChecklistNode>;
  deliverableDiagnostics: DeliverableDiagnostics;
  /** Facts for the evidence rules from live sources (Gerrit, the clones). */
  liveFacts: LiveFacts;
  registerCommand(id: string, handler: CommandHandler): vscode.Disposable;
  /** The document, or undefined after a one-sentence message when the file is binary, too big or unreadable. */
  readableDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined>;
  /** Applies an edit only when the file parses, has the expected shape and validates no worse after. */
  guardedEdit: GuardedEdit;
  /** The one way ticks change (checkbox, Mark as (Not) Done, Reset): the evidence keeps your "not done". */
  setTicks(series: string, changes: ReadonlyArray<{ taskId: string; done: boolean }>): Promise<void>;
  resetTicks(series: string): Promise<void>;
}

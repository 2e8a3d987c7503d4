// What activation creates before dist/app.js is loaded: the status bar item, the tree view (over a
// provider that shows "Loading…" until the real one is attached), and one registration per
// contributed command that runs it through the app. Only `vscode` is imported here, so the startup
// bundle stays a few KB and no module is bundled twice.
import * as vscode from 'vscode';

/** The ids the manifest uses (package.json); repeated here so the startup bundle imports nothing else. */
export const VIEW_ID = 'glanceReleaseCycle.checklist';
export const REVEAL_COMMAND = 'glanceReleaseCycle.revealCurrentPhase';
const STATUS_ITEM_ID = 'glanceReleaseCycle.phase';

export interface Shell<T> {
  statusItem: vscode.StatusBarItem;
  view: vscode.TreeView<T>;
  contributedCommands: ReadonlySet<string>;
  attachProvider(provider: vscode.TreeDataProvider<T>): void;
}

const LOADING = Symbol('loading');

/** Delegates to the real provider once attached; until then one "Loading…" item. */
class DeferredTreeProvider<T> implements vscode.TreeDataProvider<T | typeof LOADING>, vscode.Disposable {
  private target?: vscode.TreeDataProvider<T>;
  private readonly changed = new vscode.EventEmitter<T | typeof LOADING | undefined>();
  private subscription?: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;

  attach(target: vscode.TreeDataProvider<T>): void {
    this.target = target;
    this.subscription = target.onDidChangeTreeData?.((node) => this.changed.fire(Array.isArray(node) ? undefined : (node ?? undefined)));
    this.changed.fire(undefined);
  }

  getChildren(node?: T | typeof LOADING): vscode.ProviderResult<Array<T | typeof LOADING>> {
    if (!this.target) return node === undefined ? [LOADING] : [];
    return node === LOADING ? [] : this.target.getChildren(node);
  }

  getTreeItem(node: T | typeof LOADING): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (node === LOADING || !this.target) return new vscode.TreeItem(vscode.l10n.t('Loading the release cycle…'));
    return this.target.getTreeItem(node);
  }

  getParent(node: T | typeof LOADING): vscode.ProviderResult<T> {
    return node === LOADING ? undefined : this.target?.getParent?.(node);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

export function createShell<T>(context: vscode.ExtensionContext, run: (id: string, args: unknown[]) => unknown): Shell<T> {
  const statusItem = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
  statusItem.name = vscode.l10n.t('Glance Release Cycle');
  statusItem.text = vscode.l10n.t('$(sync~spin) Glance: reading the release schedule…');
  statusItem.tooltip = vscode.l10n.t('Glance release cycle: reading the release schedule…');
  // From the status bar, "current" means today's series, even when the view shows another one.
  statusItem.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal Current Phase'), arguments: [{ followToday: true }] };
  statusItem.show();
  const provider = new DeferredTreeProvider<T>();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true, manageCheckboxStateManually: true });
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  const contributedCommands = new Set((manifest.contributes?.commands ?? []).map((c) => c.command));
  context.subscriptions.push(statusItem, provider, view);
  for (const id of contributedCommands) context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(id, args)));
  return { statusItem, view: view as vscode.TreeView<T>, contributedCommands, attachProvider: (p) => provider.attach(p) };
}

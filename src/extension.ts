// Activation wires the pieces together and does nothing else: the status-bar item is created here;
// data loading (JSON, the releases checkout's YAML) starts only after activate() has returned.
import * as vscode from 'vscode';
import { createApi, type GlanceReleaseCycleApi } from './vscode/api';
import { ChecklistProvider, VIEW_ID, type ChecklistNode } from './vscode/checklistView';
import { onDayChange } from './vscode/clock';
import { register as registerChecklistCommands } from './vscode/commands/checklist';
import { ReleaseCycleModel } from './vscode/model';
import type * as Features from './features';
import { CommandDispatcher } from './vscode/commandDispatcher';
import { notifyIfNewPhase } from './vscode/phaseNotifier';
import type { Services } from './vscode/services';
import { affectsUs, todayOverride } from './vscode/settings';
import { createStatusBarItem, renderStatusBar } from './vscode/statusBar';
import { renderView } from './vscode/viewDecorations';

export function activate(context: vscode.ExtensionContext): GlanceReleaseCycleApi {
  const statusItem = createStatusBarItem();
  const model = new ReleaseCycleModel(context);
  const provider = new ChecklistProvider(model);
  const view = vscode.window.createTreeView<ChecklistNode>(VIEW_ID, {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const commands = new CommandDispatcher(context, () => context.subscriptions.push(...loadFeatures().registerFeatures(services)));
  const services: Services = { context, model, provider, view, registerCommand: (id, handler) => commands.implement(id, handler) };

  const render = () => {
    const invalid = todayOverride().invalid;
    provider.refresh();
    renderStatusBar(statusItem, model, invalid && `the "glanceReleaseCycle.today" setting is not a date (YYYY-MM-DD): "${invalid}"`);
    renderView(view, model);
  };

  context.subscriptions.push(
    statusItem,
    model,
    provider,
    view,
    model.onDidChange(() => {
      render();
      void notifyIfNewPhase(context, model);
    }),
    view.onDidChangeCheckboxState(async (event) => {
      const changes = event.items.flatMap(([node, state]) =>
        node.kind === 'task' ? [{ series: node.series, taskId: node.task.id, done: state === vscode.TreeItemCheckboxState.Checked }] : [],
      );
      if (!changes.length) return;
      try {
        await model.setDone(changes[0].series, changes);
      } catch (error) {
        provider.refresh(); // redraw the boxes as they are stored
        void vscode.window.showErrorMessage(`Glance Release Cycle: the tick could not be saved: ${messageOf(error)}`);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('glanceReleaseCycle.releasesCheckoutPath')) reload();
      else if (affectsUs(event)) model.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    onDayChange(() => model.refresh()),
    commands,
    ...registerChecklistCommands(services),
  );

  function showLoadFailure(error: unknown): void {
    statusItem.text = '$(warning) Glance: release data failed to load';
    statusItem.tooltip = `The release data could not be read: ${messageOf(error)}. Run "Glance Release: Reload Release Schedule" to try again.`;
  }
  function reload(): void {
    model.reload().catch(showLoadFailure);
  }

  // Off the startup path, once activate() has returned: the other command families (their on-save
  // checks need them loaded), then the data.
  setTimeout(() => {
    model.ready().catch(showLoadFailure);
    try {
      commands.loadFeatures();
    } catch (error) {
      // The checklist and the status bar do not depend on the other families: keep them working.
      void vscode.window.showErrorMessage(`Glance Release Cycle: some commands failed to load: ${messageOf(error)}`);
    }
  }, 0);

  return createApi(model, provider, view);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function loadFeatures(): typeof Features {
  // dist/features.js, next to this bundle; esbuild leaves it external (scripts/build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./features.js') as typeof Features;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

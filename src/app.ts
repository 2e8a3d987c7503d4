// Entry point of dist/app.js, loaded right after activate() returns (see extension.ts): wires the model,
// the view's provider, the status bar and the checklist's commands to the status bar item and the tree
// view the activation created; once the first phase is drawn, dist/features.js (every other command,
// the diagnostics, the evidence, Gerrit, the release status). Data loading starts here, off the
// activation path.
import * as vscode from 'vscode';
// First: installs vscode.l10n.t as the core's translator before any other module computes a sentence.
import './vscode/l10nSetup';
import { createApi, type GlanceReleaseCycleApi } from './vscode/api';
import type { Shell } from './vscode/shell';
import { ChecklistProvider, type ChecklistNode } from './vscode/checklist/checklistView';
import { onDayChange } from './vscode/calendar/clock';
import { register as registerChecklistCommands } from './vscode/checklist/commands';
import { ReleaseCycleModel } from './vscode/model';
import { readableDocument } from './vscode/documents';
import { notifyIfNewPhase } from './vscode/calendar/phaseNotifier';
import { DataDiagnostics } from './vscode/calendar/dataDiagnostics';
import { remindOfDeadlines, revealTask } from './vscode/calendar/reminders';
import type { BaseServices, CommandHandler } from './vscode/services';
import { affectsUs } from './vscode/settings';
import { renderStatusBar } from './vscode/calendar/statusBar';
import { renderView } from './vscode/checklist/viewDecorations';
import type { Snapshot } from './core/snapshot';
import type * as FeaturesModule from './features';

export interface App {
  api: GlanceReleaseCycleApi;
  /** Runs a contributed command (the activation registered every one of them to call this). */
  run(id: string, args: unknown[]): unknown;
}

export function startApp(context: vscode.ExtensionContext, shell: Shell<ChecklistNode>): App {
  const model = new ReleaseCycleModel(context);
  const provider = new ChecklistProvider(model);
  shell.attachProvider(provider);
  const handlers = new Map<string, CommandHandler>();
  const services = createServices(context, shell, model, provider, handlers);
  const features = lazyFeatures(context, services);
  const showLoadFailure = (error: unknown) => {
    shell.statusItem.text = vscode.l10n.t('$(warning) Glance: release data failed to load');
    shell.statusItem.tooltip = vscode.l10n.t('The release data could not be read: {0}. Run "Glance Release: Reload Release Schedule" to try again.', messageOf(error));
  };
  const reload = () => void model.reload().catch(showLoadFailure);

  context.subscriptions.push(
    model,
    provider,
    ...renderEverySnapshot(context, shell, model, provider, features.isLoaded),
    shell.view.onDidChangeCheckboxState((event) => onCheckboxes(event, services, provider)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('glanceReleaseCycle.releasesCheckoutPath')) reload();
      else if (affectsUs(event)) model.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    onDayChange(() => model.refresh()),
    ...registerChecklistCommands(services),
  );
  // The rest starts on the turn after the first snapshot is drawn (the phase is on screen by then).
  const started = model
    .ready()
    .catch(showLoadFailure)
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
    .then(() => features.load());
  started.catch(() => undefined); // api.ready() rejects with it; a command loading the rest says it again

  return {
    api: createApi(model, provider, shell.view, {
      validateDeliverable: (path) => features.load().validateDeliverable(path),
      unreleased: () => features.load().unreleased(),
      started: () => started,
    }),
    run(id, args) {
      // A command of the rest, run before it loaded on its own, loads it now.
      if (!handlers.has(id)) features.load();
      const handler = handlers.get(id);
      if (!handler) throw new Error(vscode.l10n.t('Command {0} is contributed but has no implementation.', id));
      return handler(...args);
    },
  };
}

let stopFeatures: (() => void) | undefined;

/** dist/features.js, loaded once, on the first of: the turn after the first phase, a command of it, an API call of it. */
function lazyFeatures(context: vscode.ExtensionContext, services: BaseServices): { load(): FeaturesModule.Features; isLoaded(): boolean } {
  let loaded: FeaturesModule.Features | undefined;
  // A start that failed is not tried again by every command (it would register its parts twice).
  let failure: unknown;
  return {
    load() {
      if (failure !== undefined) throw failure;
      if (!loaded) {
        try {
          // Next to this bundle; esbuild leaves it external (scripts/build.mjs).
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const module = require('./features.js') as typeof FeaturesModule;
          stopFeatures = module.stopFeatures;
          loaded = module.startFeatures(services);
          context.subscriptions.push(...loaded.disposables);
        } catch (error) {
          failure = error;
          throw error;
        }
      }
      return loaded;
    },
    isLoaded: () => loaded !== undefined,
  };
}

function createServices(
  context: vscode.ExtensionContext,
  shell: Shell<ChecklistNode>,
  model: ReleaseCycleModel,
  provider: ChecklistProvider,
  handlers: Map<string, CommandHandler>,
): BaseServices {
  return {
    context,
    model,
    provider,
    view: shell.view,
    // Contributed commands are registered once, at activation, to call run(); the others (hidden ones that
    // tree items use) are registered here.
    registerCommand: (id, handler) => {
      if (!shell.contributedCommands.has(id)) return vscode.commands.registerCommand(id, handler);
      handlers.set(id, handler);
      return new vscode.Disposable(() => handlers.delete(id));
    },
    readableDocument: async (uri) => {
      const result = await readableDocument(uri);
      if ('document' in result) return result.document;
      void vscode.window.showErrorMessage(result.problem);
      return undefined;
    },
    async setTicks(series, changes) {
      await provider.evidence?.recordTicks(changes.map((c) => ({ ...c, series })));
      await model.setDone(series, changes);
    },
    async resetTicks(series) {
      await provider.evidence?.clearOverrides(series);
      await model.reset(series);
    },
  };
}

/** Each snapshot, once: the tree, the status bar, the view's badge, the data problems, the messages. */
function renderEverySnapshot(
  context: vscode.ExtensionContext,
  shell: Shell<ChecklistNode>,
  model: ReleaseCycleModel,
  provider: ChecklistProvider,
  featuresLoaded: () => boolean,
): vscode.Disposable[] {
  const dataDiagnostics = new DataDiagnostics();
  return [
    dataDiagnostics,
    model.onDidChange((snapshot: Snapshot) => {
      provider.refresh();
      renderStatusBar(shell.statusItem, snapshot);
      renderView(shell.view, snapshot);
      void dataDiagnostics.update(model.checkoutFound, snapshot.problems);
      // The new-phase message names the open tasks: it waits for the evidence (in dist/features.js) and
      // its first answer, so it counts what the tree, the badge and the tooltip count.
      if (featuresLoaded() && (snapshot.evidence || !provider.evidence)) void notifyIfNewPhase(context, snapshot);
      void remindOfDeadlines(context, snapshot, (taskId) => revealTask(shell.view, provider, model.snapshot, taskId));
    }),
  ];
}

async function onCheckboxes(event: vscode.TreeCheckboxChangeEvent<ChecklistNode>, services: BaseServices, provider: ChecklistProvider): Promise<void> {
  const changes = event.items.flatMap(([node, state]) =>
    node.kind === 'task' ? [{ series: node.series, taskId: node.task.id, done: state === vscode.TreeItemCheckboxState.Checked }] : [],
  );
  if (!changes.length) return;
  try {
    await services.setTicks(changes[0].series, changes);
  } catch (error) {
    provider.refresh({ force: true }); // redraw the boxes as they are stored
    void vscode.window.showErrorMessage(vscode.l10n.t('Glance Release Cycle: the tick could not be saved: {0}', messageOf(error)));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function stopApp(): void {
  // Everything else is disposed through context.subscriptions.
  stopFeatures?.();
}

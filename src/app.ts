// Entry point of dist/app.js, loaded right after activate() returns (see extension.ts): wires the model,
// the view's provider, the status bar, the diagnostics and every command family to the status bar item
// and the tree view the activation created. Data loading starts here, off the activation path.
import * as vscode from 'vscode';
// First: installs vscode.l10n.t as the core's translator before any other module computes a sentence.
import './vscode/l10nSetup';
import { createApi, type GlanceReleaseCycleApi } from './vscode/api';
import type { Shell } from './vscode/shell';
import { validateDeliverableAt } from './vscode/deliverables/validateAt';
import { ChecklistProvider, type ChecklistNode } from './vscode/checklist/checklistView';
import { onDayChange } from './vscode/calendar/clock';
import { register as registerChecklistCommands } from './vscode/checklist/commands';
import { ReleaseCycleModel } from './vscode/model';
import { register as registerAddCycleHighlights } from './vscode/deliverables/addCycleHighlights';
import { register as registerCurrentReleaseCommands } from './vscode/commits/currentRelease';
import { register as registerOpenDeliverable } from './vscode/deliverables/openDeliverable';
import { register as registerOpenReleaseSchedule } from './vscode/calendar/openReleaseSchedule';
import { register as registerProposeRelease } from './vscode/deliverables/proposeRelease';
import { register as registerReleaseNoteCommands } from './vscode/notes/releaseNotes';
import { register as registerSemVerCommands } from './vscode/commits/semver';
import { register as registerValidateDeliverable } from './vscode/deliverables/validateDeliverable';
import { register as registerGerrit } from './vscode/gerrit';
import { register as registerEvidence } from './vscode/evidence';
import { register as registerReleaseStatus, unreleased } from './vscode/releaseStatus';
import { ReleaseStatusService } from './vscode/releaseStatus/service';
import { DeliverableDiagnostics, registerDeliverableDiagnostics } from './vscode/deliverables/deliverableDiagnostics';
import { readableDocument } from './vscode/documents';
import { createGuardedEdit } from './vscode/deliverables/guardedEdits';
import { notifyIfNewPhase } from './vscode/calendar/phaseNotifier';
import { DataDiagnostics } from './vscode/calendar/dataDiagnostics';
import { remindOfDeadlines, revealTask } from './vscode/calendar/reminders';
import type { CommandHandler, Services } from './vscode/services';
import { affectsUs } from './vscode/settings';
import { renderStatusBar } from './vscode/calendar/statusBar';
import { renderView } from './vscode/checklist/viewDecorations';
import { stopValidationThread } from './adapters/validationThread';
import { closeBlobStreams } from './adapters/gitBlobStream';
import { stopGitThread } from './adapters/gitThread';
import { LiveFacts } from './vscode/evidence/liveFacts';
import type { Snapshot } from './core/snapshot';

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
  const deliverableDiagnostics = new DeliverableDiagnostics();
  const releaseStatus = new ReleaseStatusService(model);
  const services = createServices(context, shell, model, provider, deliverableDiagnostics, handlers);
  const showLoadFailure = (error: unknown) => {
    shell.statusItem.text = vscode.l10n.t('$(warning) Glance: release data failed to load');
    shell.statusItem.tooltip = vscode.l10n.t('The release data could not be read: {0}. Run "Glance Release: Reload Release Schedule" to try again.', messageOf(error));
  };
  const reload = () => void model.reload().catch(showLoadFailure);

  context.subscriptions.push(
    model,
    provider,
    services.liveFacts,
    ...renderEverySnapshot(context, shell, model, provider),
    shell.view.onDidChangeCheckboxState((event) => onCheckboxes(event, services, provider)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('glanceReleaseCycle.releasesCheckoutPath')) reload();
      else if (affectsUs(event)) model.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    onDayChange(() => model.refresh()),
    ...registerDeliverableDiagnostics(deliverableDiagnostics),
    ...COMMAND_FAMILIES.flatMap((register) => register(services)),
    // After the evidence family: the library tasks' evidence reads the release status.
    ...registerReleaseStatus(services, releaseStatus),
  );
  model.ready().catch(showLoadFailure);

  return {
    api: createApi(model, provider, shell.view, { validateDeliverable: (path) => validateDeliverableAt(path, model, deliverableDiagnostics), unreleased: () => unreleased(releaseStatus) }),
    run(id, args) {
      const handler = handlers.get(id);
      if (!handler) throw new Error(vscode.l10n.t('Command {0} is contributed but has no implementation.', id));
      return handler(...args);
    },
  };
}

/** Every command family and live source, each from its own module. */
const COMMAND_FAMILIES: ReadonlyArray<(services: Services) => vscode.Disposable[]> = [
  registerChecklistCommands,
  registerSemVerCommands,
  registerCurrentReleaseCommands,
  registerReleaseNoteCommands,
  registerOpenDeliverable,
  registerOpenReleaseSchedule,
  registerProposeRelease,
  registerAddCycleHighlights,
  registerValidateDeliverable,
  registerGerrit,
  registerEvidence,
];

function createServices(
  context: vscode.ExtensionContext,
  shell: Shell<ChecklistNode>,
  model: ReleaseCycleModel,
  provider: ChecklistProvider,
  deliverableDiagnostics: DeliverableDiagnostics,
  handlers: Map<string, CommandHandler>,
): Services {
  return {
    context,
    model,
    provider,
    view: shell.view,
    deliverableDiagnostics,
    liveFacts: new LiveFacts(),
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
    guardedEdit: createGuardedEdit(deliverableDiagnostics),
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
function renderEverySnapshot(context: vscode.ExtensionContext, shell: Shell<ChecklistNode>, model: ReleaseCycleModel, provider: ChecklistProvider): vscode.Disposable[] {
  const dataDiagnostics = new DataDiagnostics();
  return [
    dataDiagnostics,
    model.onDidChange((snapshot: Snapshot) => {
      provider.refresh();
      renderStatusBar(shell.statusItem, snapshot);
      renderView(shell.view, snapshot);
      void dataDiagnostics.update(model.checkoutFound, snapshot.problems);
      // The new-phase message names the open tasks: it waits for the evidence's first answer, so it
      // counts what the tree, the badge and the tooltip count.
      if (snapshot.evidence || !provider.evidence) void notifyIfNewPhase(context, snapshot);
      void remindOfDeadlines(context, snapshot, (taskId) => revealTask(shell.view, provider, model.snapshot, taskId));
    }),
  ];
}

async function onCheckboxes(event: vscode.TreeCheckboxChangeEvent<ChecklistNode>, services: Services, provider: ChecklistProvider): Promise<void> {
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
  stopValidationThread();
  closeBlobStreams();
  stopGitThread();
}

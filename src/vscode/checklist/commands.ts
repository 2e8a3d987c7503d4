// Commands on the checklist: reveal, pick series, copy as Markdown, reset, links, task actions, ticks.
import * as vscode from 'vscode';
import { displayName, phaseAsMarkdown, taskLinks, type Phase, type Task } from '../../core/checklist/checklist';
import { knownSeries, seriesInfo } from '../../core/calendar/schedule';
import { revealInView, type ChecklistNode } from './checklistView';
import type { Services } from '../services';
import { REVEAL_COMMAND } from '../calendar/statusBar';

type TaskNode = ChecklistNode & { kind: 'task' };

export function register(s: Services): vscode.Disposable[] {
  const { model, provider, view } = s;

  /** From the status bar ({ followToday }): switch back to today's series first. */
  async function revealCurrentPhase(options?: { followToday?: boolean }): Promise<void> {
    await model.ready();
    if (options?.followToday && model.chosenSeries() && model.currentSeries()) await model.chooseSeries(undefined);
    const phaseId = model.snapshot?.shownPhaseId;
    if (!phaseId || !(await revealInView(view, provider, phaseId))) {
      void vscode.window.showInformationMessage(
        model.shownSeries()
          ? vscode.l10n.t('{0} has no current phase today ({1}).', displayName(model.shownSeries()!), model.today())
          : vscode.l10n.t('No series is known for today: pick one with "Show Series…".'),
      );
    }
  }

  /** From the palette: a pick. From scripts: a series name, or '' to follow today's series. */
  async function pickSeries(series?: string): Promise<void> {
    const { schedules } = await model.ready();
    if (typeof series === 'string') {
      if (series && !knownSeries(schedules).includes(series)) {
        return void vscode.window.showWarningMessage(vscode.l10n.t('Unknown series "{0}": the schedule data knows {1}.', series, knownSeries(schedules).join(', ')));
      }
      return model.chooseSeries(series || undefined);
    }
    const current = model.currentSeries();
    const chosen = model.chosenSeries();
    type Item = vscode.QuickPickItem & { series?: string };
    // Every known series, newest first, with its state worked out from dates (not series_status' `status:`).
    const states = await model.seriesStates();
    const listed = new Set(states.map((s) => s.name));
    const items: Item[] = [
      { label: vscode.l10n.t('$(sync) Follow today\'s series{0}', current ? ` (${displayName(current)})` : ''), description: chosen ? '' : vscode.l10n.t('shown'), series: undefined },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...states.map((state) => ({
        label: `${displayName(state.name)} — ${state.label}`,
        description: [state.releaseId, state.name === current ? 'today' : '', state.name === chosen ? 'shown' : ''].filter(Boolean).join(' · '),
        series: state.name,
      })),
      ...knownSeries(schedules)
        .filter((series) => !listed.has(series))
        .map((series) => ({ label: displayName(series), description: [seriesInfo(schedules, series)?.releaseId, series === chosen ? 'shown' : ''].filter(Boolean).join(' · '), series })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Release Cycle: series to show'), placeHolder: vscode.l10n.t('The checklist keeps separate ticks for each series') });
    if (!pick) return;
    await model.chooseSeries(pick.series);
  }

  async function pickPhase(series: string, title: string): Promise<Phase | undefined> {
    const { checklist } = await model.ready();
    const currentId = model.snapshot?.shownPhaseId;
    const done = model.done(series);
    const items = checklist.phases.map((phase) => ({
      label: phase.title,
      description: `${phase.tasks.filter((t) => done.has(t.id)).length}/${phase.tasks.length}${phase.id === currentId ? vscode.l10n.t(' · current phase') : ''}`,
      phase,
    }));
    const current = items.find((i) => i.phase.id === currentId);
    if (current) items.unshift(...items.splice(items.indexOf(current), 1));
    return (await vscode.window.showQuickPick(items, { title }))?.phase;
  }

  /** From the tree: a phase node. From scripts: { phaseId }. From the palette: a pick. */
  async function copyPhaseMarkdown(node?: ChecklistNode | { phaseId: string }): Promise<void> {
    const { checklist } = await model.ready();
    const series = node && 'series' in node ? node.series : model.shownSeries();
    if (!series) return void vscode.window.showWarningMessage(vscode.l10n.t('Pick a series first ("Show Series…").'));
    const phase =
      node && 'phaseId' in node
        ? checklist.phases.find((p) => p.id === node.phaseId)
        : node?.kind === 'phase'
          ? node.phase
          : await pickPhase(series, vscode.l10n.t('Copy {0} tasks as a Markdown checklist', displayName(series)));
    if (!phase) return;
    await vscode.env.clipboard.writeText(phaseAsMarkdown(phase, model.done(series), model.names(series)));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied "{0}" as a Markdown checklist', phase.title), 4000);
  }

  async function resetSeries(): Promise<void> {
    await model.ready();
    const series = model.shownSeries();
    if (!series) return;
    const count = model.done(series).size;
    // A pick, not a modal: a modal's default button would be the destructive one; here Enter keeps the ticks.
    const keep = { label: vscode.l10n.t('$(close) Keep the ticks'), reset: false };
    const untick = { label: vscode.l10n.t('$(trash) Untick all {0} done task{1} of {2}', count, count === 1 ? '' : 's', displayName(series)), detail: vscode.l10n.t('Other series keep their ticks.'), reset: true };
    const answer = await vscode.window.showQuickPick([keep, untick], { title: vscode.l10n.t('Reset the ticks of {0}?', displayName(series)) });
    if (answer?.reset) await s.resetTicks(series);
  }

  function taskNodes(node: ChecklistNode | undefined, selected: readonly ChecklistNode[] | undefined): TaskNode[] {
    const nodes = selected && node && selected.includes(node) ? selected : node ? [node] : view.selection;
    return nodes.filter((n): n is TaskNode => n.kind === 'task');
  }

  /** From the tree: the clicked node and the selection. From scripts: { taskIds, series? }. */
  async function mark(done: boolean, node?: ChecklistNode | { taskIds: string[]; series?: string }, selected?: readonly ChecklistNode[]): Promise<void> {
    if (node && 'taskIds' in node) {
      const series = node.series ?? model.shownSeries();
      if (series) await s.setTicks(series, node.taskIds.map((taskId) => ({ taskId, done })));
      return;
    }
    const tasks = taskNodes(node, selected);
    if (tasks.length === 0) return;
    await s.setTicks(tasks[0].series, tasks.map((t) => ({ taskId: t.task.id, done })));
  }

  async function openTaskLink(node?: ChecklistNode): Promise<void> {
    const target = taskNodes(node, undefined)[0];
    if (!target) return;
    const links = taskLinks(target.task, model.names(target.series));
    const pick =
      links.length === 1
        ? links[0]
        : await vscode.window.showQuickPick(links.map((l) => ({ ...l, label: l.label, detail: l.url })), { title: vscode.l10n.t('Open link') });
    if (pick) await vscode.env.openExternal(vscode.Uri.parse(pick.url, true));
  }

  async function runTaskAction(node?: ChecklistNode): Promise<void> {
    const target = taskNodes(node, undefined)[0];
    if (!target) return;
    const task: Task = target.task;
    const all = await vscode.commands.getCommands(true);
    const titles = commandTitles(s.context);
    const items = task.actions.filter((id) => all.includes(id)).map((id) => ({ label: titles.get(id) ?? id, id }));
    if (items.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('This task has no actions.'));
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Task actions') });
    if (pick) await vscode.commands.executeCommand(pick.id, { series: target.series, taskId: task.id, taskArgs: task.actionArgs });
  }

  return [
    s.registerCommand(REVEAL_COMMAND, revealCurrentPhase),
    s.registerCommand('glanceReleaseCycle.pickSeries', pickSeries),
    s.registerCommand('glanceReleaseCycle.copyPhaseMarkdown', copyPhaseMarkdown),
    s.registerCommand('glanceReleaseCycle.resetSeries', resetSeries),
    s.registerCommand('glanceReleaseCycle.markDone', (n?: Parameters<typeof mark>[1], sel?: ChecklistNode[]) => mark(true, n, sel)),
    s.registerCommand('glanceReleaseCycle.markNotDone', (n?: Parameters<typeof mark>[1], sel?: ChecklistNode[]) => mark(false, n, sel)),
    s.registerCommand('glanceReleaseCycle.openTaskLink', openTaskLink),
    s.registerCommand('glanceReleaseCycle.runTaskAction', runTaskAction),
    s.registerCommand('glanceReleaseCycle.reloadSchedule', async () => {
      const loaded = await model.reload({ force: true });
      const source = model.sourceText() ?? vscode.l10n.t('bundled with the extension');
      // A ✓ only when every file could be used; otherwise say how many could not, and where to read why.
      if (loaded.problems.length === 0) void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Release schedule: {0}', source), 4000);
      else {
        const count = loaded.problems.length;
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Release schedule reloaded ({0}), but {1} problem{2} remain{3}: see the status bar\'s tooltip and the Problems view.', source, count, count === 1 ? '' : 's', count === 1 ? 's' : ''),
        );
      }
    }),
  ];
}

/** Command titles from our own manifest, for the task-actions pick. */
function commandTitles(context: vscode.ExtensionContext): Map<string, string> {
  const commands = (context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string; category?: string }>;
  return new Map(commands.map((c) => [c.command, c.title]));
}

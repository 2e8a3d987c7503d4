// The "Release Cycle" tree: phases with progress, tasks with checkboxes, details as children.
import * as vscode from 'vscode';
import { displayName, phaseProgress, taskLinks, taskText, type Phase, type Task, taskLabel } from '../../core/checklist/checklist';
import { dayMonth, longDay, spanText } from '../../core/calendar/dateText';
import type { ReleaseCycleModel } from '../model';
import type { EvidenceService } from '../evidence/service';
import type { TaskStatus } from '../../core/checklist/taskStatus';
import { doneIn, taskStatusIn } from '../../core/snapshot';
import type { TaskChild, TaskChildSource } from './taskChildren';
import { VIEW_ID } from '../shell';

const OPEN_EVIDENCE = 'glanceReleaseCycle.openEvidence';

export type ChecklistNode =
  | { kind: 'phase'; series: string; phase: Phase }
  | { kind: 'task'; series: string; phase: Phase; task: Task }
  | { kind: 'detail'; series: string; phase: Phase; task: Task; index: number; text: string; isNote: boolean }
  | { kind: 'child'; series: string; phase: Phase; task: Task; path: string; child: TaskChild }
  | { kind: 'message'; text: string };

export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private phaseNodes = new Map<string, ChecklistNode & { kind: 'phase' }>();
  private readonly sources: TaskChildSource[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Refreshes fired, and the refresh the workbench last fetched the top level after (for reveal). */
  private generation = 0;
  private drawnGeneration = -1;
  private readonly drawnWaiters = new Set<() => void>();
  /** The tree as last drawn (rendered items, serialized), to skip redraws that change nothing. */
  private lastDrawing?: string;
  /** Redraws fired since activation (the API reports it). */
  redraws = 0;

  /** The evidence for the shown series' tasks, once registered (src/vscode/evidence). */
  evidence?: EvidenceService;

  constructor(private readonly model: ReleaseCycleModel) {}

  /** The evidence service lives as long as the view (it feeds the snapshot; the tree reads only the snapshot). */
  setEvidence(evidence: EvidenceService): vscode.Disposable {
    this.evidence = evidence;
    return { dispose: () => this.evidence === evidence && (this.evidence = undefined) };
  }

  /** A task's state in the snapshot: the user's tick, the evidence, and the user's "not done" over it. */
  taskStatus(series: string, taskId: string): TaskStatus {
    const snapshot = this.model.snapshot;
    const ticks = this.model.ticked(series);
    return snapshot ? taskStatusIn(snapshot, series, taskId, ticks) : { done: ticks.has(taskId), doneBy: ticks.has(taskId) ? 'you' : undefined, overruled: false, overdue: false };
  }

  /** Done ids of a series as the snapshot counts them (ticks and evidence). */
  private doneIn(series: string): ReadonlySet<string> {
    const snapshot = this.model.snapshot;
    return snapshot?.done.has(series) ? doneIn(snapshot, series) : this.model.ticked(series);
  }

  /** Adds live children under tasks; the tree redraws when the source changes. */
  addSource(source: TaskChildSource): vscode.Disposable {
    this.sources.push(source);
    this.subscriptions.push(source.onDidChange(() => this.refresh()));
    return source;
  }

  /**
   * Redraws the tree when what it shows changed (or always, with `force`). A redraw makes the workbench
   * forget the nodes until it fetches them again, and a checkbox clicked in that moment is dropped by
   * VS Code: so the many snapshots that change nothing in the tree (a Gerrit or evidence answer about
   * another series, a repeated reading) do not redraw it.
   */
  refresh(options: { force?: boolean } = {}): void {
    const drawing = JSON.stringify(renderTree(this));
    if (!options.force && drawing === this.lastDrawing) return;
    this.lastDrawing = drawing;
    this.generation++;
    this.redraws++;
    this.changed.fire(undefined);
  }

  /**
   * Resolves once the workbench has fetched the top level since the last refresh (the nodes a reveal
   * needs exist there), or after `timeoutMs`; true when it did.
   */
  drawn(timeoutMs: number): Promise<boolean> {
    if (this.drawnGeneration === this.generation) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.drawnWaiters.delete(waiter);
        resolve(ok);
      };
      const waiter = () => done(true);
      this.drawnWaiters.add(waiter);
    });
  }

  dispose(): void {
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private liveChildren(series: string, task: Task): TaskChild[] {
    return this.sources.flatMap((source) => source.childrenOf(series, task.id));
  }

  /** The node of a phase of the shown series (for reveal). */
  phaseNode(phaseId: string): ChecklistNode | undefined {
    return this.phaseNodes.get(phaseId);
  }

  /** Called by the workbench: a top-level fetch is what a reveal waits for. */
  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (node) return this.childrenOf(node);
    const roots = this.rootNodes();
    if (this.model.snapshot) {
      this.drawnGeneration = this.generation;
      for (const waiter of [...this.drawnWaiters]) waiter();
    }
    return roots;
  }

  /** The top level (phases of the shown series), without counting as drawn. */
  rootNodes(): ChecklistNode[] {
    return this.childrenOf(undefined);
  }

  childrenOf(node: ChecklistNode | undefined): ChecklistNode[] {
    const data = this.model.snapshot;
    if (!node) {
      if (!data) return [{ kind: 'message', text: vscode.l10n.t('Loading the release cycle…') }];
      const series = data.shownSeries;
      if (!series) return [{ kind: 'message', text: vscode.l10n.t('No series for today: pick one with "Show Series…".') }];
      this.phaseNodes = new Map(data.checklist.phases.map((phase) => [phase.id, { kind: 'phase', series, phase } as const]));
      return [...this.phaseNodes.values()];
    }
    if (node.kind === 'phase') return node.phase.tasks.map((task) => ({ kind: 'task', series: node.series, phase: node.phase, task }));
    if (node.kind === 'task') {
      const details = node.task.details.map((text, index) => ({ text, isNote: false, index }));
      if (node.task.note) details.push({ text: node.task.note, isNote: true, index: details.length });
      const live = this.liveChildren(node.series, node.task).map(
        (child): ChecklistNode => ({ kind: 'child', series: node.series, phase: node.phase, task: node.task, path: child.id, child }),
      );
      return [...live, ...details.map((d): ChecklistNode => ({ kind: 'detail', series: node.series, phase: node.phase, task: node.task, ...d }))];
    }
    if (node.kind === 'child') {
      return (node.child.children ?? []).map((child) => ({ ...node, path: `${node.path}/${child.id}`, child }));
    }
    return [];
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    if (node.kind === 'task') return this.phaseNodes.get(node.phase.id);
    if (node.kind === 'detail' || node.kind === 'child') return { kind: 'task', series: node.series, phase: node.phase, task: node.task };
    return undefined;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message':
        return new vscode.TreeItem(node.text);
      case 'phase':
        return this.phaseItem(node.series, node.phase);
      case 'task':
        return this.taskItem(node.series, node.task);
      case 'child': {
        const { child } = node;
        const hasChildren = (child.children?.length ?? 0) > 0;
        const item = new vscode.TreeItem(
          child.label,
          hasChildren ? (child.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `${node.series}/${node.task.id}/${node.path}`;
        item.description = child.description;
        item.tooltip = child.tooltip;
        item.iconPath = child.icon;
        item.command = child.command;
        item.contextValue = child.contextValue ?? 'child';
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.text);
        item.id = `${node.series}/${node.task.id}/detail-${node.index}`;
        item.iconPath = new vscode.ThemeIcon(node.isNote ? 'info' : 'debug-stackframe-dot');
        item.tooltip = node.text;
        item.contextValue = 'detail';
        return item;
      }
    }
  }

  private phaseItem(series: string, phase: Phase): vscode.TreeItem {
    const { done: count, total } = phaseProgress(phase, this.doneIn(series));
    const snapshot = this.model.snapshot;
    const isCurrent = snapshot?.shownPhaseId === phase.id;
    const item = new vscode.TreeItem(
      phase.short ?? phase.title,
      isCurrent ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    // The id holds the series: each series keeps its own expansion state, and a new series starts fresh.
    item.id = `${series}/${phase.id}${isCurrent ? '/current' : ''}`;
    // The tree reads as a timeline: "1/2 · R-17 · until 14 Jan" now, "0/1 · 12–18 Jan" for the others.
    const span = snapshot?.shownSpans.get(phase.id);
    const when = span && (isCurrent ? [snapshot?.shownWeek, vscode.l10n.t('until {0}', dayMonth(span.to))].filter(Boolean).join(' · ') : spanText(span.from, span.to));
    item.description = [`${count}/${total}`, when].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      count === total ? 'pass-filled' : isCurrent ? 'target' : 'circle-large-outline',
      isCurrent ? new vscode.ThemeColor('charts.blue') : count === total ? new vscode.ThemeColor('charts.green') : undefined,
    );
    const dates = span ? `\n${span.weeks[0]}${span.weeks.length > 1 ? `–${span.weeks.at(-1)}` : ''}: ${longDay(span.from)} – ${longDay(span.to)}` : '';
    item.tooltip = vscode.l10n.t('{0}: {1} ({2} of {3} done){4}{5}', displayName(series), phase.title, count, total, dates, isCurrent ? vscode.l10n.t('\nThis is the current phase.') : '');
    item.contextValue = isCurrent ? 'phase.current' : 'phase';
    return item;
  }

  private taskItem(series: string, task: Task): vscode.TreeItem {
    const names = this.model.names(series);
    const text = taskText(task, names);
    const status = this.taskStatus(series, task.id);
    const isDone = status.done;
    const hasChildren = task.details.length > 0 || task.note !== undefined || this.liveChildren(series, task).length > 0;
    const item = new vscode.TreeItem(taskLabel(task, names), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${series}/${task.id}`;
    item.checkboxState = isDone ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.tooltip = taskTooltip(text, task, names, series, status);
    item.description = evidenceDescription(status);
    if (status.overdue) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    if (status.evidence?.file !== undefined && status.evidence.state !== 'unknown') {
      item.command = { command: OPEN_EVIDENCE, title: vscode.l10n.t('Open Evidence'), arguments: [{ series, taskId: task.id }] };
    }
    const state = isDone ? (status.doneBy === 'evidence' ? vscode.l10n.t('Done by evidence') : vscode.l10n.t('Done')) : status.overdue ? vscode.l10n.t('Overdue') : vscode.l10n.t('Open');
    item.accessibilityInformation = { label: `${state}: ${text}`, role: 'checkbox' };
    const flags = [task.links.length > 0 ? 'links' : '', task.actions.length > 0 ? 'actions' : ''].filter(Boolean);
    item.contextValue = ['task', ...flags].join('.');
    return item;
  }
}

function evidenceDescription(status: TaskStatus): string | undefined {
  const evidence = status.evidence;
  if (!evidence) return undefined;
  if (status.overruled) return vscode.l10n.t('marked not done by you (evidence says done)');
  if (status.doneBy === 'evidence') return `✓ ${evidence.text}`;
  if (status.overdue) return vscode.l10n.t('overdue since {0}', evidence.deadline ?? '?');
  return undefined;
}

function evidenceTooltip(md: vscode.MarkdownString, series: string, task: Task, status: TaskStatus): void {
  const evidence = status.evidence;
  if (!evidence) return;
  const heading = status.overruled
    ? vscode.l10n.t('You marked this task not done; the evidence says it is done:')
    : status.done
      ? status.doneBy === 'evidence'
        ? vscode.l10n.t('Done by evidence:')
        : vscode.l10n.t('Ticked by you. Evidence:')
      : status.overdue
        ? vscode.l10n.t('Overdue since {0}:', evidence.deadline ?? '?')
        : evidence.state === 'unknown'
          ? vscode.l10n.t('Evidence unknown:')
          : evidence.deadline ? vscode.l10n.t('Not done yet (deadline {0}):', evidence.deadline) : vscode.l10n.t('Not done yet:');
  md.appendMarkdown('\n\n**').appendText(heading).appendMarkdown('** ').appendText(evidence.text);
  if (evidence.file !== undefined && evidence.state !== 'unknown') {
    const args = encodeURIComponent(JSON.stringify([{ series, taskId: task.id }]));
    const where = `${evidence.file}${evidence.line !== undefined ? `:${evidence.line + 1}` : ''}`;
    md.appendMarkdown(vscode.l10n.t('\n\n[$(go-to-file) Open {0}](command:{1}?{2})', escapeLinkText(where), OPEN_EVIDENCE, args));
    md.isTrusted = { enabledCommands: [OPEN_EVIDENCE] };
  }
}

function taskTooltip(text: string, task: Task, names: ReturnType<ReleaseCycleModel['names']>, series: string, status: TaskStatus): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(text);
  evidenceTooltip(md, series, task, status);
  for (const detail of task.details) md.appendMarkdown('\n\n- ').appendText(detail);
  if (task.note) md.appendMarkdown('\n\n> **').appendText(vscode.l10n.t('Note:')).appendMarkdown('** ').appendText(task.note);
  const links = taskLinks(task, names);
  if (links.length) {
    md.appendMarkdown('\n\n');
    md.appendMarkdown(links.map((l) => `[$(link-external) ${escapeLinkText(l.label)}](${l.url})`).join('  \n'));
  }
  return md;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

export interface RenderedItem {
  label: string;
  description?: string;
  collapsed?: boolean;
  checked?: boolean;
  /** The tooltip's text (Markdown source), when the item has one. */
  tooltip?: string;
  /** The icon's id (`warning`), when the item has a theme icon. */
  icon?: string;
  /** The command a click runs, when any. */
  command?: string;
  /** The context value menus match (`phase.current` marks today's phase). */
  contextValue?: string;
  children: RenderedItem[];
}

/**
 * Focuses the view and reveals a phase of the shown series, or one of its tasks; false when the shown
 * series has no such node (no series, or the phase is not drawn).
 */
export async function revealInView(view: vscode.TreeView<ChecklistNode>, provider: ChecklistProvider, phaseId: string, taskId?: string): Promise<boolean> {
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  // In a fresh window the view opens now and draws its nodes a moment later (and evidence or Gerrit
  // answers redraw it): revealing a node the workbench has not drawn yet fails with "Data tree node
  // not found". So wait for the draw, and on that failure wait for the next one and try again.
  for (let attempt = 0; attempt < REVEAL_ATTEMPTS; attempt++) {
    await provider.drawn(DRAW_WAIT_MS);
    provider.rootNodes(); // make sure the phase nodes of the shown series exist
    const phaseNode = provider.phaseNode(phaseId);
    const node = taskId === undefined ? phaseNode : phaseNode && provider.childrenOf(phaseNode).find((n) => n.kind === 'task' && n.task.id === taskId);
    if (!node) return false;
    try {
      await view.reveal(node, { select: true, focus: true, expand: true });
      // A reveal that lands while the workbench swaps the nodes for a redraw "succeeds" on the old
      // node and selects nothing: only a selection of the node counts.
      if (await selected(view, node, SELECTION_WAIT_MS)) return true;
    } catch {
      // The node was not drawn yet ("Data tree node not found"): wait for the next draw.
    }
    provider.refresh({ force: true }); // have the workbench fetch (and draw) the current nodes, then try again
  }
  // The view is open and focused; the workbench never drew the node in time.
  void vscode.window.showInformationMessage(vscode.l10n.t('The Release Cycle view is still drawing: the phase is shown when it is ready. Run Reveal Current Phase again to select it.'));
  return true;
}

const REVEAL_ATTEMPTS = 5;
const DRAW_WAIT_MS = 3000;
const SELECTION_WAIT_MS = 500;

const sameNode = (a: ChecklistNode, b: ChecklistNode) =>
  a.kind === b.kind && (a.kind === 'phase' || a.kind === 'task') && a.phase.id === (b as typeof a).phase.id && (a.kind !== 'task' || a.task.id === (b as typeof a).task.id);

/** Whether `node` is (or becomes, within `ms`) the view's selection. */
function selected(view: vscode.TreeView<ChecklistNode>, node: ChecklistNode, ms: number): Promise<boolean> {
  if (view.selection.some((n) => sameNode(n, node))) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    const subscription = view.onDidChangeSelection((e) => e.selection.some((n) => sameNode(n, node)) && done(true));
  });
}

/** The tree as the provider renders it (labels, descriptions, checkboxes), for the API and tests. */
export function renderTree(provider: ChecklistProvider, node?: ChecklistNode): RenderedItem[] {
  return provider.childrenOf(node).map((child) => {
    const item = provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const checkbox = item.checkboxState;
    const checkState = typeof checkbox === 'object' ? checkbox.state : checkbox;
    return {
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      collapsed: item.collapsibleState === undefined ? undefined : item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed,
      checked: checkState === undefined ? undefined : checkState === vscode.TreeItemCheckboxState.Checked,
      ...(item.tooltip !== undefined && { tooltip: (typeof item.tooltip === 'string' ? item.tooltip : item.tooltip.value).replace(/&nbsp;/g, ' ') }),
      ...(item.iconPath instanceof vscode.ThemeIcon && { icon: item.iconPath.id }),
      ...(item.command && { command: item.command.command }),
      ...(item.contextValue && { contextValue: item.contextValue }),
      children: renderTree(provider, child),
    };
  });
}

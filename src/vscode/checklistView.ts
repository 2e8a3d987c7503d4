// The "Release Cycle" tree: phases with progress, tasks with checkboxes, details as children.
import * as vscode from 'vscode';
import { displayName, phaseProgress, taskLinks, taskText, type Phase, type Task } from '../core/checklist';
import type { ReleaseCycleModel } from './model';
import type { TaskChild, TaskChildSource } from './taskChildren';

export const VIEW_ID = 'glanceReleaseCycle.checklist';

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

  constructor(private readonly model: ReleaseCycleModel) {}

  /** Adds live children under tasks; the tree redraws when the source changes. */
  addSource(source: TaskChildSource): vscode.Disposable {
    this.sources.push(source);
    this.subscriptions.push(source.onDidChange(() => this.refresh()));
    return source;
  }

  refresh(): void {
    this.changed.fire(undefined);
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

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    const data = this.model.snapshot;
    if (!node) {
      if (!data) return [{ kind: 'message', text: 'Loading the release cycle…' }];
      const series = data.shownSeries;
      if (!series) return [{ kind: 'message', text: 'No series for today: pick one with "Show Series…".' }];
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
    const done = this.model.done(series);
    const { done: count, total } = phaseProgress(phase, done);
    const isCurrent = this.model.snapshot?.shownPhaseId === phase.id;
    const item = new vscode.TreeItem(
      phase.title,
      isCurrent ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    // The id holds the series: each series keeps its own expansion state, and a new series starts fresh.
    item.id = `${series}/${phase.id}${isCurrent ? '/current' : ''}`;
    item.description = `${count}/${total}${isCurrent ? ' · current phase' : ''}`;
    item.iconPath = new vscode.ThemeIcon(
      count === total ? 'pass-filled' : isCurrent ? 'target' : 'circle-large-outline',
      isCurrent ? new vscode.ThemeColor('charts.blue') : count === total ? new vscode.ThemeColor('charts.green') : undefined,
    );
    item.tooltip = `${displayName(series)}: ${phase.title} (${count} of ${total} done)${isCurrent ? '\nThis is the current phase.' : ''}`;
    item.contextValue = isCurrent ? 'phase.current' : 'phase';
    return item;
  }

  private taskItem(series: string, task: Task): vscode.TreeItem {
    const names = this.model.names(series);
    const text = taskText(task, names);
    const isDone = this.model.done(series).has(task.id);
    const hasChildren = task.details.length > 0 || task.note !== undefined || this.liveChildren(series, task).length > 0;
    const item = new vscode.TreeItem(text, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${series}/${task.id}`;
    item.checkboxState = isDone ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.tooltip = taskTooltip(text, task, names);
    item.accessibilityInformation = { label: `${isDone ? 'Done' : 'Open'}: ${text}`, role: 'checkbox' };
    const flags = [task.links.length > 0 ? 'links' : '', task.actions.length > 0 ? 'actions' : ''].filter(Boolean);
    item.contextValue = ['task', ...flags].join('.');
    return item;
  }
}

function taskTooltip(text: string, task: Task, names: ReturnType<ReleaseCycleModel['names']>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(text);
  for (const detail of task.details) md.appendMarkdown('\n\n- ').appendText(detail);
  if (task.note) md.appendMarkdown('\n\n> **Note:** ').appendText(task.note);
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
  children: RenderedItem[];
}

/** The tree as the provider renders it (labels, descriptions, checkboxes), for the API and tests. */
export function renderTree(provider: ChecklistProvider, node?: ChecklistNode): RenderedItem[] {
  return provider.getChildren(node).map((child) => {
    const item = provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const checkbox = item.checkboxState;
    const checkState = typeof checkbox === 'object' ? checkbox.state : checkbox;
    return {
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      collapsed: item.collapsibleState === undefined ? undefined : item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed,
      checked: checkState === undefined ? undefined : checkState === vscode.TreeItemCheckboxState.Checked,
      children: renderTree(provider, child),
    };
  });
}

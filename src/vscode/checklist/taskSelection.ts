// The task nodes a tree command acts on: the selection when the clicked node is part of it, else the node.
import type * as vscode from 'vscode';
import type { ChecklistNode } from './checklistView';

export type TaskNode = ChecklistNode & { kind: 'task' };

export function taskNodes(view: vscode.TreeView<ChecklistNode>, node: ChecklistNode | undefined, selected: readonly ChecklistNode[] | undefined): TaskNode[] {
  const nodes = selected && node && selected.includes(node) ? selected : node ? [node] : view.selection;
  return nodes.filter((n): n is TaskNode => n.kind === 'task');
}

// Mark as Done / Mark as Not Done: ticks of the clicked task (or the selection), or of { taskIds } from scripts.
import type * as vscode from 'vscode';
import type { ChecklistNode } from './checklistView';
import type { BaseServices } from '../services';
import { taskNodes } from './taskSelection';

type MarkTarget = ChecklistNode | { taskIds: string[]; series?: string };

export function register(s: BaseServices): vscode.Disposable[] {
  const { model, view } = s;

  /** From the tree: the clicked node and the selection. From scripts: { taskIds, series? }. */
  async function mark(done: boolean, node?: MarkTarget, selected?: readonly ChecklistNode[]): Promise<void> {
    if (node && 'taskIds' in node) {
      const series = node.series ?? model.shownSeries();
      if (series) await s.setTicks(series, node.taskIds.map((taskId) => ({ taskId, done })));
      return;
    }
    const tasks = taskNodes(view, node, selected);
    if (tasks.length === 0) return;
    await s.setTicks(tasks[0].series, tasks.map((t) => ({ taskId: t.task.id, done })));
  }

  return [
    s.registerCommand('glanceReleaseCycle.markDone', (n?: MarkTarget, sel?: ChecklistNode[]) => mark(true, n, sel)),
    s.registerCommand('glanceReleaseCycle.markNotDone', (n?: MarkTarget, sel?: ChecklistNode[]) => mark(false, n, sel)),
  ];
}

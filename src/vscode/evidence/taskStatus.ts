// How a task's done state combines the user's tick, the evidence and the user's explicit "not done".
import type * as vscode from 'vscode';
import type { Evidence } from '../../core/evidence';

export interface TaskStatus {
  /** Shown ticked: ticked by the user, or done by evidence the user did not overrule. */
  done: boolean;
  doneBy?: 'you' | 'evidence';
  evidence?: Evidence;
  /** The evidence says done but the user marked the task not done. */
  overruled: boolean;
  /** Not done and past its deadline. */
  overdue: boolean;
}

/** What the tree and the API ask the evidence service (synchronous: its last evaluation). */
export interface TaskEvidenceSource {
  readonly onDidChange: vscode.Event<void>;
  evidenceOf(series: string, taskId: string): Evidence | undefined;
  isOverruled(series: string, taskId: string): boolean;
}

export function combineStatus(userDone: boolean, evidence: Evidence | undefined, overruled: boolean): TaskStatus {
  const byEvidence = evidence?.state === 'done';
  const done = userDone || (byEvidence && !overruled);
  return {
    done,
    doneBy: userDone ? 'you' : done ? 'evidence' : undefined,
    evidence,
    overruled: byEvidence && overruled && !userDone,
    overdue: !done && evidence?.state === 'overdue',
  };
}

export function statusOf(source: TaskEvidenceSource | undefined, userDone: ReadonlySet<string>, series: string, taskId: string): TaskStatus {
  const evidence = source?.evidenceOf(series, taskId);
  return combineStatus(userDone.has(taskId), evidence, evidence?.state === 'done' && source!.isOverruled(series, taskId));
}

/** Task ids shown done: the user's ticks plus evidence the user did not overrule. */
export function effectiveDone(source: TaskEvidenceSource | undefined, userDone: ReadonlySet<string>, series: string, taskIds: readonly string[]): Set<string> {
  const done = new Set(userDone);
  for (const id of taskIds) if (statusOf(source, userDone, series, id).done) done.add(id);
  return done;
}

// How a task's done state combines the user's tick, the evidence and the user's explicit "not done":
// the one rule the tree, the badge, the status bar's tooltip, the new-phase message and the API share.
import type { Evidence } from '../evidence';

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

/** The last evaluation of the evidence for one series, with the tasks the user marked not done over it. */
export interface EvidenceEvaluation {
  series: string;
  results: ReadonlyMap<string, Evidence>;
  overruled: ReadonlySet<string>;
}

function combineStatus(userDone: boolean, evidence: Evidence | undefined, overruled: boolean): TaskStatus {
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

/** A task's status from the user's ticks of its series and the evidence (when it is about that series). */
export function statusOf(evidence: EvidenceEvaluation | undefined, userDone: ReadonlySet<string>, series: string, taskId: string): TaskStatus {
  const result = evidence?.series === series ? evidence.results.get(taskId) : undefined;
  return combineStatus(userDone.has(taskId), result, result?.state === 'done' && evidence!.overruled.has(taskId));
}

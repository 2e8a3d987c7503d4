// The arguments the openstack/releases commands accept: `{series, taskId}` and the task's
// `actionArgs` from the checklist tree, more from scripts and tests. Read through commandArgs.ts.
import type { ReleaseKind } from './deliverables';
import { isReleaseKind } from './releasePolicy';
import { argsObject, booleanArg, stringArg, stringListArg } from '../commandArgs';

export interface ReleaseCommandArgs {
  series?: string;
  taskId?: string;
  /** Deliverable name (`glance`, `glance-store`, …): skips the pick. */
  deliverable?: string;
  /** The deliverables a task offers (its actionArgs). */
  deliverables?: string[];
  /** The kind to write (skips the pick). */
  kind?: ReleaseKind;
  /** The kind the task suggests (offered first in the pick). */
  suggestedKind?: ReleaseKind;
  /** Whether the task's release usually ends the cycle (the stable branch is offered first). */
  suggestsBranch?: boolean;
  /** Version to write instead of the computed one. */
  version?: string;
  /** Git ref to release (skips the ref input box). */
  ref?: string;
  /** Commit hash (skips the checkout look-up). */
  hash?: string;
  /** Add the stable branch (`stable/<release-id>`) with the release. */
  branch?: boolean;
  bullets?: string[];
  /** `git log --oneline` lines of the release (a release-status row): the commit message lists them. */
  commitLog?: string[];
  /** The tag the commit log starts at. */
  logFrom?: string;
  /** Write despite warnings (no modal). */
  force?: boolean;
  /** Open Deliverable File: also time a fresh search for the checkout (benchmark, tests). */
  measureLocate?: boolean;
}

export function releaseArgs(raw: unknown): ReleaseCommandArgs {
  const a = argsObject(raw);
  // A checklist task's actionArgs (resources/release-cycle.yaml) arrive as `taskArgs`: suggestions only.
  const task = argsObject(a.taskArgs);
  const kind = stringArg(a, 'kind');
  const suggested = stringArg(task, 'kind');
  return {
    series: stringArg(a, 'series'),
    taskId: stringArg(a, 'taskId'),
    deliverable: stringArg(a, 'deliverable'),
    deliverables: stringListArg(a, 'deliverables') ?? stringListArg(task, 'deliverables'),
    kind: isReleaseKind(kind) ? kind : undefined,
    suggestedKind: isReleaseKind(suggested) ? suggested : undefined,
    suggestsBranch: booleanArg(task, 'branch'),
    version: stringArg(a, 'version'),
    ref: stringArg(a, 'ref'),
    hash: stringArg(a, 'hash'),
    branch: booleanArg(a, 'branch'),
    bullets: stringListArg(a, 'bullets'),
    commitLog: stringListArg(a, 'commitLog'),
    logFrom: stringArg(a, 'logFrom'),
    force: booleanArg(a, 'force'),
    measureLocate: booleanArg(a, 'measureLocate'),
  };
}

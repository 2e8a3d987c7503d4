// Rules by name, and which task uses which rule. Adding a rule: one pure function here plus data.
import type { RuleContext } from './context';
import { currentReleaseConstant } from './rules/currentRelease';
import { cycleHighlights } from './rules/highlights';
import { preludeNote } from './rules/prelude';
import { finalRc, finalRelease, libraryFinalRelease, libraryReleases, rc1Release, releaseCandidates } from './rules/releases';
import type { Evidence, TaskEvidenceSpec } from './types';

export type EvidenceRule = (args: Record<string, unknown> | undefined, ctx: RuleContext) => Evidence;

/** Every rule takes an optional `deadline`: a schedule event without its letter ('rc1' -> 'i-rc1'). */
export const EVIDENCE_RULES: Record<string, EvidenceRule> = {
  'current-release-constant': currentReleaseConstant,
  'prelude-note': preludeNote,
  'cycle-highlights': cycleHighlights,
  'rc1-release': rc1Release,
  'library-final-release': libraryFinalRelease,
  'library-releases': libraryReleases,
  'final-release': finalRelease,
  'final-rc': finalRc,
  'release-candidates': releaseCandidates,
};

/**
 * The mapping used until resources/release-cycle.yaml carries `evidence:` on its tasks (task ids of
 * that file). Tasks not named here leave no evidence the extension can read.
 */
export const DEFAULT_TASK_EVIDENCE: Record<string, TaskEvidenceSpec> = {
  'current-release-constant': { rule: 'current-release-constant', args: { deadline: '1' } },
  'm1-library-releases': { rule: 'library-releases', args: { deliverables: ['glance-store', 'python-glanceclient'], deadline: 'final-lib' } },
  'm2-library-releases': { rule: 'library-releases', args: { deliverables: ['glance-store', 'python-glanceclient'], deadline: 'final-lib' } },
  'm3-client-release': { rule: 'library-final-release', args: { deliverable: 'python-glanceclient', deadline: 'final-clientlib' } },
  'm3-prelude': { rule: 'prelude-note', args: { deadline: 'rc1' } },
  'm3-start-highlights': { rule: 'cycle-highlights', args: { deliverable: 'glance' } },
  'add-cycle-highlights': { rule: 'cycle-highlights', args: { deliverable: 'glance', deadline: 'cycle-highlights' } },
  'rc1-release': { rule: 'rc1-release', args: { deliverable: 'glance', deadline: 'rc1' } },
  'rc1-finalize-highlights': { rule: 'cycle-highlights', args: { deliverable: 'glance', deadline: 'cycle-highlights' } },
  'additional-rcs': { rule: 'release-candidates', args: { deliverable: 'glance', deadline: 'finalrc' } },
  'final-rc-request': { rule: 'final-rc', args: { deliverable: 'glance', deadline: 'finalrc' } },
  'watch-final-proposal': { rule: 'final-release', args: { deliverable: 'glance', deadline: 'final' } },
};

/** Checks a task's `evidence:` value from the checklist data: the spec, or why it is not one. */
export function checkEvidenceSpec(raw: unknown): { spec: TaskEvidenceSpec } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'expected a mapping {rule, args}' };
  const { rule, args } = raw as { rule?: unknown; args?: unknown };
  if (typeof rule !== 'string' || !Object.prototype.hasOwnProperty.call(EVIDENCE_RULES, rule)) {
    return { problem: `unknown rule ${JSON.stringify(rule)}; known: ${Object.keys(EVIDENCE_RULES).join(', ')}` };
  }
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) return { problem: 'args must be a mapping' };
  return { spec: args === undefined ? { rule } : { rule, args: args as Record<string, unknown> } };
}

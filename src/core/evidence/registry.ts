// Evidence rules by name, and the check of a task's `evidence: { rule, args }` in resources/release-cycle.yaml
// (the data says which task uses which rule). Adding a rule: a pure function in rules/, its name here.
import type { RuleContext } from './context';
import { botPatchesMerged } from './rules/botPatches';
import { currentReleaseConstant } from './rules/currentRelease';
import { cycleHighlights } from './rules/highlights';
import { preludeNote } from './rules/prelude';
import { finalRc, finalRelease, libraryFinalRelease, libraryReleases, rc1Release, releaseCandidates } from './rules/releases';
import type { Evidence, TaskEvidenceSpec } from './types';
import { t } from '../l10n';

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
  'bot-patches-merged': botPatchesMerged,
};


/** Checks a task's `evidence:` value from the checklist data: the spec, or why it is not one. */
export function checkEvidenceSpec(raw: unknown): { spec: TaskEvidenceSpec } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: t('expected a mapping {rule, args}') };
  const { rule, args } = raw as { rule?: unknown; args?: unknown };
  if (typeof rule !== 'string' || !Object.prototype.hasOwnProperty.call(EVIDENCE_RULES, rule)) {
    return { problem: t('unknown rule {0}; known: {1}', JSON.stringify(rule), Object.keys(EVIDENCE_RULES).join(', ')) };
  }
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) return { problem: t('args must be a mapping') };
  return { spec: args === undefined ? { rule } : { rule, args: args as Record<string, unknown> } };
}

// Evidence that a release task is done, read from files (issue 14). Pure: no vscode, no I/O, never throws.
import { RuleContext } from './context';
import { EVIDENCE_RULES, type EvidenceRule } from './registry';
import type { Evidence, EvidenceInput, TaskEvidenceSpec } from './types';
import { t } from '../l10n';

export { checkEvidenceSpec, EVIDENCE_RULES, type EvidenceRule } from './registry';
export { noteProblem } from './rules/prelude';
export * from './types';

/** Evidence for every task that has a spec; a failing rule gives `unknown` with its reason. */
export function evaluateEvidence(
  input: EvidenceInput,
  /** Task id -> its rule, from the tasks' `evidence:` in resources/release-cycle.yaml. */
  specs: Record<string, TaskEvidenceSpec>,
  rules: Record<string, EvidenceRule> = EVIDENCE_RULES,
): Map<string, Evidence> {
  const ctx = new RuleContext(input);
  const out = new Map<string, Evidence>();
  for (const [taskId, spec] of Object.entries(specs)) {
    const rule = Object.prototype.hasOwnProperty.call(rules, spec.rule) ? rules[spec.rule] : undefined;
    if (!rule) {
      out.set(taskId, { state: 'unknown', text: t('No evidence rule "{0}".', spec.rule) });
      continue;
    }
    try {
      out.set(taskId, rule(spec.args, ctx));
    } catch (error) {
      out.set(taskId, { state: 'unknown', text: t('Evidence rule "{0}" failed: {1}.', spec.rule, error instanceof Error ? error.message : String(error)) });
    }
  }
  return out;
}

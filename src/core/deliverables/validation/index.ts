// Entry point of the openstack/releases validation rules (the offline part of `tox -e validate`).
import { buildContext } from './context';
import { parseDeliverableText } from './parse';
import { runRules } from './rules';
import { RULES_SOURCE, type ValidationInput } from './types';
import type { Problem } from '../../problem';
import { msg } from '../../l10n';

export type { GitFacts, SeriesStatusEntry, ValidationInput } from './types';
export { allowedKinds, type KindVerdict } from './allowedKinds';
export { parseDeliverableText } from './parse';
export { readSeriesStatus } from './seriesStatus';

/** All findings for a deliverable file, by line. Never throws. */
export function validateRequest(input: ValidationInput): Problem[] {
  const findings: Problem[] = [];
  try {
    const parsed = parseDeliverableText(input.text);
    findings.push(...parsed.findings);
    if (parsed.fatal) return findings;
    runRules(buildContext(input, parsed.model, findings));
  } catch {
    findings.push({ rule: 'parse', severity: 'error', message: msg('The file could not be checked.'), line: 1, column: 1, source: RULES_SOURCE });
  }
  // Stable: rules that report on the same line keep the order they ran in.
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

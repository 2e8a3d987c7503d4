// Which release kinds the rules allow next, with the reason for each refused kind: each candidate
// version is appended to the parsed file and the rules run on it.
import { kindLabel, kindsFor, nextVersion, VersionError, type ReleaseKind } from '../deliverables';
import { buildContext, isMilestoneBased, isSpecialTag } from './context';
import { parseDeliverableText, type ParsedDeliverable, type ParsedRelease } from './parse';
import { runRules } from './rules';
import { stableStatus } from './series';
import type { ValidationInput } from './types';
import type { Problem } from '../../problem';
import { highestVersion, versionKey } from './versions';
import { messageText, t } from '../../l10n';

export interface KindVerdict {
  kind: ReleaseKind;
  label: string;
  /** The version this kind would get, when one can be computed. */
  version?: string;
  allowed: boolean;
  /** Why the kind is refused (empty when allowed). */
  reasons: string[];
}

const ALL_KINDS: ReleaseKind[] = ['milestone', 'rc', 'final', 'bugfix', 'feature', 'major'];
/** Line given to the candidate release, to tell its findings from the file's own. */
const CANDIDATE_LINE = 1_000_000_000;

/** The version to count from: this file's last release, else the previous series' final (RC models) or highest. */
function baseVersion(deliv: ParsedDeliverable, model: string, previous?: ParsedDeliverable): string | undefined {
  const own = deliv.releases.filter((r) => !isSpecialTag(r.version)).at(-1)?.version;
  if (own !== undefined) return own;
  const versions = (previous?.releases ?? []).map((r) => r.version);
  if (isMilestoneBased(model)) {
    const finals = versions.filter((v) => /^\d+\.0\.0$/.test(v));
    if (finals.length) return highestVersion(finals);
  }
  return highestVersion(versions);
}

export function allowedKinds(input: ValidationInput): KindVerdict[] {
  const parsed = parseDeliverableText(input.text);
  const model = parsed.model.fields.get('release-model')?.value ?? '';
  const offered = kindsFor(model);
  const previous = input.previous?.[0] ? parseDeliverableText(input.previous[0].text).model : undefined;
  const base = baseVersion(parsed.model, model, previous);
  return ALL_KINDS.map((kind) => {
    const verdict: KindVerdict = { kind, label: kindLabel(kind), allowed: false, reasons: [] };
    if (parsed.fatal) {
      verdict.reasons.push(t('The file cannot be read as a deliverable.'));
      return verdict;
    }
    if (!offered.includes(kind)) verdict.reasons.push(t('Not used by the {0} release model.', model || t('unspecified')));
    try {
      verdict.version = nextVersion(kind, base);
    } catch (err) {
      verdict.reasons.push(err instanceof VersionError ? err.message : t('No version can be computed.'));
      return verdict;
    }
    if (versionKey(verdict.version) === undefined) verdict.reasons.push(t('The computed version is not canonical.'));
    verdict.reasons.push(...refusals(input, parsed.model, kind, verdict.version));
    verdict.allowed = verdict.reasons.length === 0;
    return verdict;
  });
}

function refusals(input: ValidationInput, deliv: ParsedDeliverable, kind: ReleaseKind, version: string): string[] {
  const last = deliv.releases.at(-1);
  const repos = deliv.repos.length ? deliv.repos : (last?.projects.flatMap((p) => (p.repo ? [p.repo] : [])) ?? []);
  // A final release re-tags the last commit; any 40-hex hash serves the other kinds.
  const projects = repos.map((repo) => ({ repo, hash: last?.projects.find((p) => p.repo === repo)?.hash ?? '0'.repeat(40), line: CANDIDATE_LINE }));
  const candidate: ParsedRelease = { version, line: CANDIDATE_LINE, projects, flags: [] };
  const withCandidate: ParsedDeliverable = { ...deliv, releases: [...deliv.releases, candidate] };
  const findings: Problem[] = [];
  const ctx = buildContext({ ...input, committedText: undefined, isNewRelease: (v) => v === version, git: undefined }, withCandidate, findings);
  const reasons: string[] = [];
  if ((kind === 'milestone' || kind === 'rc') && !ctx.isCurrent && stableStatus(ctx) !== 'future') {
    reasons.push(t('Milestones and release candidates belong to the series in development, not {0}.', ctx.series));
  }
  // Progression rules only run for the series in development: ask them as if this one were.
  if (!ctx.isCurrent && stableStatus(ctx) === 'development') ctx.isCurrent = true;
  runRules(ctx);
  for (const f of findings) if (f.severity === 'error' && f.line === CANDIDATE_LINE) reasons.push(messageText(f.message));
  return [...new Set(reasons)];
}

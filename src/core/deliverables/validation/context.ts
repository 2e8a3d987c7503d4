// What every rule needs: the parsed file, facts about its series, which releases are new, and a
// place to put findings.
import { parseDeliverableText, type ParsedDeliverable, type ParsedRelease } from './parse';
import { RULES_SOURCE, type SeriesStatusEntry, type ValidationInput } from './types';
import type { Problem, Severity } from '../../problem';
import type { Message } from '../../l10n';

export interface RuleContext {
  input: ValidationInput;
  deliv: ParsedDeliverable;
  /** Series directory without a leading underscore (`independent` for `_independent`). */
  series: string;
  isIndependent: boolean;
  /** `release-model`, '' when missing; `independent` in `_independent` (unless abandoned). */
  model: string;
  /** `type`, or `tempest-plugin` when the name says so (as the release tools decide). */
  type: string;
  stableBranchType: string;
  artifactLinkMode: string;
  seriesInfo?: SeriesStatusEntry;
  /** The series in development (the release tools' `defaults.RELEASE`). */
  isCurrent: boolean;
  isNew(release: ParsedRelease): boolean;
  /** Whether the request tags anything (the release tools skip most rules otherwise). */
  anyNew: boolean;
  /** Some release is an `-em`, `-eom` or `-eol` tag: validate.py's `@skip_em_eom_eol_tags` rules are skipped. */
  endOfLifeTagging: boolean;
  /** validate.py's get_release_type, as far as the file tells (puppet and npm modules need the repository). */
  releaseType: string;
  previous?: { series: string; deliv: ParsedDeliverable; seriesInfo?: SeriesStatusEntry };
  /** The committed version of this file, when the caller passed it. */
  committed?: ParsedDeliverable;
  field(key: string): string | undefined;
  fieldLine(key: string): number;
  report(rule: string, severity: Severity, message: Message, line: number): void;
  findings: Problem[];
}

export const isEol = (v: string) => v.endsWith('-eol');
/** `-em` (before 2023) and `-eom` (end of maintenance, since). */
export const isEm = (v: string) => v.endsWith('-em') || v.endsWith('-eom');
const isLast = (v: string) => v.endsWith('-last');
export const isSpecialTag = (v: string) => isEol(v) || isEm(v) || isLast(v);
/** The release tools' test: any `rc`, `a` or `b` in the text. */
export const isPreRelease = (v: string) => !isSpecialTag(v) && /rc|a|b/.test(v);
export const isMilestoneBased = (model: string) => model === 'cycle-with-milestones' || model === 'cycle-with-rc';
/** validate.py's `skip_em_eom_eol_tags` test: the text anywhere in a version, not only at its end. */
const hasEndOfLifeTag = (versions: readonly string[]) => versions.some((v) => v.includes('-em') || v.includes('-eom') || v.includes('-eol'));

const TYPE_TO_RELEASE_TYPE: Record<string, string> = { library: 'python-pypi', service: 'python-service', 'horizon-plugin': 'horizon' };

/** validate.py's get_release_type without the repository: explicit, from `type`, from `include-pypi-link`. */
function releaseTypeOf(field: (key: string) => string | undefined, type: string): string {
  const explicit = field('release-type');
  if (explicit !== undefined) return explicit;
  const fromType = TYPE_TO_RELEASE_TYPE[type];
  if (fromType) return fromType;
  // The gate reads YAML 1.2: only `true` is true (`yes` is text, which Python also takes as true).
  const pypi = field('include-pypi-link');
  if (pypi !== undefined && pypi !== '' && pypi !== 'false') return 'python-pypi';
  return 'python-service';
}

/** The series in development, else the newest one that is not in the future. */
function currentSeries(status: readonly SeriesStatusEntry[]): string | undefined {
  return (status.find((s) => s.status === 'development') ?? status.find((s) => s.status !== 'future'))?.name;
}

/** Names a stable branch of `series` may carry: `stable/<release-id>` (2023 on) or `stable/<codename>`. */
export function stableNames(series: string, info?: SeriesStatusEntry): string[] {
  return info?.releaseId ? [info.releaseId, series] : [series];
}

export function buildContext(input: ValidationInput, deliv: ParsedDeliverable, findings: Problem[]): RuleContext {
  const series = input.series.replace(/^_/, '');
  const isIndependent = series === 'independent';
  const field = (key: string) => deliv.fields.get(key)?.value;
  const rawModel = field('release-model') ?? '';
  const model = isIndependent && rawModel !== 'abandoned' ? 'independent' : rawModel;
  // deliverable.py's `type`: tempest plugins by name, cycle-trailing deliverables are `trailing`.
  const type = input.deliverable.includes('tempest-plugin') ? 'tempest-plugin' : model === 'cycle-trailing' ? 'trailing' : (field('type') ?? 'other');
  const seriesInfo = input.seriesStatus.find((s) => s.name === series);
  const committed = input.committedText !== undefined ? parseDeliverableText(input.committedText).model : undefined;
  const isNew = newnessOf(input, deliv, committed);
  const prev = input.previous?.[0];
  const previous = prev ? { series: prev.series, deliv: parseDeliverableText(prev.text).model, seriesInfo: input.seriesStatus.find((s) => s.name === prev.series) } : undefined;
  return {
    input,
    deliv,
    series,
    isIndependent,
    model,
    type,
    stableBranchType: field('stable-branch-type') ?? 'std',
    artifactLinkMode: field('artifact-link-mode') ?? 'tarball',
    seriesInfo,
    isCurrent: (input.currentSeries ?? currentSeries(input.seriesStatus)) === series,
    isNew,
    anyNew: deliv.releases.some(isNew),
    endOfLifeTagging: hasEndOfLifeTag(deliv.releases.map((r) => r.version)),
    releaseType: releaseTypeOf(field, type),
    previous,
    committed,
    field,
    fieldLine: (key) => deliv.fields.get(key)?.line ?? 1,
    report: (rule, severity, message, line) => findings.push({ rule, severity, message, line: Math.max(1, line), column: 1, source: RULES_SOURCE }),
    findings,
  };
}

/**
 * What the gate calls new: a release whose tag does not exist in the project's repository (asked of a
 * local clone, when every answer is known); else a release absent from the committed file (the file
 * at the merge-base with the upstream branch); else the last release.
 */
function newnessOf(input: ValidationInput, deliv: ParsedDeliverable, committed?: ParsedDeliverable): (r: ParsedRelease) => boolean {
  const given = input.isNewRelease;
  if (typeof given === 'function') return (r) => given(r.version);
  if (given) return (r) => given.has(r.version);
  const tagCommit = input.git?.tagCommit;
  if (tagCommit) {
    const byTag = new Map<ParsedRelease, boolean>();
    for (const r of deliv.releases) {
      const answers = r.projects.flatMap((p) => (p.repo === undefined ? [] : [tagCommit(p.repo, r.version)]));
      if (answers.length && answers.every((a) => a !== undefined)) byTag.set(r, answers.some((a) => a === null));
    }
    if (byTag.size === deliv.releases.length && byTag.size > 0) return (r) => byTag.get(r) === true;
  }
  if (committed) {
    const old = new Set(committed.releases.map((r) => r.version));
    return (r) => !old.has(r.version);
  }
  // Unknown: a request normally appends one release, so the last one is taken as the new one.
  const last = deliv.releases.at(-1);
  return (r) => r === last;
}

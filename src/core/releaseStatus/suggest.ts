// The next version of a branch and its kind (issue 20):
//  - libraries and clients (cycle-with-intermediary): reno's semver-next rule on the notes added since
//    the tag, at least a feature release when a minimum in requirements.txt rose, and no release when
//    only CI, translations or docs changed;
//  - glance (cycle-with-rc): on master the next milestone, or the RC once the phase reaches
//    Milestone-3 → RC1 (then withReleaseRules: what the release rules allow in the series' file); on a
//    stable branch another RC while the last tag is one, else a bugfix release (feature when the notes
//    or requirements say so).
import { nextVersion, parseVersion, VersionError } from '../deliverables/deliverables';
import { t } from '../l10n';
import { needsRelease } from './commitKinds';
import type { RequirementChange } from './requirements';
import { applyBump, renoBump, RENO_DEFAULTS, type Bump, type SemverSections } from './semverNext';
import type { RawCommit, SuggestedKind, Suggestion } from './types';

export interface SuggestInput {
  releaseModel?: string;
  branch: string;
  lastRelease?: string;
  /** Non-merge commits since lastRelease. */
  count: number;
  /** The commits read (at most the cap). */
  commits: readonly RawCommit[];
  /** Whether more commits exist than were read (then "trivial only" is never concluded). */
  truncated: boolean;
  /** The filled sections of each note added since the tag. */
  notes: ReadonlyArray<readonly string[]>;
  sections?: SemverSections;
  raised: readonly RequirementChange[];
  /** Today's phase of the series in development (glance on master). */
  phaseId?: string;
}

/** Phases from which glance's master asks for an RC rather than a milestone. */
const RC_PHASES = new Set(['m3-to-rc1', 'rc1-week', 'rc1-to-final', 'final-release']);

const KIND_OF_BUMP: Record<Exclude<Bump, 'none'>, SuggestedKind> = { major: 'major', minor: 'feature', patch: 'bugfix' };

function bumpReasons(bump: Bump, raised: readonly RequirementChange[]): string[] {
  const out: string[] = [];
  if (bump === 'major') out.push(t('a release note has an upgrade (major) section'));
  if (bump === 'minor') out.push(t('a release note has a features section'));
  if (bump === 'patch') out.push(t('a release note has a fixes section'));
  for (const r of raised.slice(0, 3)) out.push(r.change === 'raised' ? t('requirements.txt raises {0} to {1}', r.name, r.to ?? '?') : t('requirements.txt adds {0}', r.name));
  return out;
}

function safeNext(kind: 'milestone' | 'rc' | 'bugfix' | 'feature', last: string): string | undefined {
  try {
    return nextVersion(kind, last);
  } catch (error) {
    if (error instanceof VersionError) return undefined;
    throw error;
  }
}

export function suggest(input: SuggestInput): Suggestion {
  if (input.count === 0) return { kind: 'none', reasons: [t('nothing merged since the last release')] };
  const trivialOnly = !input.truncated && input.commits.length > 0 && !input.commits.some(needsRelease) && input.notes.length === 0;
  if (trivialOnly) return { kind: 'none', reasons: [t('only CI, translation or documentation changes')] };
  const last = input.lastRelease;
  if (!last) return { kind: 'bugfix', reasons: [t('no tag on the branch: type the version')] };
  const fromNotes = renoBump(input.notes, input.sections ?? RENO_DEFAULTS);
  const reasons = bumpReasons(fromNotes, input.raised);
  const bump: Bump = input.raised.length && (fromNotes === 'none' || fromNotes === 'patch') ? 'minor' : fromNotes;
  if (input.releaseModel === 'cycle-with-rc') return serviceSuggestion(input, last, bump, reasons);
  // reno leaves the version alone without notes; merged code still asks for a bugfix release.
  const effective: Exclude<Bump, 'none'> = bump === 'none' ? 'patch' : bump;
  if (bump === 'none') reasons.push(t('code changes without release notes'));
  return { kind: KIND_OF_BUMP[effective], version: applyBump(last, effective), reasons };
}

function serviceSuggestion(input: SuggestInput, last: string, bump: Bump, reasons: string[]): Suggestion {
  const v = parseVersion(last);
  if (!v) return { kind: 'bugfix', reasons: [t('the last tag {0} is not a release version: type the version', last)] };
  if (input.branch === 'master') {
    if (v.pre?.kind === 'b' && input.phaseId && RC_PHASES.has(input.phaseId)) {
      return { kind: 'rc', version: safeNext('rc', last), reasons: [t('the phase allows the first release candidate')] };
    }
    if (v.pre?.kind === 'rc') {
      // The RC1 tag sits where stable/<id> branched: master's next release is the next cycle's first milestone.
      return { kind: 'milestone', version: `${v.major + 1}.0.0.0b1`, reasons: [t('master is the next cycle after the RC1')] };
    }
    return { kind: 'milestone', version: safeNext('milestone', last), reasons: [t('the next milestone of the cycle')] };
  }
  if (v.pre) return { kind: 'rc', version: safeNext('rc', last), reasons: [t('another RC? {0} is the last release candidate', last)] };
  const kind = bump === 'major' || bump === 'minor' ? 'feature' : 'bugfix';
  return { kind, version: safeNext(kind, last), reasons: reasons.length ? reasons : [t('a bugfix release of the stable branch')] };
}

/** What the release rules said of one kind (core/deliverables/validation/allowedKinds.ts). */
export interface RuleVerdict {
  kind: string;
  version?: string;
  allowed: boolean;
  reasons: readonly string[];
}

/**
 * glance's master, asked of the release rules on the series' deliverable file (which may already hold a
 * release the clone has no tag for yet): a milestone or RC the rules refuse gives way to the other one
 * when that is allowed, with the rules' reason; the version is the one the file leads to.
 */
export function withReleaseRules(suggestion: Suggestion, verdicts: readonly RuleVerdict[]): Suggestion {
  if (suggestion.kind !== 'milestone' && suggestion.kind !== 'rc') return suggestion;
  const verdict = (kind: string) => verdicts.find((v) => v.kind === kind);
  const own = verdict(suggestion.kind);
  if (!own) return suggestion;
  // After the RC1, master's next release opens the next cycle: this series' file has no say in it.
  const major = (version?: string) => version?.split('.')[0];
  const fileMajor = major(own.version ?? verdicts.find((v) => v.version)?.version);
  if (suggestion.version && fileMajor && major(suggestion.version) !== fileMajor) return suggestion;
  if (own.allowed) {
    const version = own.version ?? suggestion.version;
    return version === suggestion.version ? suggestion : { ...suggestion, version, reasons: [...suggestion.reasons, t('the deliverable file leads to {0}', version ?? '?')] };
  }
  const refusal = own.reasons[0] ?? t('refused by the release rules');
  const other = verdict(suggestion.kind === 'rc' ? 'milestone' : 'rc');
  if (other?.allowed) {
    const why = suggestion.kind === 'rc' ? t('the release rules refuse a release candidate: {0}', refusal) : t('the release rules refuse a milestone: {0}', refusal);
    return { kind: other.kind as 'milestone' | 'rc', version: other.version, reasons: [why] };
  }
  return { ...suggestion, reasons: [...suggestion.reasons, t('the release rules refuse it: {0}', refusal)] };
}

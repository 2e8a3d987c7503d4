// Rules about version numbers and their order: version-numbers, series-first,
// pre-release-progression, series-final, new-releases-at-end.
import { isEm, isEol, isMilestoneBased, isPreRelease, isSpecialTag, type RuleContext } from './context';
import { isCanonicalVersion, looksLikePreVersion, PBR_RELEASE_TYPES } from './versionForms';
import type { ParsedRelease } from './parse';
import { q } from './text';
import { msg, type Message } from '../../l10n';

/** validate.py's _USES_PREVER: models whose versions may carry a pre-release part (`.0b1`, `.0rc1`). */
const USES_PRE_VERSIONS = new Set(['cycle-with-milestones', 'cycle-trailing', 'cycle-with-rc', 'independent']);

/** pbr's canonical release form: 1.2.3, 1.2.3.0a1, 1.2.3.0b1 or 1.2.3.0rc1, no leading zeros. */
const CANONICAL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.0(a|b|rc)([1-9]\d*))?$/;

/** Sort key of a canonical version, or undefined. Pre-releases sort before their final. */
export function versionKey(v: string): number[] | undefined {
  const m = CANONICAL.exec(v);
  if (!m) return undefined;
  const rank = m[4] === 'a' ? 0 : m[4] === 'b' ? 1 : m[4] === 'rc' ? 2 : 3;
  return [Number(m[1]), Number(m[2]), Number(m[3]), rank, m[5] ? Number(m[5]) : 0];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The highest canonical version of a list (special tags skipped). */
export function highestVersion(versions: readonly string[]): string | undefined {
  let best: { v: string; k: number[] } | undefined;
  for (const v of versions) {
    const k = versionKey(v);
    if (k && (!best || compareKeys(k, best.k) > 0)) best = { v, k };
  }
  return best?.v;
}

/** series_status.get_stable_branch_id: the release-id, else the name. */
const stableId = (ctx: RuleContext) => ctx.seriesInfo?.releaseId ?? ctx.series;

/** An -eol/-eom/-em/-last tag names the series it closes (the release-id; the code name for -em). */
function checkSpecialTag(ctx: RuleContext, release: ParsedRelease): void {
  const v = release.version;
  const label = isEol(v) ? 'EOL' : v.endsWith('-eom') ? 'EOM' : isEm(v) ? 'EM' : 'LAST';
  if (ctx.isIndependent) {
    ctx.report('version-numbers', 'warning', msg('{0} tag {1} on an independent deliverable: its branch is not checked.', label, q(v)), release.line);
    return;
  }
  if (label === 'LAST') {
    if (v !== `${stableId(ctx)}-last`) ctx.report('version-numbers', 'error', msg('LAST tag {0} should be named after the series (e.g. {1}-last).', q(v), stableId(ctx)), release.line);
    const status = ctx.seriesInfo?.status;
    if (status !== 'extended maintenance' && status !== 'end of life' && status !== 'unmaintained') {
      ctx.report('version-numbers', 'error', msg('LAST tag {0} is only allowed on a series that is unmaintained or end of life.', q(v)), release.line);
    }
    return;
  }
  const tagSeries = v.slice(0, v.lastIndexOf('-'));
  const expected = label === 'EM' ? ctx.series : stableId(ctx);
  if (tagSeries !== expected) ctx.report('version-numbers', 'error', msg('{0} tag {1} does not refer to the {2} series.', label, q(v), ctx.series), release.line);
}

/**
 * validate_version_numbers: each new version is canonical for the release type, and a pre-release
 * only where the model has them. Plus, beyond the gate: a new version above every version of the
 * previous series' file (Gazpacho's 31.0.0.0b2 after Flamingo's 31.0.0).
 */
export function validateVersionNumbers(ctx: RuleContext): void {
  if (!ctx.anyNew) return;
  const prevHighest = ctx.previous && !ctx.isIndependent ? highestVersion(ctx.previous.deliv.releases.map((r) => r.version)) : undefined;
  const prevKey = prevHighest ? versionKey(prevHighest) : undefined;
  const releaseType = PBR_RELEASE_TYPES.has(ctx.releaseType) || ctx.releaseType === 'xstatic' ? ctx.releaseType : 'python-service';
  for (const release of ctx.deliv.releases) {
    const v = release.version;
    if (isSpecialTag(v)) {
      checkSpecialTag(ctx, release);
      continue;
    }
    if (!ctx.isNew(release)) continue;
    // The gate checks once per repository of the release.
    for (let i = 0; i < Math.max(1, release.projects.length); i++) {
      if (!USES_PRE_VERSIONS.has(ctx.model) && looksLikePreVersion(v)) {
        ctx.report('version-numbers', 'error', msg('Pre-release version {0} is not allowed for release model {1}.', q(v), q(ctx.model || 'none')), release.line);
      }
      if (releaseType !== ctx.releaseType) ctx.report('version-numbers', 'error', msg('Unknown release-type {0}: the version is checked as python-service.', q(ctx.releaseType)), release.line);
      if (!isCanonicalVersion(v, releaseType)) {
        ctx.report(
          'version-numbers',
          'error',
          releaseType === 'xstatic'
            ? msg('Version {0} is not in the canonical form of PEP 440 (release-type xstatic).', q(v))
            : msg('Version {0} is not in the canonical form 1.2.3 (or 1.2.3.0b1, 1.2.3.0rc1 for pre-releases).', q(v)),
          release.line,
        );
      }
    }
    const key = versionKey(v);
    if (key && prevKey && compareKeys(key, prevKey) <= 0) {
      ctx.report('version-numbers', 'error', msg('Version {0} must be greater than {1}, the highest version of the previous series ({2}).', q(v), q(prevHighest), ctx.previous!.series), release.line);
    }
  }
}

/**
 * Beyond the gate, a warning: a new version of a cycle-based deliverable below one listed before it
 * in the same series (independent deliverables release bug fixes of older lines, so they are not asked).
 */
export function validateVersionOrder(ctx: RuleContext): void {
  if (!ctx.anyNew || ctx.isIndependent) return;
  let highest: number[] | undefined;
  for (const release of ctx.deliv.releases) {
    const key = versionKey(release.version);
    if (!key) continue;
    if (highest && ctx.isNew(release) && compareKeys(key, highest) <= 0) {
      ctx.report('version-order', 'warning', msg('New version {0} is not greater than the versions listed before it.', q(release.version)), release.line);
    }
    if (!highest || compareKeys(key, highest) > 0) highest = key;
  }
}

export function validateSeriesFirst(ctx: RuleContext): void {
  if (!ctx.anyNew || ctx.isIndependent || ctx.type === 'tempest-plugin' || ctx.deliv.releases.length !== 1) return;
  const release = ctx.deliv.releases[0];
  if (isSpecialTag(release.version)) return;
  const patch = release.version.slice(release.version.lastIndexOf('.') + 1);
  if (!(patch === '0' || patch.startsWith('0b') || patch.startsWith('0rc'))) {
    ctx.report(
      'series-first',
      'error',
      msg('The first release of a series must raise at least the minor version, or be a beta or RC: {0}.', q(release.version)),
      release.line,
    );
  }
}

export function validatePreReleaseProgression(ctx: RuleContext): void {
  if (!ctx.anyNew || !ctx.isCurrent || ctx.isIndependent || !isMilestoneBased(ctx.model)) return;
  const releases = ctx.deliv.releases;
  if (releases.length === 0) return;
  const current = releases[releases.length - 1];
  if (releases.length === 1) {
    if (!isPreRelease(current.version)) {
      ctx.report('pre-release-progression', 'error', msg('A milestone-based deliverable needs a release candidate before its final release.'), current.line);
    }
    return;
  }
  const previous = releases[releases.length - 2];
  const cur = current.version;
  const prev = previous.version;
  let label: Message, before: Message, allowed: Array<'a' | 'b' | 'rc' | 'final'>;
  if (cur.includes('rc')) [label, before, allowed] = [msg('Release candidate'), msg('a beta or release candidate'), ['b', 'rc']];
  else if (cur.includes('b')) [label, before, allowed] = [msg('Beta'), msg('an alpha or beta'), ['a', 'b']];
  else if (cur.includes('a')) [label, before, allowed] = [msg('Alpha'), msg('an alpha'), ['a']];
  else [label, before, allowed] = [msg('Final'), msg('a release candidate or final'), ['rc', 'final']];
  const ok = allowed.some((p) => (p === 'final' ? !isPreRelease(prev) : prev.includes(p)));
  if (!ok) ctx.report('pre-release-progression', 'error', msg('{0} version {1} must come after {2} version, not {3}.', label, q(cur), before, q(prev)), current.line);
}

export function validateSeriesFinal(ctx: RuleContext): void {
  const releases = ctx.deliv.releases;
  if (!ctx.anyNew || releases.length < 2) return;
  const current = releases[releases.length - 1];
  const previous = releases[releases.length - 2];
  if (current.version.includes('rc') || !previous.version.includes('rc')) return;
  const byRepo = (r: ParsedRelease) => [...r.projects].sort((a, b) => (a.repo ?? '').localeCompare(b.repo ?? ''));
  const cur = byRepo(current);
  const prev = byRepo(previous);
  for (let i = 0; i < Math.min(cur.length, prev.length); i++) {
    if (cur[i].repo !== prev[i].repo) {
      ctx.report('series-final', 'error', msg('{0} does not match {1}: the final release must tag the same repositories as {2}.', q(cur[i].repo), q(prev[i].repo), q(previous.version)), cur[i].line);
    } else if (cur[i].hash !== prev[i].hash) {
      ctx.report('series-final', 'error', msg('{0} of {1} must tag the same commit as {2}.', q(current.version), q(cur[i].repo), q(previous.version)), cur[i].line);
    }
  }
}

export function validateNewReleasesAtEnd(ctx: RuleContext): void {
  const releases = ctx.deliv.releases;
  const last = releases[releases.length - 1];
  for (const release of releases) {
    if (release !== last && ctx.isNew(release)) {
      ctx.report('new-releases-at-end', 'error', msg('New release {0} must be listed last, with one new release per request.', q(release.version)), release.line);
    }
  }
}

// The rules in the order the release tools run them, and the runner that keeps one failing rule
// from hiding the others.
import { validateBranchPrefixes, validateFeatureBranches, validateStableBranches } from './branches';
import type { RuleContext } from './context';
import { msg } from '../../l10n';
import { validateSeriesEm, validateSeriesEol, validateSeriesEom } from './endOfLife';
import { validateBranchPoints, validateExistingTags, validateReleaseBranchMembership, validateReleaseShaExists } from './git';
import { validateBugtracker, validateModel, validateNotAbandoned, validateReleaseNotes, validateReleaseType, validateTeam } from './model';
import { validateNewReleases, validateNewReleasesInOpenSeries, validateRc1StableBranch, validateSeriesOpen } from './series';
import { validateNewReleasesAtEnd, validatePreReleaseProgression, validateSeriesFinal, validateSeriesFirst, validateVersionNumbers, validateVersionOrder } from './versions';

/** In validate.py's order (its main()); the offline part of each, or the part a local clone answers. */
const RULES: ReadonlyArray<[string, (ctx: RuleContext) => void]> = [
  ['bugtracker', validateBugtracker],
  ['team', validateTeam],
  ['release-notes', validateReleaseNotes],
  ['release-model', validateModel],
  ['release-type', validateReleaseType],
  ['not-abandoned', validateNotAbandoned],
  ['release-sha-exists', validateReleaseShaExists],
  ['existing-tags', validateExistingTags],
  ['version-numbers', validateVersionNumbers],
  ['version-order', validateVersionOrder],
  ['new-releases-at-end', validateNewReleasesAtEnd],
  ['new-releases-in-open-series', validateNewReleasesInOpenSeries],
  ['release-branch-membership', validateReleaseBranchMembership],
  ['new-releases', validateNewReleases],
  ['series-open', validateSeriesOpen],
  ['series-first', validateSeriesFirst],
  ['series-final', validateSeriesFinal],
  ['pre-release-progression', validatePreReleaseProgression],
  ['series-eol', validateSeriesEol],
  ['series-eom', validateSeriesEom],
  ['series-em', validateSeriesEm],
  ['branch-prefixes', validateBranchPrefixes],
  ['stable-branches', validateStableBranches],
  ['feature-branches', validateFeatureBranches],
  ['branch-points', validateBranchPoints],
  ['rc1-stable-branch', validateRc1StableBranch],
];

export function runRules(ctx: RuleContext): void {
  for (const [name, rule] of RULES) {
    try {
      rule(ctx);
    } catch {
      // A bug in one rule must not cost the user the other findings.
      ctx.report(name, 'warning', msg('The {0} check failed unexpectedly and was skipped.', name), 1);
    }
  }
}

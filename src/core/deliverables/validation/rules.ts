// The rules in the order the release tools run them, and the runner that keeps one failing rule
// from hiding the others.
import { validateBranchPrefixes, validateFeatureBranches, validateStableBranches } from './branches';
import type { RuleContext } from './context';
import { t } from '../../l10n';
import { validateBranchPoints, validateReleaseBranchMembership, validateReleaseShaExists } from './git';
import { validateModel, validateReleaseType, validateTeam } from './model';
import { validateNewReleases, validateNewReleasesInOpenSeries, validateRc1StableBranch, validateSeriesOpen } from './series';
import { validateNewReleasesAtEnd, validatePreReleaseProgression, validateSeriesFinal, validateSeriesFirst, validateVersionNumbers } from './versions';

const RULES: ReadonlyArray<[string, (ctx: RuleContext) => void]> = [
  ['team', validateTeam],
  ['release-model', validateModel],
  ['release-type', validateReleaseType],
  ['release-sha-exists', validateReleaseShaExists],
  ['version-numbers', validateVersionNumbers],
  ['new-releases-at-end', validateNewReleasesAtEnd],
  ['new-releases-in-open-series', validateNewReleasesInOpenSeries],
  ['release-branch-membership', validateReleaseBranchMembership],
  ['new-releases', validateNewReleases],
  ['series-open', validateSeriesOpen],
  ['series-first', validateSeriesFirst],
  ['series-final', validateSeriesFinal],
  ['pre-release-progression', validatePreReleaseProgression],
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
      ctx.report(name, 'warning', t('The {0} check failed unexpectedly and was skipped.', name), 1);
    }
  }
}

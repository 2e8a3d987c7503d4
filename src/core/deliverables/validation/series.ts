// Rules about the series a file belongs to: series-open, new-releases-in-open-series, new-releases,
// rc1-stable-branch.
import { isMilestoneBased, isSpecialTag, stableNames, type RuleContext } from './context';
import { q } from './text';
import { msg } from '../../l10n';

const isBranchless = (ctx: RuleContext) => ctx.type === 'tempest-plugin' || ctx.stableBranchType === 'none';

export function validateSeriesOpen(ctx: RuleContext): void {
  // Branchless deliverables (tempest plugins) never get the stable branch this rule looks for.
  if (!ctx.anyNew || !ctx.isCurrent || ctx.isIndependent || !ctx.previous || isBranchless(ctx)) return;
  const { series, deliv, seriesInfo } = ctx.previous;
  const names = stableNames(series, seriesInfo).map((s) => `stable/${s}`);
  if (deliv.branches.some((b) => names.includes(b.name))) return;
  const line = ctx.deliv.releases.find(ctx.isNew)?.line ?? ctx.fieldLine('releases');
  ctx.report('series-open', 'warning', msg('There is no {0} branch in the {1} file. Is the {2} series open?', names[0], series, ctx.series), line);
}

/** `stable-status`, else the series status; abandoned deliverables are end of life. */
export function stableStatus(ctx: RuleContext): string | undefined {
  if (ctx.model === 'abandoned') return 'end of life';
  return ctx.field('stable-status') ?? (ctx.isIndependent ? 'development' : ctx.seriesInfo?.status);
}

export function validateNewReleasesInOpenSeries(ctx: RuleContext): void {
  const status = stableStatus(ctx);
  if (ctx.endOfLifeTagging || !ctx.anyNew || status === undefined || status === 'development' || status === 'maintained') return;
  const fresh = ctx.deliv.releases.filter((r) => ctx.isNew(r) && !isSpecialTag(r.version));
  if (fresh.length) {
    ctx.report('new-releases-in-open-series', 'error', msg('{0} has status "{1}" for {2}: no new releases can be tagged.', ctx.input.deliverable, status, ctx.series), fresh[0].line);
  }
}

export function validateNewReleases(ctx: RuleContext): void {
  const last = ctx.deliv.releases.at(-1);
  if (!last || !ctx.isCurrent || ctx.endOfLifeTagging) return;
  const actual = new Set(last.projects.flatMap((p) => (p.repo === undefined ? [] : [p.repo])));
  const governance = ctx.input.governanceRepos;
  if (governance && ctx.artifactLinkMode !== 'none' && !governance.length) {
    ctx.report('new-releases', 'error', msg('Deliverable {0} is not in the governance list.', q(ctx.input.deliverable)), 1);
  }
  for (const repo of actual) {
    if (governance && !governance.includes(repo)) ctx.report('new-releases', 'warning', msg('Release {0} includes {1}, which is not in the governance list.', q(last.version), q(repo)), last.line);
  }
  for (const repo of governance ?? []) {
    if (!actual.has(repo)) ctx.report('new-releases', 'warning', msg('Release {0} is missing {1}, which the governance list has.', q(last.version), q(repo)), last.line);
  }
  for (const p of last.projects) {
    if (p.repo !== undefined && !ctx.deliv.repos.includes(p.repo)) {
      ctx.report('new-releases', 'error', msg('Release {0} includes a repository that is not in repository-settings.', last.version.slice(0, 40)), p.line);
    }
  }
  for (const repo of ctx.deliv.repos) {
    if (!actual.has(repo)) {
      ctx.report('new-releases', 'error', msg('Release {0} is missing a repository of repository-settings: {1}.', last.version.slice(0, 40), repo.slice(0, 40)), last.line);
    }
  }
}

export function validateRc1StableBranch(ctx: RuleContext): void {
  const last = ctx.deliv.releases.at(-1);
  if (!last || ctx.isIndependent || !isMilestoneBased(ctx.model) || !ctx.isNew(last) || !/^\d+\.0\.0\.0rc1$/.test(last.version)) return;
  const names = stableNames(ctx.series, ctx.seriesInfo).map((s) => `stable/${s}`);
  if (ctx.deliv.branches.some((b) => names.includes(b.name))) return;
  ctx.report(
    'rc1-stable-branch',
    'warning',
    msg('RC1 {0} without its {1} branch: create the branch at {2} in the same request.', last.version, names[0], last.version),
    last.line,
  );
}

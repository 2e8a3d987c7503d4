// Rules about the series a file belongs to: series-open, new-releases-in-open-series, new-releases,
// rc1-stable-branch.
import { isMilestoneBased, isSpecialTag, stableNames, type RuleContext } from './context';

const isBranchless = (ctx: RuleContext) => ctx.type === 'tempest-plugin' || ctx.stableBranchType === 'none';

export function validateSeriesOpen(ctx: RuleContext): void {
  // Branchless deliverables (tempest plugins) never get the stable branch this rule looks for.
  if (!ctx.anyNew || !ctx.isCurrent || ctx.isIndependent || !ctx.previous || isBranchless(ctx)) return;
  const { series, deliv, seriesInfo } = ctx.previous;
  const names = stableNames(series, seriesInfo).map((s) => `stable/${s}`);
  if (deliv.branches.some((b) => names.includes(b.name))) return;
  const line = ctx.deliv.releases.find(ctx.isNew)?.line ?? ctx.fieldLine('releases');
  ctx.report('series-open', 'warning', `There is no ${names[0]} branch in the ${series} file. Is the ${ctx.series} series open?`, line);
}

/** `stable-status`, else the series status; abandoned deliverables are end of life. */
export function stableStatus(ctx: RuleContext): string | undefined {
  if (ctx.model === 'abandoned') return 'end of life';
  return ctx.field('stable-status') ?? (ctx.isIndependent ? 'development' : ctx.seriesInfo?.status);
}

export function validateNewReleasesInOpenSeries(ctx: RuleContext): void {
  const status = stableStatus(ctx);
  if (!ctx.anyNew || status === undefined || status === 'development' || status === 'maintained') return;
  const fresh = ctx.deliv.releases.filter((r) => ctx.isNew(r) && !isSpecialTag(r.version));
  if (fresh.length) {
    ctx.report('new-releases-in-open-series', 'error', `${ctx.input.deliverable} has status "${status}" for ${ctx.series}: no new releases can be tagged.`, fresh[0].line);
  }
}

export function validateNewReleases(ctx: RuleContext): void {
  const last = ctx.deliv.releases.at(-1);
  if (!last || !ctx.isCurrent || isSpecialTag(last.version)) return;
  const actual = new Set(last.projects.flatMap((p) => (p.repo === undefined ? [] : [p.repo])));
  for (const p of last.projects) {
    if (p.repo !== undefined && !ctx.deliv.repos.includes(p.repo)) {
      ctx.report('new-releases', 'error', `Release ${last.version.slice(0, 40)} includes a repository that is not in repository-settings.`, p.line);
    }
  }
  for (const repo of ctx.deliv.repos) {
    if (!actual.has(repo)) {
      ctx.report('new-releases', 'error', `Release ${last.version.slice(0, 40)} is missing a repository of repository-settings: ${repo.slice(0, 40)}.`, last.line);
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
    `RC1 ${last.version} without its ${names[0]} branch: create the branch at ${last.version} in the same request.`,
    last.line,
  );
}

// Rules about `branches`: branch-prefixes, stable-branches, feature-branches.
import { isEol, stableNames, type RuleContext } from './context';
import type { ParsedBranch } from './parse';
import { HASH, q } from './text';

/** `unmaintained/` joined the list when unmaintained branches replaced extended maintenance (2023). */
const PREFIXES = new Set(['stable', 'feature', 'bugfix', 'unmaintained']);
const NO_STABLE_BRANCH_CHECK = new Set(['gnocchi', 'rally', 'puppet-pacemaker', 'openstack/tenks']);

export function validateBranchPrefixes(ctx: RuleContext): void {
  for (const b of ctx.deliv.branches) {
    const prefix = b.name.split('/')[0];
    if (!PREFIXES.has(prefix)) {
      ctx.report('branch-prefixes', 'error', `Branch ${q(b.name)} does not start with one of ${[...PREFIXES].join('/, ')}/.`, b.line);
    }
  }
}

/**
 * Whether the branch is created by this request: from `committedText` when given, else from git
 * (the branch missing from every repository), else when its location is a release new in this request.
 */
function isNewBranch(ctx: RuleContext, b: ParsedBranch): boolean {
  if (ctx.committed) return !ctx.committed.branches.some((c) => c.name === b.name);
  const git = ctx.input.git?.branches;
  if (git && ctx.deliv.repos.length) {
    const answers = ctx.deliv.repos.map((r) => git(r));
    if (answers.every((a) => a !== undefined)) return !answers.every((a) => a!.includes(b.name));
  }
  return typeof b.location === 'string' && ctx.deliv.releases.some((r) => r.version === b.location && ctx.isNew(r));
}

export function validateStableBranches(ctx: RuleContext): void {
  const branches = ctx.deliv.branches;
  if (NO_STABLE_BRANCH_CHECK.has(ctx.field('launchpad') ?? '') || NO_STABLE_BRANCH_CHECK.has(ctx.field('storyboard') ?? '')) return;
  if (ctx.type === 'tempest-plugin' && branches.length) {
    ctx.report('stable-branches', 'error', 'Tempest plugins do not support branching.', branches[0].line);
    return;
  }
  const mode = ctx.stableBranchType;
  if (mode === 'none' && branches.length) {
    ctx.report('stable-branches', 'error', 'Deliverables with stable-branch-type none do not support stable branches.', branches[0].line);
    return;
  }
  const last = ctx.deliv.releases.at(-1);
  if (last && isEol(last.version)) return;
  const known = new Set(ctx.input.seriesStatus.flatMap((s) => (s.releaseId ? [s.name, s.releaseId] : [s.name])));
  for (const b of branches) {
    const parts = b.name.split('/');
    if (parts.length !== 2) {
      ctx.report('stable-branches', 'error', `Branch names are prefix/name, got ${q(b.name)}.`, b.line);
      continue;
    }
    const [prefix, series] = parts;
    if (prefix !== 'stable' && prefix !== 'bugfix') continue;
    const loc = b.location;
    if (mode === 'std' || mode === 'std-with-versions') {
      if (typeof loc !== 'string') {
        ctx.report('stable-branches', 'error', `The location of ${q(b.name)} must be a version.`, b.line);
      }
      if (!ctx.deliv.repos.length) {
        ctx.report('stable-branches', 'error', `Branch ${q(b.name)} cannot be checked without repository-settings.`, b.line);
        return;
      }
      if (isNewBranch(ctx, b) && !ctx.isIndependent && prefix !== 'bugfix' && last && loc !== last.version) {
        ctx.report('stable-branches', 'error', `Stable branches start at the latest release: ${q(b.name)} at ${q(typeof loc === 'string' ? loc : '(mapping)')} is not ${q(last.version)}.`, b.line);
      }
    } else if (mode === 'tagless') {
      if (typeof loc !== 'object') {
        ctx.report('stable-branches', 'error', `The location of ${q(b.name)} must be a mapping of repository to commit.`, b.line);
        continue;
      }
      for (const [repo, hash] of Object.entries(loc)) {
        if (!HASH.test(hash)) ctx.report('stable-branches', 'error', `Tagless branch ${q(b.name)} of ${q(repo)} must start at a commit hash.`, b.line);
        else if (ctx.input.git?.commitExists?.(repo, hash) === false) {
          ctx.report('stable-branches', 'error', `Commit ${hash.slice(0, 12)} for ${q(b.name)} does not exist in ${q(repo)}.`, b.line);
        }
      }
    } else if (mode === 'upstream') {
      if (typeof loc !== 'string') ctx.report('stable-branches', 'error', `The location of ${q(b.name)} must be a version.`, b.line);
    } else {
      ctx.report('stable-branches', 'error', `Unknown stable-branch-type ${q(mode)}.`, ctx.fieldLine('stable-branch-type'));
      return;
    }
    if (mode === 'upstream') continue;
    if (ctx.isIndependent) {
      if (!known.has(series)) ctx.report('stable-branches', 'error', `Stable branches are named after a known series: ${q(series)} is not one.`, b.line);
    } else if (!stableNames(ctx.series, ctx.seriesInfo).includes(series)) {
      const expected = `stable/${stableNames(ctx.series, ctx.seriesInfo)[0]}`;
      if (mode === 'std-with-versions' && typeof loc === 'string') {
        const minor = loc.split('.').slice(0, 2).join('.');
        if (series !== minor) ctx.report('stable-branches', 'error', `${q(b.name)} should be ${expected} or bugfix/${minor.slice(0, 20)}.`, b.line);
      } else {
        ctx.report('stable-branches', 'error', `Branches of a cycle-based deliverable are named after the series: ${q(b.name)} should be ${expected}.`, b.line);
      }
    }
  }
}

export function validateFeatureBranches(ctx: RuleContext): void {
  if (ctx.type === 'tempest-plugin') return; // reported once, by stable-branches
  for (const b of ctx.deliv.branches) {
    const parts = b.name.split('/');
    if (parts.length !== 2 || parts[0] !== 'feature') continue;
    if (typeof b.location !== 'object') {
      ctx.report('feature-branches', 'error', `The location of ${q(b.name)} must be a mapping of repository to commit.`, b.line);
      continue;
    }
    for (const [repo, hash] of Object.entries(b.location)) {
      if (!HASH.test(hash)) ctx.report('feature-branches', 'error', `Feature branch ${q(b.name)} of ${q(repo)} must start at a commit hash.`, b.line);
      else if (ctx.input.git?.commitExists?.(repo, hash) === false) {
        ctx.report('feature-branches', 'error', `Commit ${hash.slice(0, 12)} for ${q(b.name)} does not exist in ${q(repo)}.`, b.line);
      }
    }
  }
}

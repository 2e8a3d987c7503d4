// Rules about `branches`: branch-prefixes, stable-branches, feature-branches.
import { isEol, stableNames, type RuleContext } from './context';
import type { ParsedBranch } from './parse';
import { HASH, q } from './text';
import { msg } from '../../l10n';

/** `unmaintained/` joined the list when unmaintained branches replaced extended maintenance (2023). */
const PREFIXES = new Set(['stable', 'feature', 'bugfix', 'unmaintained']);
const NO_STABLE_BRANCH_CHECK = new Set(['gnocchi', 'rally', 'puppet-pacemaker', 'openstack/tenks']);

export function validateBranchPrefixes(ctx: RuleContext): void {
  for (const b of ctx.deliv.branches) {
    const prefix = b.name.split('/')[0];
    if (!PREFIXES.has(prefix)) {
      ctx.report('branch-prefixes', 'error', msg('Branch {0} does not start with one of {1}/.', q(b.name), [...PREFIXES].join('/, ')), b.line);
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

/** validate.py's _is_branch_with_release_id: `stable/2023.1`, any year (the gate does not tie it to the series). */
const isReleaseIdBranch = (prefix: string, id: string) => prefix === 'stable' && /^[0-9]{4}.[1-2]$/.test(id);

export function validateStableBranches(ctx: RuleContext): void {
  const branches = ctx.deliv.branches;
  if (NO_STABLE_BRANCH_CHECK.has(ctx.field('launchpad') ?? '') || NO_STABLE_BRANCH_CHECK.has(ctx.field('storyboard') ?? '')) return;
  if (ctx.type === 'tempest-plugin' && branches.length) {
    ctx.report('stable-branches', 'error', msg('Tempest plugins do not support branching.'), branches[0].line);
    return;
  }
  const mode = ctx.stableBranchType;
  if (mode === 'none' && branches.length) {
    ctx.report('stable-branches', 'error', msg('Deliverables with stable-branch-type none do not support stable branches.'), branches[0].line);
    return;
  }
  const last = ctx.deliv.releases.at(-1);
  if (last && isEol(last.version)) return;
  // The gate lists the folders of deliverables/ (code names, not release-ids).
  const known = new Set(ctx.input.seriesStatus.map((s) => s.name));
  for (const b of branches) {
    const parts = b.name.split('/');
    if (parts.length !== 2) {
      ctx.report('stable-branches', 'error', msg('Branch names are prefix/name, got {0}.', q(b.name)), b.line);
      continue;
    }
    const [prefix, series] = parts;
    if (prefix !== 'stable' && prefix !== 'bugfix') continue;
    const loc = b.location;
    if (mode === 'std' || mode === 'std-with-versions') {
      if (typeof loc !== 'string') {
        ctx.report('stable-branches', 'error', msg('The location of {0} must be a version.', q(b.name)), b.line);
      }
      if (!ctx.deliv.repos.length) {
        ctx.report('stable-branches', 'error', msg('Branch {0} cannot be checked without repository-settings.', q(b.name)), b.line);
        return;
      }
      // A branch that exists already is not checked again.
      if (!isNewBranch(ctx, b)) continue;
      if (!ctx.isIndependent && prefix !== 'bugfix') {
        if (!last) ctx.report('stable-branches', 'error', msg('Branch {0} needs a release of this series to start from (or stable-branch-type tagless).', q(b.name)), b.line);
        else if (loc !== last.version) {
          ctx.report('stable-branches', 'error', msg('Stable branches start at the latest release: {0} at {1} is not {2}.', q(b.name), typeof loc === 'string' ? q(loc) : msg('(mapping)'), q(last.version)), b.line);
        }
      }
    } else if (mode === 'tagless') {
      if (typeof loc !== 'object') {
        ctx.report('stable-branches', 'error', msg('The location of {0} must be a mapping of repository to commit.', q(b.name)), b.line);
        continue;
      }
      for (const [repo, hash] of Object.entries(loc)) {
        if (!HASH.test(hash)) ctx.report('stable-branches', 'error', msg('Tagless branch {0} of {1} must start at a commit hash.', q(b.name), q(repo)), b.line);
        else if (ctx.input.git?.commitExists?.(repo, hash) === false) {
          ctx.report('stable-branches', 'error', msg('Commit {0} for {1} does not exist in {2}.', hash.slice(0, 12), q(b.name), q(repo)), b.line);
        }
      }
    } else if (mode === 'upstream') {
      if (typeof loc !== 'string') ctx.report('stable-branches', 'error', msg('The location of {0} must be a version.', q(b.name)), b.line);
      continue; // the gate skips the name check for upstream branches
    } else {
      ctx.report('stable-branches', 'error', msg('Unknown stable-branch-type {0}.', q(mode)), ctx.fieldLine('stable-branch-type'));
    }
    if (ctx.isIndependent) {
      if (!known.has(series)) ctx.report('stable-branches', 'error', msg('Stable branches are named after a known series: {0} is not one.', q(series)), b.line);
    } else if (series !== ctx.series) {
      const expected = `stable/${stableNames(ctx.series, ctx.seriesInfo)[0]}`;
      if (mode === 'std-with-versions') {
        const minor = typeof loc === 'string' ? loc.split('.').slice(0, 2).join('.') : '';
        if (series !== minor && !isReleaseIdBranch(prefix, series)) ctx.report('stable-branches', 'error', msg('{0} should be {1} or bugfix/{2}.', q(b.name), expected, minor.slice(0, 20)), b.line);
      } else if (!((mode === 'std' || mode === 'tagless') && isReleaseIdBranch(prefix, series))) {
        ctx.report('stable-branches', 'error', msg('Branches of a cycle-based deliverable are named after the series: {0} should be {1}.', q(b.name), expected), b.line);
      } else if (isNewBranch(ctx, b) && !stableNames(ctx.series, ctx.seriesInfo).includes(series)) {
        // The gate takes any stable/YYYY.N; a new one of another series is most likely a slip.
        ctx.report('stable-branch-series', 'warning', msg('{0} is not the branch of {1}: it should be {2}.', q(b.name), ctx.series, expected), b.line);
      }
    }
  }
}

export function validateFeatureBranches(ctx: RuleContext): void {
  // The gate reports a tempest plugin's branches here too.
  if (ctx.type === 'tempest-plugin' && ctx.deliv.branches.length) {
    ctx.report('feature-branches', 'error', msg('Tempest plugins do not support branching.'), ctx.deliv.branches[0].line);
    return;
  }
  for (const b of ctx.deliv.branches) {
    const parts = b.name.split('/');
    if (parts.length !== 2) {
      ctx.report('feature-branches', 'error', msg('Branch names are prefix/name, got {0}.', q(b.name)), b.line);
      continue;
    }
    if (parts[0] !== 'feature') continue;
    if (typeof b.location !== 'object') {
      ctx.report('feature-branches', 'error', msg('The location of {0} must be a mapping of repository to commit.', q(b.name)), b.line);
      continue;
    }
    for (const [repo, hash] of Object.entries(b.location)) {
      if (!HASH.test(hash)) ctx.report('feature-branches', 'error', msg('Feature branch {0} of {1} must start at a commit hash.', q(b.name), q(repo)), b.line);
      else if (ctx.input.git?.commitExists?.(repo, hash) === false) {
        ctx.report('feature-branches', 'error', msg('Commit {0} for {1} does not exist in {2}.', hash.slice(0, 12), q(b.name), q(repo)), b.line);
      }
    }
  }
}

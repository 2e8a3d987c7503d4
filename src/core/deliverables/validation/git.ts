// Rules that need git, over answers the caller computed beforehand (GitFacts): release-sha-exists,
// release-branch-membership, branch-points. An unknown answer skips the check.
import type { RuleContext } from './context';
import { HASH, q } from './text';
import { msg } from '../../l10n';

export function validateReleaseShaExists(ctx: RuleContext): void {
  if (!ctx.anyNew) return;
  const exists = ctx.input.git?.commitExists;
  for (const release of ctx.deliv.releases) {
    for (const p of release.projects) {
      if (p.hash === undefined || p.repo === undefined) continue; // reported by the parser
      if (!HASH.test(p.hash)) {
        ctx.report('release-sha-exists', 'error', msg('Release {0} of {1} is from {2}, which is not a 40-character commit hash.', q(release.version), q(p.repo), q(p.hash)), p.line);
      } else if (exists?.(p.repo, p.hash) === false) {
        const clone = ctx.input.clone;
        const proposed = ctx.input.proposedAt;
        if (clone && proposed && (!clone.fetchedAt || clone.fetchedAt < proposed)) {
          // The clone may simply not have it yet: say so, as information.
          const when = clone.fetchedAt ? clone.fetchedAt.slice(0, 10) : msg('never');
          ctx.report('release-sha-exists', 'information', msg('{0} is not in your {1} clone, last fetched {2}: run git fetch there.', p.hash.slice(0, 12), clone.name, when), p.line);
        } else {
          ctx.report('release-sha-exists', 'error', msg('No commit {0} in {1}.', p.hash.slice(0, 12), q(p.repo)), p.line);
        }
      }
    }
  }
}

/** gitutils.get_full_branch_name: `unmaintained/<id>` once the series is unmaintained, else `stable/<id>`. */
function seriesBranch(ctx: RuleContext): string {
  return `${ctx.seriesInfo?.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${ctx.seriesInfo?.releaseId ?? ctx.series}`;
}

/**
 * gitutils.check_branch_sha: the commit is on the series' branch, or that branch does not exist yet
 * and the commit is on master. Undefined when git cannot tell.
 */
function onSeriesBranch(ctx: RuleContext, repo: string, hash: string): boolean | undefined {
  const git = ctx.input.git;
  const asked = git?.onSeriesBranch?.(repo, hash, ctx.series);
  if (asked !== undefined || !git?.branchesContaining || !git.branches) return asked;
  const containing = git.branchesContaining(repo, hash);
  const all = git.branches(repo);
  if (!containing || !all) return undefined;
  const branch = seriesBranch(ctx);
  if (containing.includes(branch)) return true;
  return !all.includes(branch) && containing.includes('master');
}

export function validateReleaseBranchMembership(ctx: RuleContext): void {
  const git = ctx.input.git;
  if (!git || !ctx.deliv.releases.length) return;
  // skip_eom_tag_when_series_eom
  if (ctx.seriesInfo?.status === 'unmaintained' && ctx.deliv.releases.some((r) => r.version.includes('-eom'))) return;
  if (ctx.isIndependent) {
    ctx.report('release-branch-membership', 'warning', msg('Independent deliverable: check by hand that each commit is on the right branch.'), ctx.fieldLine('releases'));
    return;
  }
  const previousHash = new Map<string, { version: string; hash: string }>();
  for (const release of ctx.deliv.releases) {
    if (ctx.isNew(release)) {
      for (const p of release.projects) {
        if (p.repo === undefined || p.hash === undefined || !HASH.test(p.hash)) continue;
        if (onSeriesBranch(ctx, p.repo, p.hash) === false) {
          ctx.report('release-branch-membership', 'error', msg('Commit {0} of {1} is not on the {2} branch.', p.hash.slice(0, 12), q(p.repo), seriesBranch(ctx)), p.line);
        }
        const prev = previousHash.get(p.repo);
        if (prev && prev.hash !== p.hash && git.isAncestor?.(p.repo, prev.hash, p.hash) === false) {
          ctx.report('release-branch-membership', 'error', msg('Commit {0} for {1} is not a descendant of {2}.', p.hash.slice(0, 12), q(release.version), q(prev.version)), p.line);
        }
      }
    }
    for (const p of release.projects) if (p.repo !== undefined && p.hash !== undefined) previousHash.set(p.repo, { version: release.version, hash: p.hash });
  }
}

/** validate_existing_tags: a tag that exists already points at the commit the file gives. */
export function validateExistingTags(ctx: RuleContext): void {
  const tagCommit = ctx.input.git?.tagCommit;
  if (!tagCommit) return;
  for (const release of ctx.deliv.releases) {
    for (const p of release.projects) {
      if (p.repo === undefined || p.hash === undefined) continue;
      const actual = tagCommit(p.repo, release.version);
      if (actual && actual !== p.hash) {
        ctx.report('existing-tags', 'error', msg('Version {0} in {1} is on commit {2}, not {3}.', q(release.version), q(p.repo), actual.slice(0, 12), p.hash.slice(0, 12)), p.line);
      }
    }
  }
}

export function validateBranchPoints(ctx: RuleContext): void {
  const git = ctx.input.git;
  if (!git?.branchesContaining || !git.branches || ctx.stableBranchType === 'upstream') return;
  for (const b of ctx.deliv.branches) {
    const parts = b.name.split('/');
    if (parts.length !== 2 || parts[0] !== 'stable') continue;
    let points: Record<string, string> | undefined;
    if (typeof b.location === 'object') points = b.location;
    else {
      const release = ctx.deliv.releases.find((r) => r.version === b.location);
      if (release) points = Object.fromEntries(release.projects.flatMap((p) => (p.repo && p.hash ? [[p.repo, p.hash]] : [])));
    }
    for (const [repo, hash] of Object.entries(points ?? {})) {
      const existing = git.branches(repo);
      const containing = git.branchesContaining(repo, hash);
      if (!existing || !containing) continue;
      for (const missing of ['master', b.name]) {
        if (containing.includes(missing) || !existing.includes(missing)) continue;
        if (existing.includes(b.name)) {
          ctx.report('branch-points', 'error', msg('{0} exists in {1} and does not seem to have been created from {2}.', q(b.name), q(repo), hash.slice(0, 12)), b.line);
        } else {
          ctx.report('branch-points', 'error', msg('Commit {0} is not on {1} but is the branch point of {2}.', hash.slice(0, 12), q(missing), q(b.name)), b.line);
        }
      }
    }
  }
}

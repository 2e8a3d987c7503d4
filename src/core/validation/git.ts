// Rules that need git, over answers the caller computed beforehand (GitFacts): release-sha-exists,
// release-branch-membership, branch-points. An unknown answer skips the check.
import type { RuleContext } from './context';
import { HASH, q } from './text';

export function validateReleaseShaExists(ctx: RuleContext): void {
  if (!ctx.anyNew) return;
  const exists = ctx.input.git?.commitExists;
  for (const release of ctx.deliv.releases) {
    for (const p of release.projects) {
      if (p.hash === undefined || p.repo === undefined) continue; // reported by the parser
      if (!HASH.test(p.hash)) {
        ctx.report('release-sha-exists', 'error', `Release ${q(release.version)} of ${q(p.repo)} is from ${q(p.hash)}, which is not a 40-character commit hash.`, p.line);
      } else if (exists?.(p.repo, p.hash) === false) {
        ctx.report('release-sha-exists', 'error', `No commit ${p.hash.slice(0, 12)} in ${q(p.repo)}.`, p.line);
      }
    }
  }
}

export function validateReleaseBranchMembership(ctx: RuleContext): void {
  const git = ctx.input.git;
  if (!git || !ctx.deliv.releases.length) return;
  if (ctx.isIndependent) {
    ctx.report('release-branch-membership', 'information', 'Independent deliverable: check by hand that each commit is on the right branch.', ctx.fieldLine('releases'));
    return;
  }
  const previousHash = new Map<string, { version: string; hash: string }>();
  for (const release of ctx.deliv.releases) {
    if (ctx.isNew(release)) {
      for (const p of release.projects) {
        if (p.repo === undefined || p.hash === undefined || !HASH.test(p.hash)) continue;
        if (git.onSeriesBranch?.(p.repo, p.hash, ctx.series) === false) {
          ctx.report('release-branch-membership', 'error', `Commit ${p.hash.slice(0, 12)} of ${q(p.repo)} is not on the ${ctx.series} branch.`, p.line);
        }
        const prev = previousHash.get(p.repo);
        if (prev && prev.hash !== p.hash && git.isAncestor?.(p.repo, prev.hash, p.hash) === false) {
          ctx.report('release-branch-membership', 'error', `Commit ${p.hash.slice(0, 12)} for ${q(release.version)} is not a descendant of ${q(prev.version)}.`, p.line);
        }
      }
    }
    for (const p of release.projects) if (p.repo !== undefined && p.hash !== undefined) previousHash.set(p.repo, { version: release.version, hash: p.hash });
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
          ctx.report('branch-points', 'error', `${q(b.name)} exists in ${q(repo)} and does not seem to have been created from ${hash.slice(0, 12)}.`, b.line);
        } else {
          ctx.report('branch-points', 'error', `Commit ${hash.slice(0, 12)} is not on ${q(missing)} but is the branch point of ${q(b.name)}.`, b.line);
        }
      }
    }
  }
}

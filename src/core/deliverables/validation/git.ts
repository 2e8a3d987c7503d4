// Rules that need git, over answers the caller computed beforehand (GitFacts): release-sha-exists,
// release-branch-membership, branch-points. An unknown answer skips the check.
import type { RuleContext } from './context';
import { HASH, q } from './text';
import { t } from '../../l10n';

export function validateReleaseShaExists(ctx: RuleContext): void {
  if (!ctx.anyNew) return;
  const exists = ctx.input.git?.commitExists;
  for (const release of ctx.deliv.releases) {
    for (const p of release.projects) {
      if (p.hash === undefined || p.repo === undefined) continue; // reported by the parser
      if (!HASH.test(p.hash)) {
        ctx.report('release-sha-exists', 'error', t('Release {0} of {1} is from {2}, which is not a 40-character commit hash.', q(release.version), q(p.repo), q(p.hash)), p.line);
      } else if (exists?.(p.repo, p.hash) === false) {
        ctx.report('release-sha-exists', 'error', t('No commit {0} in {1}.', p.hash.slice(0, 12), q(p.repo)), p.line);
      }
    }
  }
}

export function validateReleaseBranchMembership(ctx: RuleContext): void {
  const git = ctx.input.git;
  if (!git || !ctx.deliv.releases.length) return;
  if (ctx.isIndependent) {
    ctx.report('release-branch-membership', 'information', t('Independent deliverable: check by hand that each commit is on the right branch.'), ctx.fieldLine('releases'));
    return;
  }
  const previousHash = new Map<string, { version: string; hash: string }>();
  for (const release of ctx.deliv.releases) {
    if (ctx.isNew(release)) {
      for (const p of release.projects) {
        if (p.repo === undefined || p.hash === undefined || !HASH.test(p.hash)) continue;
        if (git.onSeriesBranch?.(p.repo, p.hash, ctx.series) === false) {
          ctx.report('release-branch-membership', 'error', t('Commit {0} of {1} is not on the {2} branch.', p.hash.slice(0, 12), q(p.repo), ctx.series), p.line);
        }
        const prev = previousHash.get(p.repo);
        if (prev && prev.hash !== p.hash && git.isAncestor?.(p.repo, prev.hash, p.hash) === false) {
          ctx.report('release-branch-membership', 'error', t('Commit {0} for {1} is not a descendant of {2}.', p.hash.slice(0, 12), q(release.version), q(prev.version)), p.line);
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
          ctx.report('branch-points', 'error', t('{0} exists in {1} and does not seem to have been created from {2}.', q(b.name), q(repo), hash.slice(0, 12)), b.line);
        } else {
          ctx.report('branch-points', 'error', t('Commit {0} is not on {1} but is the branch point of {2}.', hash.slice(0, 12), q(missing), q(b.name)), b.line);
        }
      }
    }
  }
}

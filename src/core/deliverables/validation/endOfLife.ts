// Rules for closing a series (validate.py's validate_series_eol, _eom and _em): the -eol, -eom or
// -em tag goes on every repository of a branched deliverable; an -em tag re-tags the last release.
import { isEol, type RuleContext } from './context';
import type { ParsedRelease } from './parse';
import { q } from './text';
import { msg } from '../../l10n';

/** deliverable.py's `repos`: repository-settings plus every repository a release names. */
function allRepos(ctx: RuleContext): Set<string> {
  const repos = new Set(ctx.deliv.repos);
  for (const r of ctx.deliv.releases) for (const p of r.projects) if (p.repo !== undefined) repos.add(p.repo);
  return repos;
}

function requireTagOnAllRepos(ctx: RuleContext, rule: string, release: ParsedRelease): void {
  const actual = new Set(release.projects.flatMap((p) => (p.repo === undefined ? [] : [p.repo])));
  for (const missing of allRepos(ctx)) {
    if (!actual.has(missing)) ctx.report(rule, 'error', msg('Release {0} is missing {1}, which appears in the deliverable.', q(release.version), q(missing)), release.line);
  }
}

function closing(ctx: RuleContext, rule: string, label: string, is: (v: string) => boolean): ParsedRelease | undefined {
  const last = ctx.deliv.releases.at(-1);
  if (!ctx.anyNew || !last || !is(last.version)) return undefined;
  if (!ctx.deliv.branches.length) ctx.report(rule, 'error', msg('Only branched deliverables can be tagged {0}.', label), last.line);
  return last;
}

export function validateSeriesEol(ctx: RuleContext): void {
  const last = closing(ctx, 'series-eol', 'EOL', isEol);
  if (last) requireTagOnAllRepos(ctx, 'series-eol', last);
}

export function validateSeriesEom(ctx: RuleContext): void {
  const last = closing(ctx, 'series-eom', 'EOM', (v) => v.endsWith('-eom'));
  if (last) requireTagOnAllRepos(ctx, 'series-eom', last);
}

export function validateSeriesEm(ctx: RuleContext): void {
  const releases = ctx.deliv.releases;
  const last = releases.at(-1);
  if (!ctx.anyNew || !last || !last.version.endsWith('-em')) return;
  if (releases.length === 1) {
    ctx.report('series-em', 'error', msg('An EM tag needs at least one release before it to mark.'), last.line);
    return;
  }
  if (!ctx.deliv.branches.length) ctx.report('series-em', 'error', msg('Only branched deliverables can be tagged {0}.', 'EM'), last.line);
  requireTagOnAllRepos(ctx, 'series-em', last);
  const previous = releases[releases.length - 2];
  for (const repo of ctx.deliv.repos) {
    const cur = last.projects.find((p) => p.repo === repo);
    const prev = previous.projects.find((p) => p.repo === repo);
    if (cur?.hash === undefined || prev?.hash === undefined) continue;
    if (cur.hash !== prev.hash) {
      ctx.report('series-em', 'error', msg('The EM tag must be on the last release\'s commit: {0} is tagged, the last release is {1}.', cur.hash.slice(0, 12), prev.hash.slice(0, 12)), cur.line);
    }
  }
}


// Rules about the deliverable's declared kind and metadata: release-model, not-abandoned,
// release-type, team, bugtracker, release-notes. Those validate.py marks @skip_em_eom_eol_tags do
// not run while a deliverable carries an -em, -eom or -eol tag (untagged deliverables get those).
import type { RuleContext } from './context';
import { q } from './text';
import { msg } from '../../l10n';

const MODELS = new Set(['cycle-with-intermediary', 'cycle-with-milestones', 'cycle-trailing', 'untagged', 'cycle-with-rc', 'cycle-automatic', 'abandoned']);
const TYPES = new Set(['horizon-plugin', 'library', 'client-library', 'service', 'tempest-plugin', 'other', 'trailing']);
const RELEASE_TYPES = new Set([
  'python-service', 'python-pypi', 'xstatic', 'fuel', 'nodejs', 'puppet', 'neutron', 'horizon',
  'openstack-manuals', 'manila-image-elements', 'openstack-virtual-baremetal', 'generic',
]);

export function validateModel(ctx: RuleContext): void {
  if (ctx.endOfLifeTagging) return;
  const line = ctx.fieldLine('release-model');
  const raw = ctx.field('release-model');
  if (!ctx.isIndependent && !ctx.model) {
    ctx.report('release-model', 'error', msg('No release-model given.'), 1);
  } else if (raw !== undefined && !MODELS.has(raw) && raw !== 'independent') {
    ctx.report('release-model', 'error', msg('Unknown release-model {0}.', q(raw)), line);
  }
  if ((ctx.model === 'independent' || ctx.model === 'abandoned') && !ctx.isIndependent) {
    ctx.report('release-model', 'error', msg('The independent and abandoned release models belong in the _independent directory.'), line);
  }
  if (ctx.isIndependent && raw !== undefined && raw !== 'independent' && raw !== 'abandoned') {
    ctx.report('release-model', 'error', msg('Deliverables in _independent must use the independent or abandoned release model.'), line);
  }
  if (ctx.model === 'untagged' && ctx.deliv.releases.length) {
    ctx.report('release-model', 'error', msg('Untagged deliverables must not have releases.'), ctx.fieldLine('releases'));
  }
}

/** validate_deliverable_is_not_abandoned. */
export function validateNotAbandoned(ctx: RuleContext): void {
  if (ctx.model === 'abandoned' && ctx.anyNew && ctx.deliv.releases.length) {
    ctx.report('not-abandoned', 'error', msg('Abandoned deliverables must not get new releases.'), ctx.fieldLine('releases'));
  }
}

/** validate_bugtracker, offline: a Launchpad or StoryBoard project must be named (whether it exists needs the network). */
export function validateBugtracker(ctx: RuleContext): void {
  if (ctx.endOfLifeTagging || ctx.field('launchpad') || ctx.field('storyboard')) return;
  ctx.report('bugtracker', 'error', msg('No launchpad or storyboard project given.'), 1);
}

/** validate_release_notes, offline: links per repository name only repositories of repository-settings. */
export function validateReleaseNotes(ctx: RuleContext): void {
  if (ctx.endOfLifeTagging) return;
  const known = new Set(ctx.deliv.repos);
  for (const [repo, line] of ctx.deliv.releaseNotesRepos) {
    if (!known.has(repo)) ctx.report('release-notes', 'error', msg('release-notes links to the notes of {0}, which is not in repository-settings.', q(repo)), line);
  }
}

/** The offline part: `type` and `release-type` are known values (the job check needs project-config). */
export function validateReleaseType(ctx: RuleContext): void {
  if (ctx.endOfLifeTagging) return;
  const type = ctx.field('type');
  if (type === undefined) ctx.report('release-type', 'error', msg('No deliverable type given.'), 1);
  else if (!TYPES.has(type)) ctx.report('release-type', 'error', msg('Unknown deliverable type {0}.', q(type)), ctx.fieldLine('type'));
  const releaseType = ctx.field('release-type');
  if (ctx.deliv.fields.has('release-type') && (releaseType === undefined || !RELEASE_TYPES.has(releaseType))) {
    ctx.report('release-type', 'error', msg('Unknown release-type {0}.', q(releaseType)), ctx.fieldLine('release-type'));
  }
}

export function validateTeam(ctx: RuleContext): void {
  if (ctx.endOfLifeTagging) return;
  const team = ctx.field('team');
  if (!team) ctx.report('team', 'error', msg('No team name given.'), ctx.fieldLine('team'));
  else if (ctx.input.knownTeams && !ctx.input.knownTeams.has(team)) {
    ctx.report('team', 'warning', msg('Team {0} is not in the governance data: only official teams release from openstack/releases.', q(team)), ctx.fieldLine('team'));
  }
}

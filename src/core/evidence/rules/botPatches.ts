// The "merge translation and new stable branch patches quickly" tasks: done when no bot patch is open in
// the three repositories (Gerrit) and the new stable branch has its .gitreview in every clone (git).
import { stringArg, type RuleContext } from '../context';
import { isMissing, type Evidence } from '../types';
import { t } from '../../l10n';

export function botPatchesMerged(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const fact = ctx.input.facts.botPatches;
  if (!fact) return { state: 'unknown', text: t('The bot patches were not read yet.') };
  if (isMissing(fact)) return { state: 'unknown', text: fact.missing };
  if (fact.open > 0) return ctx.notDone(fact.open === 1 ? t('1 bot patch is still open.') : t('{0} bot patches are still open.', fact.open), deadline);
  if (fact.gitreviewMissing.length) return ctx.notDone(t('{0} has no .gitreview update in {1} yet.', fact.branch, fact.gitreviewMissing.join(', ')), deadline);
  return { state: 'done', text: t('No bot patch is open, and {0} has its .gitreview in {1}.', fact.branch, fact.gitreviewOk.join(', ')) };
}

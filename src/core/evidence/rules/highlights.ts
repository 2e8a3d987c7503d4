// `cycle-highlights` in the series' glance.yaml (docs/domain.md#deliverable-files).
import { MAX_HIGHLIGHTS } from '../../deliverables/deliverables';
import { lineMatching } from '../deliverableFact';
import { deliverableArg, stringArg, type RuleContext } from '../context';
import type { Evidence } from '../types';
import { t, tPlural } from '../../l10n';

export function cycleHighlights(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const count = d.info.highlights;
  const line = lineMatching(d.lines, /^cycle-highlights\s*:/);
  if (count === 0) {
    const what = line === undefined ? t('No cycle-highlights in {0}.yaml for {1}.', d.name, ctx.name) : t('cycle-highlights in {0}.yaml is empty.', d.name);
    return ctx.notDone(what, deadline, { file: d.file, line });
  }
  const advice = count > MAX_HIGHLIGHTS ? t(' More than {0}: the release team asks for 3 to {1}.', MAX_HIGHLIGHTS, MAX_HIGHLIGHTS) : count < 3 ? t(' The release team asks for 3 to 5.') : '';
  return { state: 'done', text: tPlural(count, '{0} cycle highlight in {1}.yaml.{2}', '{0} cycle highlights in {1}.yaml.{2}', count, d.name, advice), deadline: deadline?.day, file: d.file, line };
}

// `cycle-highlights` in the series' glance.yaml (DOMAIN.md §4).
import { MAX_HIGHLIGHTS } from '../../deliverables';
import { lineMatching } from '../deliverableFact';
import { deliverableArg, stringArg, type RuleContext } from '../context';
import type { Evidence } from '../types';

export function cycleHighlights(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const count = d.info.highlights;
  const line = lineMatching(d.lines, /^cycle-highlights\s*:/);
  if (count === 0) {
    const what = line === undefined ? `No cycle-highlights in ${d.name}.yaml for ${ctx.name}.` : `cycle-highlights in ${d.name}.yaml is empty.`;
    return ctx.notDone(what, deadline, { file: d.file, line });
  }
  const advice = count > MAX_HIGHLIGHTS ? ` More than ${MAX_HIGHLIGHTS}: the release team asks for 3 to ${MAX_HIGHLIGHTS}.` : count < 3 ? ' The release team asks for 3 to 5.' : '';
  return { state: 'done', text: `${count} cycle highlight${count === 1 ? '' : 's'} in ${d.name}.yaml.${advice}`, deadline: deadline?.day, file: d.file, line };
}

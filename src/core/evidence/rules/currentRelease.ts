// CURRENT_RELEASE in glance/db/migration.py (DOMAIN.md §7) against the series' value.
import { constantForReleaseId, findCurrentRelease, parseConstant } from '../../migrationConstant';
import { stringArg, type RuleContext } from '../context';
import { isMissing, type Evidence } from '../types';

export function currentReleaseConstant(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const fact = ctx.input.facts.migrationPy;
  if (!fact) return { state: 'unknown', text: 'glance/db/migration.py was not read (no glance checkout found).' };
  if (isMissing(fact)) return { state: 'unknown', text: fact.missing };
  const releaseId = ctx.input.releaseId;
  const wanted = releaseId && constantForReleaseId(releaseId);
  if (!wanted) return { state: 'unknown', text: `${ctx.name} has no release-id (YYYY.N) in series_status.yaml, so its CURRENT_RELEASE value is not known.` };
  const found = findCurrentRelease(fact.text);
  if (found.kind === 'missing') return { state: 'unknown', text: `${fact.file} has no CURRENT_RELEASE = '…' line.`, file: fact.file };
  if (found.kind === 'not-a-string') {
    return { state: 'unknown', text: `CURRENT_RELEASE is not a quoted string: ${found.lineText.trim()}`, file: fact.file, line: found.line };
  }
  const at = { file: fact.file, line: found.line };
  const parsed = parseConstant(found.value);
  if (parsed.kind === 'codename') {
    return { state: 'unknown', text: `CURRENT_RELEASE is '${found.value}', a code name (before 2023.1); ${ctx.name} expects '${wanted}'. Is this checkout an old branch?`, ...at };
  }
  if (parsed.kind !== 'release') return { state: 'unknown', text: `CURRENT_RELEASE is '${found.value}', neither YYYY_N nor a code name.`, ...at };
  if (found.value === wanted) return { state: 'done', text: `CURRENT_RELEASE = '${found.value}'.`, deadline: deadline?.day, ...at };
  const want = parseConstant(wanted) as { year: number; n: number };
  if (parsed.year > want.year || (parsed.year === want.year && parsed.n > want.n)) {
    // A later series' value: this series' change was made before it.
    return { state: 'done', text: `CURRENT_RELEASE = '${found.value}', already past ${ctx.name}'s '${wanted}'.`, deadline: deadline?.day, ...at };
  }
  return ctx.notDone(`CURRENT_RELEASE is '${found.value}'; ${ctx.name} needs '${wanted}'.`, deadline, at);
}

// CURRENT_RELEASE in glance/db/migration.py (docs/domain.md#migration-constant) against the series' value.
import { constantForReleaseId, findCurrentRelease, parseConstant } from '../../commits/migrationConstant';
import { stringArg, type RuleContext } from '../context';
import { isMissing, type Evidence } from '../types';
import { t } from '../../l10n';

export function currentReleaseConstant(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const fact = ctx.input.facts.migrationPy;
  if (!fact) return { state: 'unknown', text: t('glance/db/migration.py was not read (no glance checkout found).') };
  if (isMissing(fact)) return { state: 'unknown', text: fact.missing };
  const releaseId = ctx.input.releaseId;
  const wanted = releaseId && constantForReleaseId(releaseId);
  if (!wanted) return { state: 'unknown', text: t('{0} has no release-id (YYYY.N) in series_status.yaml, so its CURRENT_RELEASE value is not known.', ctx.name) };
  const found = findCurrentRelease(fact.text);
  if (found.kind === 'missing') return { state: 'unknown', text: t('{0} has no CURRENT_RELEASE = \'…\' line.', fact.file), file: fact.file };
  if (found.kind === 'not-a-string') {
    return { state: 'unknown', text: t('CURRENT_RELEASE is not a quoted string: {0}', clip(found.lineText.trim())), file: fact.file, line: found.line };
  }
  const at = { file: fact.file, line: found.line };
  const parsed = parseConstant(found.value);
  if (parsed.kind === 'codename') {
    return { state: 'unknown', text: t('CURRENT_RELEASE is \'{0}\', a code name (before 2023.1); {1} expects \'{2}\'. Is this checkout an old branch?', clip(found.value), ctx.name, wanted), ...at };
  }
  if (parsed.kind !== 'release') return { state: 'unknown', text: t('CURRENT_RELEASE is \'{0}\', neither YYYY_N nor a code name.', clip(found.value)), ...at };
  if (found.value === wanted) return { state: 'done', text: `CURRENT_RELEASE = '${found.value}'.`, deadline: deadline?.day, ...at };
  const want = parseConstant(wanted) as { year: number; n: number };
  if (parsed.year > want.year || (parsed.year === want.year && parsed.n > want.n)) {
    // A later series' value: this series' change was made before it.
    return { state: 'done', text: t('CURRENT_RELEASE = \'{0}\', already past {1}\'s \'{2}\'.', found.value, ctx.name, wanted), deadline: deadline?.day, ...at };
  }
  return ctx.notDone(t('CURRENT_RELEASE is \'{0}\'; {1} needs \'{2}\'.', found.value, ctx.name, wanted), deadline, at);
}

/** A value from the file, as a message may quote it: a few dozen characters at most. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

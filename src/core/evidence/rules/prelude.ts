// The series' prelude note (docs/domain.md#release-notes): a note named after the series with a top-level `prelude:`.
import { hasPrelude, isPreludeCandidate } from '../../notes/releaseNotes';
import { stringArg, type RuleContext } from '../context';
import { isMissing, type Evidence } from '../types';
import { t } from '../../l10n';
import { topLevelKeys } from '../topLevelKeys';

/**
 * Why a note would not load as YAML, by a light line check (no YAML library): tabs in indentation,
 * a column-0 line that is not a key, a repeated key, an empty or unclosed prelude.
 */
export function noteProblem(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  // Line problems first: a column-0 line under `prelude:` would otherwise read as an empty prelude.
  const scanned = topLevelKeys(lines);
  if ('problem' in scanned) return scanned.problem;
  let preludeProblem: string | undefined;
  for (const { name, inline, index: i } of scanned.keys) {
    if (name !== 'prelude') continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    const indented = next !== undefined && /^\s+\S/.test(next);
    const quote = /^(['"])/.exec(inline)?.[1];
    if ((inline === '' || /^[|>][-+0-9]*$/.test(inline)) && !indented) preludeProblem = t('the prelude (line {0}) is empty', i + 1);
    else if (quote && !new RegExp(`${quote}\\s*$`).test(inline) && !indented) preludeProblem = t('the prelude\'s quote on line {0} is not closed', i + 1);
    else if (/^[[{]/.test(inline)) preludeProblem = t('the prelude (line {0}) is not text', i + 1);
  }
  return preludeProblem;
}

export function preludeNote(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const notes = ctx.input.facts.notes;
  if (!notes) return { state: 'unknown', text: t('releasenotes/notes was not read (no glance checkout found).') };
  if (isMissing(notes)) return { state: 'unknown', text: notes.missing };
  const dir = notes.dir ?? 'releasenotes/notes';
  const candidates = notes.files.filter((f) => isPreludeCandidate(f.name, ctx.series) && hasPrelude(f.text));
  const broken: Array<{ name: string; problem: string }> = [];
  for (const note of candidates) {
    const problem = noteProblem(note.text);
    if (problem) {
      broken.push({ name: note.name, problem });
      continue;
    }
    const line = note.text.split(/\r?\n/).findIndex((l) => /^(prelude|'prelude'|"prelude")[ \t]*:/.test(l));
    return { state: 'done', text: t('Prelude note {0}.', note.name), deadline: deadline?.day, file: `${dir}/${note.name}`, line };
  }
  if (broken.length > 0) {
    const [first] = broken;
    return { state: 'unknown', text: t('A prelude note for {0} cannot be used: {1}: {2}.', ctx.name, first.name, first.problem), file: `${dir}/${first.name}` };
  }
  // A note that could not be read may be the prelude: say so rather than "no prelude".
  const [unreadable] = notes.unreadable ?? [];
  if (unreadable) return { state: 'unknown', text: t('A note that may be the prelude of {0} could not be read: {1}', ctx.name, unreadable.problem) };
  const capped = notes.capped?.length ? ` ${notes.capped.join(' ')}` : '';
  if (capped) return { state: 'unknown', text: t('No note named {0}-…yaml with a prelude among those read in {1}.', ctx.series, dir) + capped };
  return ctx.notDone(t('No note named {0}-…yaml with a prelude in {1}.', ctx.series, dir), deadline);
}

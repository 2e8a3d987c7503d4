// The series' prelude note (DOMAIN.md §5): a note named after the series with a top-level `prelude:`.
import { hasPrelude, isPreludeCandidate } from '../../releaseNotes';
import { stringArg, type RuleContext } from '../context';
import { isMissing, type Evidence } from '../types';

const TOP_LEVEL = /^([A-Za-z_][\w-]*|'[^']*'|"[^"]*")[ \t]*:(?=\s|$)(.*)$/;

/**
 * Why a note would not load as YAML, by a light line check (no YAML library): tabs in indentation,
 * a column-0 line that is not a key, a repeated key, an empty or unclosed prelude.
 */
export function noteProblem(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const seen = new Set<string>();
  // Line problems first: a column-0 line under `prelude:` would otherwise read as an empty prelude.
  let preludeProblem: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ *\t/.test(line)) return `line ${i + 1} is indented with a tab`;
    if (line.trim() === '' || /^\s*#/.test(line) || /^(---|\.\.\.)\s*$/.test(line) || /^[\s-]/.test(line)) continue;
    const key = TOP_LEVEL.exec(line);
    if (!key) return `line ${i + 1} ("${line.slice(0, 40)}") is not a top-level key`;
    const name = key[1].replace(/^['"]|['"]$/g, '');
    if (seen.has(name)) return `the key "${name}" appears twice (line ${i + 1})`;
    seen.add(name);
    if (name !== 'prelude') continue;
    const inline = key[2].replace(/\s#.*$/, '').trim();
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    const indented = next !== undefined && /^\s+\S/.test(next);
    const quote = /^(['"])/.exec(inline)?.[1];
    if ((inline === '' || /^[|>][-+0-9]*$/.test(inline)) && !indented) preludeProblem = `the prelude (line ${i + 1}) is empty`;
    else if (quote && !new RegExp(`${quote}\\s*$`).test(inline) && !indented) preludeProblem = `the prelude's quote on line ${i + 1} is not closed`;
    else if (/^[[{]/.test(inline)) preludeProblem = `the prelude (line ${i + 1}) is not text`;
  }
  return preludeProblem;
}

export function preludeNote(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const notes = ctx.input.facts.notes;
  if (!notes) return { state: 'unknown', text: 'releasenotes/notes was not read (no glance checkout found).' };
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
    return { state: 'done', text: `Prelude note ${note.name}.`, deadline: deadline?.day, file: `${dir}/${note.name}`, line };
  }
  if (broken.length > 0) {
    const [first] = broken;
    return { state: 'unknown', text: `A prelude note for ${ctx.name} cannot be used: ${first.name}: ${first.problem}.`, file: `${dir}/${first.name}` };
  }
  return ctx.notDone(`No note named ${ctx.series}-…yaml with a prelude in ${dir}.`, deadline);
}

// Checks a reno note the way `reno lint` does (reno's linter.py and loader.parse_note_file, PyYAML,
// YAML 1.1): errors where reno lint fails (not YAML, not a mapping, a section the repository's reno
// configuration does not know, two notes with the same id), warnings where reno warns (a prelude
// that is not one string, a section that is not a string or a list of strings). Uses the `yaml`
// library: reached from the editor only through dist/yamlReaders.js. Also reads a deliverable's
// cycle-highlights for the prelude.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { FieldReader } from '../dataErrors';
import { msg, verbatim, type Message } from '../l10n';
import type { Problem } from '../problem';
import { NOTE_SECTIONS, PRELUDE_SECTION } from './releaseNotes';
import { parseYamlText } from '../calendar/scheduleYaml';

const KNOWN = new Set<string>([PRELUDE_SECTION, ...NOTE_SECTIONS]);

/** What a repository's reno configuration (releasenotes/config.yaml, or reno.yaml) changes for lint. */
export interface RenoConfig {
  /** The section ids `sections:` allows (reno's defaults when absent). */
  sections?: string[];
  /** `prelude_section_name` (`prelude` by default). */
  preludeName?: string;
}

export interface NoteCheckOptions {
  config?: RenoConfig;
  /** The other file names of the notes folder: two notes with the same id make reno lint fail. */
  siblings?: readonly string[];
}

/** scanner._get_unique_id: the last 16 characters of the name, or the first 16 for old names with a dash there. */
function noteUid(fileName: string): string {
  const root = fileName.replace(/\.[^.]*$/, '');
  const tail = root.slice(-16);
  return tail.includes('-') ? root.slice(0, 16) : tail;
}

/** Reads the parts of a reno configuration lint uses; anything unreadable keeps reno's defaults. */
export function parseRenoConfig(text: string): RenoConfig {
  let data: unknown;
  try {
    data = parseDocument(text, { version: '1.1', uniqueKeys: false }).toJS({ maxAliasCount: 100 });
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const { sections, prelude_section_name: prelude } = data as Record<string, unknown>;
  const config: RenoConfig = {};
  if (Array.isArray(sections)) {
    const ids = sections.flatMap((s) => (Array.isArray(s) && typeof s[0] === 'string' ? [s[0]] : []));
    if (ids.length) config.sections = ids;
  }
  if (typeof prelude === 'string') config.preludeName = prelude;
  return config;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The known section a mistyped one probably meant ("fix" -> "fixes", "feature" -> "features"). */
export function closestSection(name: string, sections: ReadonlySet<string> = KNOWN): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of sections) {
    const d = known.startsWith(lower) || lower.startsWith(known) ? 1 : distance(lower, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return bestDistance <= 3 ? best : undefined;
}

function kindOf(node: unknown): Message {
  if (node === null || node === undefined) return msg('nothing');
  if (isMap(node)) return msg('a mapping');
  if (isSeq(node)) return msg('a list');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return verbatim('null');
    if (typeof v === 'boolean') return msg('a boolean ({0})', String(v));
    if (typeof v === 'number') return msg('a number ({0})', String(v));
    if (typeof v === 'string') return msg('a string');
    return msg('a value that is not text');
  }
  return msg('something that is not text');
}

/**
 * The problems reno lint would have with a note: errors where it fails (YAML errors, an empty note
 * or one that is no mapping, unknown sections, an id another note of the folder has), warnings where
 * it warns (a prelude that is not one string, sections that are not strings or lists of strings).
 */
export function validateReleaseNote(text: string, fileName?: string, options: NoteCheckOptions = {}): Problem[] {
  const counter = new LineCounter();
  // YAML 1.1 like PyYAML: `- yes` is a boolean there, not text; a key given twice keeps the last, as there.
  const doc = parseDocument(text, { version: '1.1', lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const preludeName = options.config?.preludeName ?? PRELUDE_SECTION;
  const known = new Set<string>([preludeName, ...(options.config?.sections ?? NOTE_SECTIONS)]);
  const problems: Problem[] = [];
  const at = (offset: number) => counter.linePos(Math.max(0, Math.min(offset, text.length)));
  const add = (severity: 'error' | 'warning', message: Message, range: readonly number[] | undefined) => {
    const [start, end] = range ?? [0, 0];
    const from = at(start);
    const to = at(Math.max(end, start));
    problems.push({ rule: 'reno', severity, message, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, source: 'reno note' });
  };
  const rangeOf = (node: unknown) => ((node && typeof node === 'object' && 'range' in node ? (node as Node).range : undefined) ?? undefined);

  if (fileName !== undefined) {
    const uid = noteUid(fileName);
    const same = (options.siblings ?? []).filter((other) => other !== fileName && /\.yaml$/.test(other) && noteUid(other) === uid);
    if (same.length) add('error', msg('{0} has the same id ({1}) as {2}: reno lint fails on notes that share the last 16 characters of their name.', fileName, uid, same.join(', ')), [0, 0]);
  }
  for (const error of doc.errors) add('error', msg('YAML: {0}', error.message.split('\n')[0]), error.pos);
  if (doc.errors.length > 0) return problems;

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    add('error', msg('The note is empty: reno expects a mapping of sections (prelude, features, fixes, …).'), [0, text.length]);
    return problems;
  }
  if (!isMap(root)) {
    add('error', msg('A note must be a mapping of sections (prelude, features, fixes, …), not {0}.', kindOf(root)), rangeOf(root));
    return problems;
  }
  for (const pair of root.items) {
    const key = pair.key;
    const keyRange = rangeOf(key);
    if (!isScalar(key) || typeof key.value !== 'string') {
      add('error', msg('A section name must be text, not {0}.', kindOf(key)), keyRange);
      continue;
    }
    const name = key.value;
    const value = pair.value;
    const valueRange = rangeOf(value) ?? keyRange;
    if (!known.has(name)) {
      const guess = closestSection(name, known);
      const sections = [...known].join(', ');
      add(
        'error',
        guess
          ? msg('Unknown section "{0}": reno lint rejects it. Did you mean "{1}"? Sections: {2}.', name, guess, sections)
          : msg('Unknown section "{0}": reno lint rejects it. Sections: {1}.', name, sections),
        keyRange,
      );
      continue;
    }
    // reno only warns about the shapes below, and renders what it can.
    if (name === preludeName) {
      if (!isScalar(value) || typeof value.value !== 'string') {
        add('warning', msg('The prelude must be one string (a block: "prelude: |" and indented text), not {0}.', kindOf(value)), valueRange);
      }
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) {
      add('warning', msg('The section "{0}" is empty: add an item ("  - |" and indented text) or remove it.', name), keyRange);
    } else if (isScalar(value) && typeof value.value === 'string') {
      // A single string is fine for reno (it wraps it in a list).
    } else if (!isSeq(value)) {
      add('warning', msg('The section "{0}" must be a list of strings, not {1}.', name, kindOf(value)), valueRange);
    } else {
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string') continue;
        const message = isMap(item)
          ? msg('An item of "{0}" is {1}, not a string ("text: more text" makes a mapping: write the item as a block, "- |" and the text indented below).', name, kindOf(item))
          : msg('An item of "{0}" is {1}, not a string (quote it, or write it as a block: "- |").', name, kindOf(item));
        add('warning', message, rangeOf(item) ?? valueRange);
      }
    }
  }
  return problems;
}

/** The `cycle-highlights` of a deliverable file (openstack/releases), [] when it has none. */
export function parseCycleHighlights(yamlText: string, source: string): string[] {
  const r = new FieldReader(source);
  const root = r.mapping(parseYamlText(yamlText, source), '(top level)');
  return r.optionalList(root['cycle-highlights'], 'cycle-highlights').map((h, i) => r.text(h, `cycle-highlights[${i}]`).replace(/\s+/g, ' ').trim());
}

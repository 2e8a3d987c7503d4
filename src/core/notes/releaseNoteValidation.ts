// Checks a reno note the way reno reads it (PyYAML, YAML 1.1): `prelude` one string, the other
// sections lists of strings, no unknown sections. Uses the `yaml` library: reached from the editor
// only through dist/yamlReaders.js. Also reads a deliverable's cycle-highlights for the prelude.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { FieldReader } from '../dataErrors';
import { t } from '../l10n';
import type { Problem } from '../problem';
import { NOTE_FILE_PATTERN, NOTE_SECTIONS, PRELUDE_SECTION } from './releaseNotes';
import { parseYamlText } from '../calendar/scheduleYaml';

const KNOWN = new Set<string>([PRELUDE_SECTION, ...NOTE_SECTIONS]);

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
export function closestSection(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN) {
    const d = known.startsWith(lower) || lower.startsWith(known) ? 1 : distance(lower, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return bestDistance <= 3 ? best : undefined;
}

function kindOf(node: unknown): string {
  if (node === null || node === undefined) return t('nothing');
  if (isMap(node)) return t('a mapping');
  if (isSeq(node)) return t('a list');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'boolean') return t('a boolean ({0})', String(v));
    if (typeof v === 'number') return t('a number ({0})', String(v));
    if (typeof v === 'string') return t('a string');
    return t('a value that is not text');
  }
  return t('something that is not text');
}

/**
 * The problems reno would have with a note: YAML errors, an empty note, unknown sections (which make
 * `reno lint` fail), a prelude that is not one string, sections that are not lists of strings.
 * `fileName` (the base name) also checks reno's `<slug>-<16 hex>.yaml` naming.
 */
export function validateReleaseNote(text: string, fileName?: string): Problem[] {
  const counter = new LineCounter();
  // YAML 1.1 like PyYAML: `- yes` is a boolean there, not text.
  const doc = parseDocument(text, { version: '1.1', lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (offset: number) => counter.linePos(Math.max(0, Math.min(offset, text.length)));
  const add = (severity: 'error' | 'warning', message: string, range: readonly number[] | undefined) => {
    const [start, end] = range ?? [0, 0];
    const from = at(start);
    const to = at(Math.max(end, start));
    problems.push({ rule: 'reno', severity, message, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, source: 'reno note' });
  };
  const rangeOf = (node: unknown) => ((node && typeof node === 'object' && 'range' in node ? (node as Node).range : undefined) ?? undefined);

  if (fileName !== undefined && !NOTE_FILE_PATTERN.test(fileName)) {
    add('warning', t('The file name "{0}" is not reno\'s "<slug>-<16 lowercase hex digits>.yaml": reno takes the last 16 characters as the note\'s id.', fileName), [0, 0]);
  }
  for (const error of doc.errors) add('error', t('YAML: {0}', error.message.split('\n')[0]), error.pos);
  if (doc.errors.length > 0) return problems;

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    add('error', t('The note is empty: reno expects a mapping of sections (prelude, features, fixes, …).'), [0, text.length]);
    return problems;
  }
  if (!isMap(root)) {
    add('error', t('A note must be a mapping of sections (prelude, features, fixes, …), not {0}.', kindOf(root)), rangeOf(root));
    return problems;
  }
  for (const pair of root.items) {
    const key = pair.key;
    const keyRange = rangeOf(key);
    if (!isScalar(key) || typeof key.value !== 'string') {
      add('error', t('A section name must be text, not {0}.', kindOf(key)), keyRange);
      continue;
    }
    const name = key.value;
    const value = pair.value;
    const valueRange = rangeOf(value) ?? keyRange;
    if (!KNOWN.has(name)) {
      const guess = closestSection(name);
      const sections = [...KNOWN].join(', ');
      add(
        'error',
        guess
          ? t('Unknown section "{0}": reno lint rejects it. Did you mean "{1}"? Sections: {2}.', name, guess, sections)
          : t('Unknown section "{0}": reno lint rejects it. Sections: {1}.', name, sections),
        keyRange,
      );
      continue;
    }
    if (name === PRELUDE_SECTION) {
      if (!isScalar(value) || typeof value.value !== 'string') {
        add('error', t('The prelude must be one string (a block: "prelude: |" and indented text), not {0}.', kindOf(value)), valueRange);
      } else if (value.value.trim() === '') {
        add('warning', t('The prelude is empty.'), valueRange);
      }
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) {
      add('error', t('The section "{0}" is empty: add an item ("  - |" and indented text) or remove it.', name), keyRange);
    } else if (isScalar(value) && typeof value.value === 'string') {
      add('warning', t('The section "{0}" is a single string; reno accepts it, but it should be a list ("  - |" and indented text).', name), valueRange);
    } else if (!isSeq(value)) {
      add('error', t('The section "{0}" must be a list of strings, not {1}.', name, kindOf(value)), valueRange);
    } else if (value.items.length === 0) {
      add('warning', t('The section "{0}" has no items: add one or remove the section.', name), keyRange);
    } else {
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          if (item.value.trim() === '') add('warning', t('An item of "{0}" is empty.', name), rangeOf(item));
          continue;
        }
        const message = isMap(item)
          ? t('An item of "{0}" is {1}, not a string ("text: more text" makes a mapping: write the item as a block, "- |" and the text indented below).', name, kindOf(item))
          : t('An item of "{0}" is {1}, not a string (quote it, or write it as a block: "- |").', name, kindOf(item));
        add('error', message, rangeOf(item) ?? valueRange);
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

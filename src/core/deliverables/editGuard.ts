// The gate in front of every edit of a deliverable file: the line-based edits of deliverables.ts only
// understand files shaped as the release tools write them, so the file must parse as YAML and have
// that shape before anything is computed, and the result must not be worse than the file was.
// parse -> check structure -> compute the edit -> re-validate -> compare. Pure and synchronous.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { readDeliverableYaml } from './yamlReading';
import { EditError } from './deliverables';
import { quote } from '../fileContent';
import { applyEdits, type TextEdit } from '../textEdit';
import { messageText, t } from '../l10n';
import type { Problem } from '../problem';

export type EditExpectation = 'release' | 'highlights';

export interface GuardInput {
  /** The file's text; a leading byte-order mark is kept out of the edit and in `after`. */
  text: string;
  /** The workspace-relative path; the caller prefixes it to the reason ("<file> (line 7): <reason> Nothing was written."). */
  file: string;
  expect: EditExpectation;
  /** The edit on the text without its byte-order mark (releaseEdits / highlightsEdit). */
  compute: (text: string) => TextEdit[];
  /** validateDeliverable with the checkout's schema and yamllint.yml; problems of severity 'error' count. */
  validate?: (text: string) => Problem[];
  /** Larger texts are refused (characters; default 1 MB). */
  maxChars?: number;
}

/** `reason`: one sentence on what is wrong and where, without the file name (the caller adds it). */
export type GuardResult = { ok: true; edits: TextEdit[]; after: string } | { ok: false; reason: string; line?: number };

/** Alias expansions allowed: the release tools never write aliases, a few by hand are fine, a bomb is not. */
const MAX_ALIAS_COUNT = 20;
const BOM = '\ufeff';
const EMPTY = t('the file is empty: a deliverable holds at least team, type and release-model (the release tools create it)');

class Refusal extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The guard: either edits to apply to `text` (offsets include its BOM) and the text after them, or why not. */
export function guardEdit(input: GuardInput): GuardResult {
  const bom = input.text.startsWith(BOM);
  const text = bom ? input.text.slice(1) : input.text;
  try {
    checkReadable(text, input.maxChars ?? 1024 * 1024);
    checkStructure(text);
    let edits: TextEdit[];
    try {
      edits = input.compute(text);
    } catch (error) {
      if (error instanceof EditError) throw new Refusal(error.message.replace(/[.:]?\s*$/, ''));
      throw error;
    }
    const after = applyEdits(text, edits);
    try {
      checkStructure(after);
    } catch (error) {
      if (error instanceof Refusal) throw new Refusal(t('the {0} would leave the file unreadable ({1})', input.expect === 'release' ? 'release' : 'highlights', error.message), error.line);
      throw error;
    }
    if (input.validate) compareProblems(input.validate, text, after);
    const shift = bom ? 1 : 0;
    return { ok: true, edits: edits.map((e) => ({ start: e.start + shift, end: e.end + shift, text: e.text })), after: bom ? BOM + after : after };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const reason = `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`;
    return error.line !== undefined ? { ok: false, reason, line: error.line } : { ok: false, reason };
  }
}

function checkReadable(text: string, maxChars: number): void {
  if (text.length > maxChars) throw new Refusal(t('the file is {0} KB, too large for a deliverable file', Math.ceil(text.length / 1024)));
  if (text.includes('\u0000')) throw new Refusal(t('the file holds NUL bytes: it is binary, not YAML'));
  const lines = text.split('\n');
  const tab = lines.findIndex((l) => /^[ ]*\t/.test(l) && l.trim() !== '');
  if (tab >= 0) throw new Refusal(t('line {0} is indented with a tab (YAML indents with spaces)', tab + 1), tab + 1);
  if (lines.every((l) => l.trim() === '' || l.trim().startsWith('#') || /^(---|\.\.\.)\s*$/.test(l.trim()))) {
    throw new Refusal(EMPTY);
  }
}

function kindOf(node: unknown): string {
  if (node === null || node === undefined) return 'empty';
  if (isAlias(node)) return t('an alias');
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  // Under the failsafe schema a plain `null` or `~` is the string "null": YAML (and the release tools) read it as null.
  if (isScalar(node)) return node.value === '' || node.value === null || (node.type === 'PLAIN' && /^(null|Null|NULL|~)$/.test(String(node.value))) ? 'empty' : 'a string';
  return t('something else');
}

/** YAML that parses, with the shape the release tools write (docs/domain.md#deliverable-files). */
function checkStructure(text: string): void {
  // failsafe: every scalar a string, so only shape matters here (types are the schema's job).
  const { doc, lineAt: lineOf } = readDeliverableYaml(text);
  const lineAt = (_: string, offset: number) => lineOf(offset);
  const error = doc.errors[0];
  if (error) {
    const line = lineAt(text, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^\s*([^:#\n]*)/.exec(text.slice(error.pos[0]))?.[1].trim() ?? '';
      throw new Refusal(t('the key {0} on line {1} appears twice in the same mapping', quote(key), line), line);
    }
    const what = error.code === 'TAB_AS_INDENT' ? t('is indented with a tab') : error.code === 'MULTIPLE_DOCS' ? t('starts a second YAML document') : t('is not valid YAML');
    throw new Refusal(`line ${line} ${what} (${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`, line);
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    throw new Refusal(t('the file uses YAML aliases that expand past {0} copies (an alias bomb?)', MAX_ALIAS_COUNT));
  }
  const root = doc.contents;
  if (!isMap(root)) {
    if (kindOf(root) === 'empty') throw new Refusal(EMPTY);
    throw new Refusal(t('the file holds {0} at the top, not a mapping of keys', kindOf(root)), root ? lineAt(text, root.range?.[0] ?? 0) : undefined);
  }
  const entry = (key: string) => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair && { key: pair.key as Node, value: pair.value as Node | null };
  };
  const where = (node: Node | null | undefined, fallback: Node) => lineAt(text, (node ?? fallback).range?.[0] ?? 0);
  /** A list, or nothing yet (`key:` alone): the edit writes the items. */
  const list = (key: string) => {
    const found = entry(key);
    if (!found) return [];
    const kind = kindOf(found.value);
    if (kind === 'empty') return [];
    if (!isSeq(found.value)) {
      const line = where(found.key, found.key);
      throw new Refusal(t('`{0}:` on line {1} is {2}, not a list', key, line, kind), line);
    }
    return found.value.items.map((item) => ({ item: item as Node | null, line: where(item as Node | null, found.value!) }));
  };
  list('releases').forEach(({ item, line }, i) => {
    const release = t('release {0} of `releases:` (line {1})', i + 1, line);
    if (!isMap(item)) throw new Refusal(t('{0} is {1}, not a mapping with version and projects', release, kindOf(item)), line);
    const get = (k: string) => item.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as Node | null | undefined;
    if (!isScalar(get('version')) || kindOf(get('version')) === 'empty') throw new Refusal(t('{0} has no version', release), line);
    if (!isSeq(get('projects'))) throw new Refusal(t('{0} has no `projects:` list', release), line);
  });
  list('branches').forEach(({ item, line }, i) => {
    if (!isMap(item)) throw new Refusal(t('branch {0} of `branches:` (line {1}) is {2}, not a mapping with name and location', i + 1, line, kindOf(item)), line);
  });
  list('cycle-highlights').forEach(({ item, line }, i) => {
    if (!isScalar(item) || kindOf(item) === 'empty') throw new Refusal(t('highlight {0} of `cycle-highlights:` (line {1}) is {2}, not text', i + 1, line, kindOf(item)), line);
  });
}

/** Refuses when the edit adds an error the file did not have (by rule and message; lines move). */
function compareProblems(validate: (text: string) => Problem[], before: string, after: string): void {
  const errors = (text: string) => validate(text).filter((p) => (p.severity ?? 'error') === 'error');
  const id = (p: Problem) => `${p.rule ?? ''}|${JSON.stringify(p.message)}`;
  const counts = new Map<string, number>();
  for (const p of errors(before)) counts.set(id(p), (counts.get(id(p)) ?? 0) + 1);
  for (const p of errors(after)) {
    const left = counts.get(id(p)) ?? 0;
    if (left > 0) counts.set(id(p), left - 1);
    else throw new Refusal(t('the edit would add a problem on line {0}: {1}', p.line ?? 1, quote(messageText(p.message), 120)), p.line);
  }
}

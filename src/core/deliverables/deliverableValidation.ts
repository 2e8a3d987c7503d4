// Checks a deliverable file the way openstack/releases' gate does: the JSON Schema of the checkout
// (`openstack_releases/schema.yaml`) and the layout rules of its `yamllint.yml` that matter for these
// files (indentation, trailing spaces, final newline, blank lines, line length, document start,
// duplicate keys). It pulls in `yaml`, so it is bundled into dist/validators.js (entry src/validators.ts,
// `yaml` itself shared as dist/yaml.js) and runs on the validation worker thread, never at activation.
// Speed (5,000 releases in well under 500 ms): the text is lexed and parsed once (yamlReading.ts: the
// CST feeds the layout rules and both documents, this one and the release rules' model), and the
// schema is interpreted, not compiled: no code generation (allowed in Restricted Mode too) and no compile cost on first use. Keywords it does not know are
// named as information and left to the gate (no schema library ships: see schemaCheck).
import { isMap, isNode, isPair, isScalar, isSeq, parse, type Document } from 'yaml';
import { lexDeliverable, positionIn, readDeliverableTyped, type CstToken, type DeliverableTokens } from './yamlReading';
import { msg, t, type MessageArg } from '../l10n';
import { byPlace, type Problem, type Severity } from '../problem';

// ---------------------------------------------------------------------------------------------
// yamllint configuration (the rules implemented here; yamllint's `default` values)

export interface LintRules {
  indentation?: { spaces: number | 'consistent'; indentSequences: boolean | 'whatever' | 'consistent'; level: Severity };
  trailingSpaces?: { level: Severity };
  newLineAtEndOfFile?: { level: Severity };
  emptyLines?: { max: number; maxStart: number; maxEnd: number; level: Severity };
  lineLength?: { max: number; allowNonBreakableWords: boolean; level: Severity };
  documentStart?: { present: boolean; level: Severity };
  keyDuplicates?: { level: Severity };
  newLines?: { type: 'unix' | 'dos' | 'platform'; level: Severity };
  hyphens?: { maxSpacesAfter: number; level: Severity };
  truthy?: { allowedValues: string[]; checkKeys: boolean; level: Severity };
}

/** yamllint's `extends: default` for the rules implemented here. */
const DEFAULT_LINT_RULES: Readonly<LintRules> = {
  indentation: { spaces: 'consistent', indentSequences: true, level: 'error' },
  trailingSpaces: { level: 'error' },
  newLineAtEndOfFile: { level: 'error' },
  emptyLines: { max: 2, maxStart: 0, maxEnd: 0, level: 'error' },
  lineLength: { max: 80, allowNonBreakableWords: true, level: 'error' },
  documentStart: { present: true, level: 'warning' },
  keyDuplicates: { level: 'error' },
  newLines: { type: 'unix', level: 'error' },
  hyphens: { maxSpacesAfter: 1, level: 'error' },
  truthy: { allowedValues: ['true', 'false'], checkKeys: true, level: 'warning' },
};

const RULE_KEYS: Record<string, keyof LintRules> = {
  indentation: 'indentation',
  'trailing-spaces': 'trailingSpaces',
  'new-line-at-end-of-file': 'newLineAtEndOfFile',
  'empty-lines': 'emptyLines',
  'line-length': 'lineLength',
  'document-start': 'documentStart',
  'key-duplicates': 'keyDuplicates',
  'new-lines': 'newLines',
  hyphens: 'hyphens',
  truthy: 'truthy',
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Reads a `yamllint.yml` (`extends: default` or `relaxed`, and `rules:`); unknown rules are ignored. */
export function parseYamllintConfig(text: string): LintRules {
  const config = parse(text) as { extends?: string; rules?: Record<string, unknown> } | null;
  const rules: LintRules = structuredClone(DEFAULT_LINT_RULES) as LintRules;
  if (config?.extends === 'relaxed') {
    rules.indentation = { spaces: 'consistent', indentSequences: 'consistent', level: 'warning' };
    rules.trailingSpaces = { level: 'warning' };
    rules.newLineAtEndOfFile = { level: 'error' };
    rules.emptyLines = { max: 2, maxStart: 0, maxEnd: 0, level: 'warning' };
    rules.lineLength = { max: 80, allowNonBreakableWords: true, level: 'warning' };
    delete rules.documentStart;
  }
  for (const [name, value] of Object.entries(config?.rules ?? {})) {
    const key = RULE_KEYS[name];
    if (!key) continue;
    if (value === 'disable' || value === false) {
      delete rules[key];
      continue;
    }
    const base = (rules[key] ?? structuredClone(DEFAULT_LINT_RULES[key])) as Record<string, unknown>;
    if (value && typeof value === 'object') {
      for (const [option, optionValue] of Object.entries(value as Record<string, unknown>)) base[camel(option)] = optionValue;
    }
    (rules as Record<string, unknown>)[key] = base;
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Layout (yamllint's rules)

/** yamllint's indentation rule for block collections (multi-line strings are not checked, as by default). */
function indentationProblems(text: string, rule: NonNullable<LintRules['indentation']>, { tokens, starts }: DeliverableTokens): Problem[] {
  const problems: Problem[] = [];
  let spaces = rule.spaces;
  let seqIndented: boolean | undefined = typeof rule.indentSequences === 'boolean' ? rule.indentSequences : undefined;
  const firstOnLine = (offset: number) => {
    for (let i = starts[positionIn(starts, offset).line - 1]; i < offset; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
    return true;
  };
  const report = (offset: number, expected: number, found: number) => {
    const pos = positionIn(starts, offset);
    problems.push({ ...pos, message: msg('wrong indentation: expected {0} but found {1}', expected, found), rule: 'indentation', severity: rule.level });
  };

  /** `parentColumn`: column (0-based) of the key or dash owning this node; -1 for the root. */
  const visit = (node: CstToken | null | undefined, parentColumn: number, parentIsKey: boolean) => {
    if (!node || (node.type !== 'block-map' && node.type !== 'block-seq')) return;
    const column = positionIn(starts, node.offset).column - 1;
    if (firstOnLine(node.offset)) {
      let expected: number | undefined;
      if (parentColumn < 0) expected = 0;
      else if (node.type === 'block-seq' && parentIsKey) {
        if (seqIndented === undefined && rule.indentSequences === 'consistent') seqIndented = column > parentColumn;
        if (seqIndented === undefined) expected = undefined; // 'whatever'
        else if (!seqIndented) expected = parentColumn;
        else {
          if (spaces === 'consistent') spaces = column - parentColumn > 0 ? column - parentColumn : 'consistent';
          expected = typeof spaces === 'number' ? parentColumn + spaces : undefined;
          if (rule.indentSequences === 'whatever' && column === parentColumn) expected = column;
        }
      } else {
        if (spaces === 'consistent' && column > parentColumn) spaces = column - parentColumn;
        expected = typeof spaces === 'number' ? parentColumn + spaces : undefined;
      }
      if (expected !== undefined && expected !== column) report(node.offset, expected, column);
    }
    for (const item of node.items ?? []) {
      if (node.type === 'block-map') {
        const keyOffset = item.key?.offset ?? item.start.find((t) => t.type === 'explicit-key-ind')?.offset;
        const keyColumn = keyOffset !== undefined ? positionIn(starts, keyOffset).column - 1 : column;
        visit(item.value, keyColumn, true);
      } else {
        const dash = item.start.find((t) => t.type === 'seq-item-ind');
        visit(item.value, dash ? positionIn(starts, dash.offset).column - 1 : column, false);
      }
    }
  };
  for (const token of tokens) {
    if (token.type === 'document') visit(token.value, -1, false);
  }
  return problems;
}

/** yamllint's hyphens rule: at most `maxSpacesAfter` spaces after a sequence dash. */
function hyphenProblems(rule: NonNullable<LintRules['hyphens']>, { tokens, starts }: DeliverableTokens): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: CstToken | null | undefined) => {
    if (!node || (node.type !== 'block-map' && node.type !== 'block-seq')) return;
    for (const item of node.items ?? []) {
      if (node.type === 'block-seq') {
        const at = item.start.findIndex((t) => t.type === 'seq-item-ind');
        const space = at >= 0 ? item.start[at + 1] : undefined;
        if (space?.type === 'space' && (space.source?.length ?? 0) > rule.maxSpacesAfter && item.value) {
          const pos = positionIn(starts, space.offset + rule.maxSpacesAfter);
          problems.push({ line: pos.line, column: pos.column, message: msg('too many spaces after hyphen'), rule: 'hyphens', severity: rule.level });
        }
      }
      visit(item.value);
    }
  };
  for (const token of tokens) {
    if (token.type === 'document') visit(token.value);
  }
  return problems;
}

const TRUTHY = /^(YES|Yes|yes|NO|No|no|TRUE|True|true|FALSE|False|false|ON|On|on|OFF|Off|off)$/;

/** yamllint's truthy rule: plain YAML 1.1 booleans other than the allowed spellings. */
function truthyProblems(rule: NonNullable<LintRules['truthy']>, { tokens, starts }: DeliverableTokens): Problem[] {
  const problems: Problem[] = [];
  const allowed = [...rule.allowedValues].sort();
  const check = (token: CstToken | null | undefined, isKey: boolean) => {
    if (!token) return;
    if (token.type === 'scalar' && token.source !== undefined) {
      if (TRUTHY.test(token.source) && !rule.allowedValues.includes(token.source) && (!isKey || rule.checkKeys)) {
        const pos = positionIn(starts, token.offset);
        problems.push({ ...pos, message: msg('truthy value should be one of [{0}]', allowed.join(', ')), rule: 'truthy', severity: rule.level });
      }
      return;
    }
    for (const item of token.items ?? []) {
      check(item.key, true);
      check(item.value, false);
    }
  };
  for (const token of tokens) {
    if (token.type === 'document') check(token.value, false);
  }
  return problems;
}

/** The layout rules of yamllint that matter for deliverable files, on the text and its CST. */
function layoutProblems(text: string, rules: LintRules, parsed: DeliverableTokens): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const hasFinalNewline = text.endsWith('\n');
  if (hasFinalNewline) lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trailing = /[ \t]+$/.exec(line);
    if (rules.trailingSpaces && trailing) {
      problems.push({ line: i + 1, column: trailing.index + 1, message: msg('trailing spaces'), rule: 'trailing-spaces', severity: rules.trailingSpaces.level });
    }
    if (rules.lineLength && line.length > rules.lineLength.max) {
      const unbreakable = rules.lineLength.allowNonBreakableWords && !/\s/.test(line.trim().replace(/^(- |#\s*)+/, '').replace(/^[^\s:]+:\s/, '')) && !line.trim().startsWith('#!');
      if (!unbreakable) {
        problems.push({
          line: i + 1,
          column: rules.lineLength.max + 1,
          message: msg('line too long ({0} > {1} characters)', line.length, rules.lineLength.max),
          rule: 'line-length',
          severity: rules.lineLength.level,
        });
      }
    }
  });
  if (rules.newLines?.type === 'unix') {
    const crlf = text.indexOf('\r\n');
    if (crlf !== -1) {
      problems.push({ line: 1, column: text.indexOf('\n'), message: msg('wrong new line character: expected \\n'), rule: 'new-lines', severity: rules.newLines.level });
    }
  }
  if (rules.newLineAtEndOfFile && text.length > 0 && !hasFinalNewline) {
    problems.push({ line: lines.length, column: lines[lines.length - 1].length + 1, message: msg('no new line character at the end of file'), rule: 'new-line-at-end-of-file', severity: rules.newLineAtEndOfFile.level });
  }
  if (rules.emptyLines) problems.push(...emptyLineProblems(lines, rules.emptyLines));
  if (rules.documentStart?.present && !/^(\s*(#.*)?\n)*---(\s|$)/.test(text.replace(/\r/g, '')) && text.trim() !== '') {
    const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    problems.push({ line: first + 1, column: 1, message: msg('missing document start "---"'), rule: 'document-start', severity: rules.documentStart.level });
  }
  if (rules.indentation || rules.hyphens || rules.truthy) {
    try {
      if (rules.indentation) problems.push(...indentationProblems(text, rules.indentation, parsed));
      if (rules.hyphens) problems.push(...hyphenProblems(rules.hyphens, parsed));
      if (rules.truthy) problems.push(...truthyProblems(rules.truthy, parsed));
    } catch {
      // Unparseable text: the syntax error is reported elsewhere.
    }
  }
  return problems;
}

function emptyLineProblems(lines: string[], rule: NonNullable<LintRules['emptyLines']>): Problem[] {
  const problems: Problem[] = [];
  const blank = lines.map((l) => l.replace(/\r$/, '') === '');
  let i = 0;
  while (i < blank.length) {
    if (!blank[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < blank.length && blank[j]) j++;
    const count = j - i;
    const max = i === 0 ? rule.maxStart : j === blank.length ? rule.maxEnd : rule.max;
    if (count > max) {
      problems.push({ line: j, column: 1, message: msg('too many blank lines ({0} > {1})', count, max), rule: 'empty-lines', severity: rule.level });
    }
    i = j;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Schema: an interpreter for the JSON Schema keywords schema.yaml uses (draft-07 meaning)

type Schema = boolean | { [keyword: string]: unknown };

/** `a or b or c`, as jsonschema names the allowed types. */
const orList = (items: readonly string[]): MessageArg => (items.length ? items.slice(1).reduce<MessageArg>((list, item) => msg('{0} or {1}', list, item), items[0]) : '');

/** A failed keyword: `path` of the value (as jsonschema's absolute_path), `key` for additionalProperties. */
export interface SchemaError {
  path: string[];
  keyword: string;
  /** What the value breaks: a message of the interpreter, or another checker's own words. */
  message: MessageArg;
  key?: string;
}

/** The keywords interpreted below, and those that only annotate. */
const KEYWORDS = new Set(['type', 'enum', 'const', 'properties', 'patternProperties', 'additionalProperties', 'required', 'items', 'oneOf', 'anyOf', 'allOf', 'not', 'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum']);
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples']);

/**
 * `schema` with only what the interpreter checks: keywords it does not know (or whose value is not
 * of their form) are dropped and named in `dropped`. The gate's schema.yaml uses none of them.
 */
function interpretedPart(schema: unknown, dropped: Set<string>): Schema {
  if (typeof schema === 'boolean') return schema;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    dropped.add(JSON.stringify(schema) ?? String(schema));
    return true;
  }
  const kept: Record<string, unknown> = {};
  const sub = (value: unknown) => interpretedPart(value, dropped);
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const form = KEYWORDS.has(keyword) ? keptForm(keyword, value, sub) : undefined;
    if (form === undefined) dropped.add(keyword);
    else kept[keyword] = form;
  }
  return kept as Schema;
}

/** A known keyword's value with its subschemas interpreted, or undefined when it is not of its form. */
function keptForm(keyword: string, value: unknown, sub: (value: unknown) => Schema): unknown {
  switch (keyword) {
    case 'properties':
    case 'patternProperties':
      return value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)])) : undefined;
    case 'additionalProperties':
    case 'not':
      return sub(value);
    case 'items':
      return Array.isArray(value) ? value.map(sub) : sub(value);
    case 'oneOf':
    case 'anyOf':
    case 'allOf':
      return Array.isArray(value) && value.length > 0 ? value.map(sub) : undefined;
    case 'type':
      return typeof value === 'string' || (Array.isArray(value) && value.every((t) => typeof t === 'string')) ? value : undefined;
    case 'enum':
    case 'required':
      return Array.isArray(value) ? value : undefined;
    default:
      return value;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** JSON types as Python's jsonschema sees PyYAML's values: a date, a set or bytes is none of them. */
function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

const patterns = new Map<string, RegExp>();
const regex = (p: string) => patterns.get(p) ?? patterns.set(p, new RegExp(p, 'u')).get(p)!;

/** Every failed keyword of `value` against `schema`, as jsonschema's iter_errors (a failed oneOf reports once). */
function schemaErrors(schema: Schema, value: unknown, path: string[], out: SchemaError[]): SchemaError[] {
  if (schema === true) return out;
  if (schema === false) {
    out.push({ path, keyword: 'false schema', message: msg('is not allowed') });
    return out;
  }
  const s = schema;
  const fail = (keyword: string, message: MessageArg, key?: string) => out.push({ path, keyword, message, key });
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((type) => hasType(value, type))) fail('type', msg('must be {0}', orList(types)));
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => jsonEqual(e, value))) fail('enum', msg('must be one of: {0}', s.enum.map(String).join(', ')));
  if ('const' in s && !jsonEqual(s.const, value)) fail('const', msg('must be {0}', JSON.stringify(s.const)));
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) fail('minLength', msg('must have at least {0} characters', s.minLength));
    if (typeof s.maxLength === 'number' && length > s.maxLength) fail('maxLength', msg('must have at most {0} characters', s.maxLength));
    if (typeof s.pattern === 'string' && !regex(s.pattern).test(value)) fail('pattern', msg('must match "{0}"', s.pattern));
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fail('minimum', msg('must be >= {0}', s.minimum));
    if (typeof s.maximum === 'number' && value > s.maximum) fail('maximum', msg('must be <= {0}', s.maximum));
  }
  if (isObject(value)) {
    for (const key of Array.isArray(s.required) ? (s.required as string[]) : []) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) fail('required', msg('missing required key "{0}"', key));
    }
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const patternSchemas = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    for (const [key, item] of Object.entries(value)) {
      let known = Object.prototype.hasOwnProperty.call(properties, key);
      if (known) schemaErrors(properties[key], item, [...path, key], out);
      for (const [pattern, sub] of patternSchemas) {
        if (!regex(pattern).test(key)) continue;
        known = true;
        schemaErrors(sub, item, [...path, key], out);
      }
      if (known || s.additionalProperties === undefined) continue;
      if (s.additionalProperties === false) fail('additionalProperties', msg('unknown key "{0}"', key), key);
      else schemaErrors(s.additionalProperties as Schema, item, [...path, key], out);
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) fail('minItems', msg('must have at least {0} items', s.minItems));
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail('maxItems', msg('must have at most {0} items', s.maxItems));
    if (Array.isArray(s.items)) (s.items as Schema[]).forEach((sub, i) => i < value.length && schemaErrors(sub, value[i], [...path, String(i)], out));
    else if (s.items !== undefined) value.forEach((item, i) => schemaErrors(s.items as Schema, item, [...path, String(i)], out));
  }
  const passes = (sub: Schema) => schemaErrors(sub, value, path, []).length === 0;
  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) schemaErrors(sub, value, path, out);
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some(passes)) fail('anyOf', msg('must match one of the allowed forms'));
  if (Array.isArray(s.oneOf) && (s.oneOf as Schema[]).filter(passes).length !== 1) fail('oneOf', msg('must match exactly one of the allowed forms'));
  if (s.not !== undefined && passes(s.not as Schema)) fail('not', msg('must not match this form'));
  return out;
}

/** What checks a value against the checkout's schema. */
export type SchemaCheck = (data: unknown) => SchemaError[];

/** The checks of each schema text: the interpreted part, and the keywords left unchecked. */
const checks = new Map<string, { check: SchemaCheck; unchecked: string[] }>();

function schemaObject(schemaText: string): Record<string, unknown> {
  const schema = parse(schemaText) as Record<string, unknown>;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(t('schema.yaml does not hold a JSON Schema object.'));
  return schema;
}

/**
 * The interpreter on the part of the schema it knows. No schema library ships with the extension
 * (ajv would be half of the validators bundle for keywords the gate's schema never used): what it
 * does not check is named once, and the gate checks it. Tests pass `compile` (ajv) to compare.
 */
function schemaCheck(schemaText: string, compile?: (schema: Record<string, unknown>) => SchemaCheck): { check: SchemaCheck; unchecked: string[] } {
  if (compile) return { check: compile(schemaObject(schemaText)), unchecked: [] };
  let entry = checks.get(schemaText);
  if (entry) return entry;
  const dropped = new Set<string>();
  const schema = interpretedPart(schemaObject(schemaText), dropped);
  entry = { check: (data) => schemaErrors(schema, data, [], []), unchecked: [...dropped].sort() };
  checks.set(schemaText, entry);
  return entry;
}

function pathText(path: readonly string[]): string {
  return path.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Where the eye looks for a schema error: the key of the offending value (or the unknown key). */
function errorOffset(doc: Document.Parsed, error: SchemaError): number {
  const path = error.path;
  if (error.key !== undefined) {
    const parent = path.length ? doc.getIn(path, true) : doc.contents;
    const pair = isMap(parent) ? parent.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === error.key) : undefined;
    return (pair && isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? (isNode(parent) ? parent.range?.[0] ?? 0 : 0);
  }
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  let offset = isNode(node) ? node.range?.[0] ?? 0 : 0;
  const parent = path.length ? (path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents) : undefined;
  if (isMap(parent)) {
    // The last pair of a key wins, as in PyYAML (duplicate keys).
    const key = path[path.length - 1];
    const pair = [...parent.items].reverse().find((it) => isScalar(it.key) && String(it.key.value) === key);
    if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
  } else if (isSeq(parent) && isNode(node) && node.range) offset = node.range[0];
  return offset;
}

/** At most this many alias expansions: more is an entity-expansion attack, not a deliverable. */
const MAX_ALIASES = 100;

/** Schema problems of a parsed document, one per (path, keyword, key). */
function schemaProblemsOf(doc: Document.Parsed, check: SchemaCheck, starts: number[]): Problem[] {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const at = positionIn(starts, doc.contents && isNode(doc.contents) ? doc.contents.range?.[0] ?? 0 : 0);
    const why: MessageArg = error instanceof ReferenceError ? msg('more than {0} alias expansions', MAX_ALIASES) : error instanceof Error ? error.message : String(error);
    return [{ ...at, message: msg('not checked against schema.yaml: {0}', why), rule: 'schema', severity: 'error', field: '' }];
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of check(data)) {
    const target = error.key !== undefined ? [...error.path, error.key] : error.path;
    const id = `${target.join('/')}|${error.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const where = pathText(target);
    problems.push({
      ...positionIn(starts, errorOffset(doc, error)),
      message: where ? msg('{0}: {1} (schema.yaml)', where, error.message) : msg('{0} (schema.yaml)', error.message),
      rule: 'schema',
      severity: 'error',
      field: error.path.join('/'),
    });
  }
  return problems;
}

export interface DeliverableValidationInput {
  /** `openstack_releases/schema.yaml` of the checkout; no schema check without it. */
  schemaText?: string;
  /** `yamllint.yml` of the checkout; yamllint's defaults without it. */
  yamllintText?: string;
  /** Another schema checker in place of the interpreter (tests compare it with ajv). */
  compileSchema?: (schema: Record<string, unknown>) => SchemaCheck;
}

/** Every problem of a deliverable file: YAML syntax, duplicate keys, layout (yamllint.yml), schema. Pure and synchronous. */
export function validateDeliverable(text: string, input: DeliverableValidationInput = {}): Problem[] {
  const rules = input.yamllintText !== undefined ? parseYamllintConfig(input.yamllintText) : (structuredClone(DEFAULT_LINT_RULES) as LintRules);
  const problems: Problem[] = [];
  const parsed = lexDeliverable(text);
  // As the gate's check-schema reads it: `include-pypi-link: yes` is no boolean.
  const doc = readDeliverableTyped(parsed);
  let syntaxError = false;
  for (const error of doc.errors) {
    const pos = positionIn(parsed.starts, error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (duplicate && !rules.keyDuplicates) continue;
    if (!duplicate) syntaxError = true;
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push({
      ...pos,
      message: duplicate ? msg('duplication of key in mapping: {0}', message) : msg('syntax error: {0}', message),
      rule: duplicate ? 'key-duplicates' : 'syntax',
      severity: duplicate ? rules.keyDuplicates!.level : 'error',
    });
  }
  problems.push(...layoutProblems(text, rules, parsed));
  // toJS keeps the last of duplicate keys, as PyYAML does.
  if (!syntaxError && input.schemaText !== undefined) {
    const { check, unchecked } = schemaCheck(input.schemaText, input.compileSchema);
    problems.push(...schemaProblemsOf(doc, check, parsed.starts));
    if (unchecked.length) {
      problems.push({ line: 0, column: 0, rule: 'schema', severity: 'information', field: '', message: msg('schema.yaml uses {0}, which the extension does not check (the gate does); the rest of the schema is checked.', unchecked.join(', ')) });
    }
  }
  return problems.sort(byPlace);
}

/** Convenience for tests and tools: only the errors (what makes yamllint exit 1 or the schema check fail). */
export function deliverableErrors(text: string, input: DeliverableValidationInput = {}): Problem[] {
  return validateDeliverable(text, input).filter((p) => p.severity === 'error');
}

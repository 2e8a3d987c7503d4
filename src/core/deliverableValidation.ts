// Checks a deliverable file the way openstack/releases' gate does: the JSON Schema of the checkout
// (`openstack_releases/schema.yaml`, validated with ajv) and the layout rules of its `yamllint.yml`
// that matter for these files (indentation, trailing spaces, final newline, blank lines, line length,
// document start, duplicate keys). It pulls in `yaml` and `ajv`: re-exported from src/readers.ts, so
// the extension loads it lazily (dist/readers.js), never at activation.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, Parser, isMap, isNode, isPair, isScalar, isSeq, parse, parseDocument, type Document } from 'yaml';

export type ProblemSeverity = 'error' | 'warning';

export interface DeliverableProblem {
  /** 1-based, as yamllint prints them. */
  line: number;
  column: number;
  message: string;
  /** yamllint's rule name, `schema`, or `syntax`. */
  rule: string;
  severity: ProblemSeverity;
  /** For schema problems: the path of the failing value (`releases/1/projects/0`), as jsonschema's absolute_path. */
  path?: string;
}

// ---------------------------------------------------------------------------------------------
// yamllint configuration (the rules implemented here; yamllint's `default` values)

export interface LintRules {
  indentation?: { spaces: number | 'consistent'; indentSequences: boolean | 'whatever' | 'consistent'; level: ProblemSeverity };
  trailingSpaces?: { level: ProblemSeverity };
  newLineAtEndOfFile?: { level: ProblemSeverity };
  emptyLines?: { max: number; maxStart: number; maxEnd: number; level: ProblemSeverity };
  lineLength?: { max: number; allowNonBreakableWords: boolean; level: ProblemSeverity };
  documentStart?: { present: boolean; level: ProblemSeverity };
  keyDuplicates?: { level: ProblemSeverity };
  newLines?: { type: 'unix' | 'dos' | 'platform'; level: ProblemSeverity };
  hyphens?: { maxSpacesAfter: number; level: ProblemSeverity };
  truthy?: { allowedValues: string[]; checkKeys: boolean; level: ProblemSeverity };
}

/** yamllint's `extends: default` for the rules implemented here. */
export const DEFAULT_LINT_RULES: Readonly<LintRules> = {
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

interface CstToken {
  type: string;
  offset: number;
  source?: string;
  items?: CstItem[];
  value?: CstToken;
  start?: CstToken[];
  end?: CstToken[];
}

interface CstItem {
  start: CstToken[];
  key?: CstToken | null;
  sep?: CstToken[];
  value?: CstToken | null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** yamllint's indentation rule for block collections (multi-line strings are not checked, as by default). */
function indentationProblems(text: string, rule: NonNullable<LintRules['indentation']>): DeliverableProblem[] {
  const starts = lineStarts(text);
  const problems: DeliverableProblem[] = [];
  let spaces = rule.spaces;
  let seqIndented: boolean | undefined = typeof rule.indentSequences === 'boolean' ? rule.indentSequences : undefined;
  const firstOnLine = (offset: number) => /^[ \t]*$/.test(text.slice(starts[position(starts, offset).line - 1], offset));
  const report = (offset: number, expected: number, found: number) => {
    const pos = position(starts, offset);
    problems.push({ ...pos, message: `wrong indentation: expected ${expected} but found ${found}`, rule: 'indentation', severity: rule.level });
  };

  /** `parentColumn`: column (0-based) of the key or dash owning this node; -1 for the root. */
  const visit = (node: CstToken | null | undefined, parentColumn: number, parentIsKey: boolean) => {
    if (!node || (node.type !== 'block-map' && node.type !== 'block-seq')) return;
    const column = position(starts, node.offset).column - 1;
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
        const keyColumn = keyOffset !== undefined ? position(starts, keyOffset).column - 1 : column;
        visit(item.value, keyColumn, true);
      } else {
        const dash = item.start.find((t) => t.type === 'seq-item-ind');
        visit(item.value, dash ? position(starts, dash.offset).column - 1 : column, false);
      }
    }
  };
  for (const token of new Parser().parse(text) as Iterable<CstToken>) {
    if (token.type === 'document') visit(token.value, -1, false);
  }
  return problems;
}

/** yamllint's hyphens rule: at most `maxSpacesAfter` spaces after a sequence dash. */
function hyphenProblems(text: string, rule: NonNullable<LintRules['hyphens']>): DeliverableProblem[] {
  const starts = lineStarts(text);
  const problems: DeliverableProblem[] = [];
  const visit = (node: CstToken | null | undefined) => {
    if (!node || (node.type !== 'block-map' && node.type !== 'block-seq')) return;
    for (const item of node.items ?? []) {
      if (node.type === 'block-seq') {
        const at = item.start.findIndex((t) => t.type === 'seq-item-ind');
        const space = at >= 0 ? item.start[at + 1] : undefined;
        if (space?.type === 'space' && (space.source?.length ?? 0) > rule.maxSpacesAfter && item.value) {
          const pos = position(starts, space.offset + rule.maxSpacesAfter);
          problems.push({ line: pos.line, column: pos.column, message: 'too many spaces after hyphen', rule: 'hyphens', severity: rule.level });
        }
      }
      visit(item.value);
    }
  };
  for (const token of new Parser().parse(text) as Iterable<CstToken>) {
    if (token.type === 'document') visit(token.value);
  }
  return problems;
}

const TRUTHY = /^(YES|Yes|yes|NO|No|no|TRUE|True|true|FALSE|False|false|ON|On|on|OFF|Off|off)$/;

/** yamllint's truthy rule: plain YAML 1.1 booleans other than the allowed spellings. */
function truthyProblems(text: string, rule: NonNullable<LintRules['truthy']>): DeliverableProblem[] {
  const starts = lineStarts(text);
  const problems: DeliverableProblem[] = [];
  const allowed = [...rule.allowedValues].sort();
  const check = (token: CstToken | null | undefined, isKey: boolean) => {
    if (!token) return;
    if (token.type === 'scalar' && token.source !== undefined) {
      if (TRUTHY.test(token.source) && !rule.allowedValues.includes(token.source) && (!isKey || rule.checkKeys)) {
        const pos = position(starts, token.offset);
        problems.push({ ...pos, message: `truthy value should be one of [${allowed.join(', ')}]`, rule: 'truthy', severity: rule.level });
      }
      return;
    }
    for (const item of token.items ?? []) {
      check(item.key, true);
      check(item.value, false);
    }
  };
  for (const token of new Parser().parse(text) as Iterable<CstToken>) {
    if (token.type === 'document') check(token.value, false);
  }
  return problems;
}

/** The layout rules of yamllint that matter for deliverable files. */
export function layoutProblems(text: string, rules: LintRules): DeliverableProblem[] {
  const problems: DeliverableProblem[] = [];
  const lines = text.split('\n');
  const hasFinalNewline = text.endsWith('\n');
  if (hasFinalNewline) lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trailing = /[ \t]+$/.exec(line);
    if (rules.trailingSpaces && trailing) {
      problems.push({ line: i + 1, column: trailing.index + 1, message: 'trailing spaces', rule: 'trailing-spaces', severity: rules.trailingSpaces.level });
    }
    if (rules.lineLength && line.length > rules.lineLength.max) {
      const unbreakable = rules.lineLength.allowNonBreakableWords && !/\s/.test(line.trim().replace(/^(- |#\s*)+/, '').replace(/^[^\s:]+:\s/, '')) && !line.trim().startsWith('#!');
      if (!unbreakable) {
        problems.push({
          line: i + 1,
          column: rules.lineLength.max + 1,
          message: `line too long (${line.length} > ${rules.lineLength.max} characters)`,
          rule: 'line-length',
          severity: rules.lineLength.level,
        });
      }
    }
  });
  if (rules.newLines?.type === 'unix') {
    const crlf = text.indexOf('\r\n');
    if (crlf !== -1) {
      problems.push({ line: 1, column: text.indexOf('\n'), message: 'wrong new line character: expected \\n', rule: 'new-lines', severity: rules.newLines.level });
    }
  }
  if (rules.newLineAtEndOfFile && text.length > 0 && !hasFinalNewline) {
    problems.push({ line: lines.length, column: lines[lines.length - 1].length + 1, message: 'no new line character at the end of file', rule: 'new-line-at-end-of-file', severity: rules.newLineAtEndOfFile.level });
  }
  if (rules.emptyLines) problems.push(...emptyLineProblems(lines, rules.emptyLines));
  if (rules.documentStart?.present && !/^(\s*(#.*)?\n)*---(\s|$)/.test(text.replace(/\r/g, '')) && text.trim() !== '') {
    const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    problems.push({ line: first + 1, column: 1, message: 'missing document start "---"', rule: 'document-start', severity: rules.documentStart.level });
  }
  if (rules.indentation || rules.hyphens || rules.truthy) {
    try {
      if (rules.indentation) problems.push(...indentationProblems(text, rules.indentation));
      if (rules.hyphens) problems.push(...hyphenProblems(text, rules.hyphens));
      if (rules.truthy) problems.push(...truthyProblems(text, rules.truthy));
    } catch {
      // Unparseable text: the syntax error is reported elsewhere.
    }
  }
  return problems;
}

function emptyLineProblems(lines: string[], rule: NonNullable<LintRules['emptyLines']>): DeliverableProblem[] {
  const problems: DeliverableProblem[] = [];
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
      problems.push({ line: j, column: 1, message: `too many blank lines (${count} > ${max})`, rule: 'empty-lines', severity: rule.level });
    }
    i = j;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Schema

const validators = new Map<string, ValidateFunction>();

/** Compiles the checkout's schema.yaml once per text. Throws when it is not a usable JSON Schema. */
export function compileDeliverableSchema(schemaText: string): ValidateFunction {
  let validate = validators.get(schemaText);
  if (validate) return validate;
  const schema = parse(schemaText) as Record<string, unknown>;
  if (!schema || typeof schema !== 'object') throw new Error('schema.yaml does not hold a JSON Schema object.');
  // ajv does not know the draft-less meta-schema URI "http://json-schema.org/schema#"; the keywords used are draft-07's.
  const rest = { ...schema };
  delete rest.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  validate = ajv.compile(rest);
  validators.set(schemaText, validate);
  return validate;
}

function errorPath(error: ErrorObject): string[] {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return path;
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing required key "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `must be ${Array.isArray(p.type) ? (p.type as string[]).join(' or ') : String(p.type)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function pathText(path: readonly string[]): string {
  return path.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Schema problems of a parsed document, one per (path, keyword); a failed oneOf reports once. */
function schemaProblemsOf(doc: Document.Parsed, validate: ValidateFunction, lineCounter: LineCounter): DeliverableProblem[] {
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // Branch errors of a failed oneOf/anyOf are noise next to the combinator's own error.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !combinators.some((c) => e.schemaPath !== c && e.schemaPath.startsWith(c.replace(/\/(oneOf|anyOf)$/, '/$1/'))));
  const seen = new Set<string>();
  const problems: DeliverableProblem[] = [];
  for (const error of kept) {
    const path = errorPath(error);
    const p = error.params as Record<string, unknown>;
    const target = error.keyword === 'additionalProperties' ? [...path, String(p.additionalProperty)] : path;
    const id = `${target.join('/')}|${error.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let offset = 0;
    if (error.keyword === 'additionalProperties') {
      const parent = doc.getIn(path, true);
      const pair = isMap(parent) ? parent.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(p.additionalProperty)) : undefined;
      offset = (pair && isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? (isNode(parent) ? parent.range?.[0] ?? 0 : 0);
    } else {
      const node = path.length ? doc.getIn(path, true) : doc.contents;
      offset = isNode(node) ? node.range?.[0] ?? 0 : 0;
      // Point at the key of the offending value, where the eye looks.
      const parent = path.length ? (path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      } else if (isSeq(parent) && isNode(node) && node.range) offset = node.range[0];
    }
    const pos = lineCounter.linePos(offset);
    const where = pathText(target);
    problems.push({
      line: pos.line,
      column: pos.col,
      message: `${where ? `${where}: ` : ''}${describe(error)} (schema.yaml)`,
      rule: 'schema',
      severity: 'error',
      path: path.join('/'),
    });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface DeliverableValidationInput {
  /** `openstack_releases/schema.yaml` of the checkout; no schema check without it. */
  schemaText?: string;
  /** `yamllint.yml` of the checkout; yamllint's defaults without it. */
  yamllintText?: string;
}

/** Every problem of a deliverable file: YAML syntax, duplicate keys, layout (yamllint.yml), schema. */
export function validateDeliverable(text: string, input: DeliverableValidationInput = {}): DeliverableProblem[] {
  const rules = input.yamllintText !== undefined ? parseYamllintConfig(input.yamllintText) : (structuredClone(DEFAULT_LINT_RULES) as LintRules);
  const problems: DeliverableProblem[] = [];
  const lineCounter = new LineCounter();
  // YAML 1.1, as PyYAML's safe_load in the gate reads it: `4.9` is a number, `yes` a boolean.
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false, lineCounter });
  let syntaxError = false;
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (duplicate && !rules.keyDuplicates) continue;
    if (!duplicate) syntaxError = true;
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push({
      line: pos.line,
      column: pos.col,
      message: duplicate ? `duplication of key in mapping: ${message}` : `syntax error: ${message}`,
      rule: duplicate ? 'key-duplicates' : 'syntax',
      severity: duplicate ? rules.keyDuplicates!.level : 'error',
    });
  }
  problems.push(...layoutProblems(text, rules));
  if (!syntaxError && input.schemaText !== undefined) {
    const validate = compileDeliverableSchema(input.schemaText);
    const forSchema = doc.errors.length ? parseDocument(text, { version: '1.1', uniqueKeys: false, lineCounter: new LineCounter() }) : doc;
    problems.push(...schemaProblemsOf(forSchema, validate, lineCounter));
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Convenience for tests and tools: only the errors (what makes yamllint exit 1 or the schema check fail). */
export function deliverableErrors(text: string, input: DeliverableValidationInput = {}): DeliverableProblem[] {
  return validateDeliverable(text, input).filter((p) => p.severity === 'error');
}

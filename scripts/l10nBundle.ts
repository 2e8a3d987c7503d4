// The runtime translations: l10n/bundle.l10n.json (every message of the sources, English as its own key)
// and l10n/bundle.l10n.qps-ploc.json (its pseudo translation, VS Code's "qps-ploc" display language).
// A message is the first argument of `vscode.l10n.t('…')` in the editor glue or of `t('…')` (src/core/l10n.ts)
// anywhere in src/, either message of `tPlural(count, 'singular', 'plural')`, plus the data texts of
// resources/release-cycle.yaml (phase and task titles, task texts, details, notes, link labels), which the
// extension passes through `t` when it loads the checklist.
// Written by `npm run l10n` (scripts/l10n.mjs); test/unit/l10n.test.ts checks both files are up to date.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { checklistTexts, validateChecklist } from '../src/core/checklist/checklist';
import { parseYamlText } from '../src/core/calendar/scheduleYaml';

/** Files whose `t(…)` passes a computed message on purpose: data texts, or the translator itself. */
const COMPUTED_MESSAGES = new Set(['src/core/l10n.ts', 'src/core/checklist/checklist.ts', 'src/vscode/l10nSetup.ts']);

export interface Extracted {
  /** English message -> English message, sorted. */
  bundle: Record<string, string>;
  /** English message -> pseudo translation, same keys. */
  pseudo: Record<string, string>;
  /** `file:line` of calls whose message is not a literal string (they cannot be translated). */
  computed: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The names the file imports from the core's l10n module (a call `t(…)` or `tPlural(…)` is a translation). */
function coreImports(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !/(^|\/)l10n$/.test(s.moduleSpecifier.text)) continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
  }
  return names;
}

/**
 * The messages of one TypeScript source: first arguments of `vscode.l10n.t(…)`, `l10n.t(…)`, core
 * `t(…)` and `msg(…)`, second and third (singular, plural) of core `tPlural(count, …)` and `msgPlural(count, …)`.
 */
export function messagesOf(fileName: string, text: string): { messages: string[]; computed: number[] } {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const core = coreImports(file);
  const messages: string[] = [];
  const computed: number[] = [];
  const take = (node: ts.CallExpression, index: number): void => {
    const arg = node.arguments[index];
    if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) messages.push(arg.text);
    else computed.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(file);
      if (callee === 'vscode.l10n.t' || callee === 'l10n.t' || (core.has('t') && callee === 't') || (core.has('msg') && callee === 'msg')) take(node, 0);
      else if ((core.has('tPlural') && callee === 'tPlural') || (core.has('msgPlural') && callee === 'msgPlural')) [1, 2].forEach((i) => take(node, i));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { messages, computed };
}

/** Every message of src/ and of resources/release-cycle.yaml, with the pseudo translations. */
export function extract(root: string): Extracted {
  const messages = new Set<string>();
  const computed: string[] = [];
  for (const full of sourceFiles(path.join(root, 'src')).sort()) {
    const rel = path.relative(root, full).split(path.sep).join('/');
    const found = messagesOf(rel, fs.readFileSync(full, 'utf8'));
    found.messages.forEach((m) => messages.add(m));
    if (!COMPUTED_MESSAGES.has(rel)) computed.push(...found.computed.map((line) => `${rel}:${line}`));
  }
  const checklistFile = path.join(root, 'resources', 'release-cycle.yaml');
  const checklist = validateChecklist(parseYamlText(fs.readFileSync(checklistFile, 'utf8'), 'resources/release-cycle.yaml'));
  checklistTexts(checklist).forEach((m) => messages.add(m));
  const keys = [...messages].sort();
  return {
    bundle: Object.fromEntries(keys.map((k) => [k, k])),
    pseudo: Object.fromEntries(keys.map((k) => [k, pseudoLocalize(k)])),
    computed,
  };
}

export const protectedSpan = /`[^`]*`|\]\([^)\s]*\)|%[^%\s]+%|\{\w+\}|\$\([\w~-]+\)|#[\w.]+#|https?:\/\/[^\s)]+/g;
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý' };

/**
 * The pseudo translation of one English message, the transformation of package.nls.qps-ploc.json
 * (test/unit/manifestL10n.test.ts): vowels accented, each non-empty line wrapped in `［…］`, a line that is
 * only a Markdown link wrapped inside its label. Code spans, link targets, `{0}` and `{series}`
 * placeholders, `$(codicons)`, `#setting#` links and URLs are kept as they are.
 */
export function pseudoLocalize(english: string): string {
  const accent = (text: string) => {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(protectedSpan)) {
      out += text.slice(last, m.index).replace(/[aeiouyAEIOUY]/g, (c) => ACCENTED[c]) + m[0];
      last = (m.index ?? 0) + m[0].length;
    }
    return out + text.slice(last).replace(/[aeiouyAEIOUY]/g, (c) => ACCENTED[c]);
  };
  return english
    .split('\n')
    .map((line) => {
      if (!line.trim()) return line;
      const button = /^\[([^\]]+)\](\([^)\s]+\))$/.exec(line);
      return button ? `[［${accent(button[1])}］]${button[2]}` : `［${accent(line)}］`;
    })
    .join('\n');
}

/** The two bundle files' contents, as `npm run l10n` writes them. */
export function bundleFiles(root: string): Record<string, string> {
  const { bundle, pseudo } = extract(root);
  return {
    [path.join('l10n', 'bundle.l10n.json')]: JSON.stringify(bundle, null, 2) + '\n',
    [path.join('l10n', 'bundle.l10n.qps-ploc.json')]: JSON.stringify(pseudo, null, 2) + '\n',
  };
}

/** Writes both bundles; fails on a translation call whose message is not a literal string. */
export function writeBundles(root: string): string[] {
  const { computed } = extract(root);
  if (computed.length) throw new Error(`Translation calls with a computed message (use a literal with {0} placeholders):\n  ${computed.join('\n  ')}`);
  const files = bundleFiles(root);
  fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(root, rel), text);
  return Object.keys(files);
}

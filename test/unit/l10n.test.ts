// The runtime translations (l10n/bundle.l10n.json, l10n/bundle.l10n.qps-ploc.json) are generated from the
// sources by `npm run l10n` (scripts/l10nBundle.ts): here the extraction runs again in memory and must
// give the committed files, every pseudo value must differ from its English, and the core's `t` formats.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { bundleFiles, extract, messagesOf, pseudoLocalize } from '../../scripts/l10nBundle';
import { checklistTexts, localizeChecklist, validateChecklist } from '../../src/core/checklist/checklist';
import { pluralCategory, setTranslator, t, tPlural } from '../../src/core/l10n';
import { parseYamlText } from '../../src/core/calendar/scheduleYaml';
import { repoRoot } from './helpers';

const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, rel), 'utf8')) as Record<string, string>;
const checklist = () => validateChecklist(parseYamlText(fs.readFileSync(path.join(repoRoot, 'resources', 'release-cycle.yaml'), 'utf8'), 'release-cycle.yaml'));

describe('the runtime translations (l10n/)', () => {
  const extracted = extract(repoRoot);

  it('are up to date with the sources and resources/release-cycle.yaml (else: npm run l10n)', () => {
    for (const [rel, text] of Object.entries(bundleFiles(repoRoot))) {
      assert.ok(fs.existsSync(path.join(repoRoot, rel)), `${rel} is missing: run npm run l10n`);
      assert.equal(fs.readFileSync(path.join(repoRoot, rel), 'utf8'), text, `${rel} is out of date: run npm run l10n`);
    }
  });

  it('finds the messages of the status bar, the tree, the messages and the data', () => {
    const keys = Object.keys(extracted.bundle);
    assert.ok(keys.length > 300, `only ${keys.length} messages`);
    for (const m of ['Next deadline: {0}', 'Loading the release cycle…', 'Open a deliverable file (deliverables/<series>/<name>.yaml of an openstack/releases checkout) first.', 'Unknown series "{0}": the schedule data knows {1}.']) {
      assert.ok(keys.includes(m), m);
    }
    for (const text of checklistTexts(checklist())) assert.ok(keys.includes(text), `data text missing: ${text}`);
  });

  it('has no translation call with a computed message', () => {
    assert.deepEqual(extracted.computed, []);
    assert.deepEqual(messagesOf('x.ts', "import { t } from './l10n';\nt('A {0}', x); t(y); vscode.l10n.t(`B`);"), { messages: ['A {0}', 'B'], computed: [2] });
    assert.deepEqual(messagesOf('x.ts', 'const t = (s) => s; t("not ours");').messages, [], 't not imported from l10n is not a translation');
    assert.deepEqual(
      messagesOf('x.ts', "import { tPlural } from '../l10n';\ntPlural(n, '{0} task', '{0} tasks', n);\ntPlural(n, one, '{0} b', n);"),
      { messages: ['{0} task', '{0} tasks', '{0} b'], computed: [3] },
    );
  });

  it('has no plural built by passing "" or "s" into a message, and both forms of each plural', () => {
    const keys = Object.keys(extracted.bundle);
    for (const [one, other] of [
      ['{0} open task in "{1}"', '{0} open tasks in "{1}"'],
      ['{0} open change', '{0} open changes'],
      ['{0} cycle highlight in {1}.yaml.{2}', '{0} cycle highlights in {1}.yaml.{2}'],
      ['{0}: {1} open Post-Final Release task', '{0}: {1} open Post-Final Release tasks'],
      ['$(trash) Untick the {0} done task of {1}', '$(trash) Untick all {0} done tasks of {1}'],
      ['{0} day ago', '{0} days ago'],
    ]) {
      assert.ok(keys.includes(one) && keys.includes(other), `${one} / ${other}`);
    }
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const built = sources(path.join(repoRoot, 'src')).filter((f) => /\? '' : 's'|\? 's' : ''/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(built, [], 'plurals built from "" and "s": use tPlural');
    for (const m of ['Problem: {0}', '{0} h ago']) assert.ok(keys.includes(m), m);
  });

  it('pseudo-localizes every message, keeping placeholders, code spans and codicons', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const pseudo = readJson('l10n/bundle.l10n.qps-ploc.json');
    assert.deepEqual(Object.keys(pseudo), Object.keys(english));
    const kept = (s: string) => [...s.matchAll(/\{\w+\}|\$\([\w~-]+\)|`[^`]*`|https?:\/\/[^\s)］]+/g)].map((m) => m[0]);
    for (const [key, value] of Object.entries(pseudo)) {
      assert.equal(english[key], key);
      assert.notEqual(value, key, `not transformed: ${key}`);
      assert.deepEqual(kept(value), kept(key), key);
      assert.equal(value, pseudoLocalize(key), `stale pseudo translation (npm run l10n): ${key}`);
    }
    assert.equal(pseudoLocalize('$(check) {0} has {series} at `x`'), '［$(check) {0} hás {series} át `x`］');
  });

  describe('the core translator (src/core/l10n.ts)', () => {
    afterEach(() => setTranslator(undefined));

    it('is English with {n} placeholders until one is installed', () => {
      assert.equal(t('{0} of {1} done', 2, 'ten'), '2 of ten done');
      assert.equal(t('keeps {series} and {3}', 'x'), 'keeps {series} and {3}');
    });

    it('uses the installed translator, the checklist texts included', () => {
      const pseudo = readJson('l10n/bundle.l10n.qps-ploc.json');
      setTranslator((message, ...args) => (pseudo[message] ?? message).replace(/\{(\d+)\}/g, (w, n: string) => String(args[Number(n)] ?? w)));
      assert.equal(t('Next deadline: {0}', 'Mon 5 Oct'), '［Néxt déádlíné: Mon 5 Oct］');
      const localized = localizeChecklist(checklist());
      assert.ok(localized.phases.every((p) => p.title.startsWith('［') && p.tasks.every((k) => k.text.startsWith('［'))));
    });

    it('chooses the singular or the plural message (tPlural), by the display language\'s rules', () => {
      assert.deepEqual([0, 1, 2, 21].map((n) => tPlural(n, '{0} open change', '{0} open changes', n)), ['0 open changes', '1 open change', '2 open changes', '21 open changes']);
      assert.equal(tPlural(1, 'the {1} task of {0}', 'all {1} tasks of {0}', 'Flamingo', 1), 'the 1 task of Flamingo');
      const pseudo = readJson('l10n/bundle.l10n.qps-ploc.json');
      setTranslator((message, ...args) => (pseudo[message] ?? message).replace(/\{(\d+)\}/g, (w, n: string) => String(args[Number(n)] ?? w)), pseudo, 'qps-ploc');
      assert.equal(tPlural(1, '{0} open change', '{0} open changes', 1), '［1 ópén chángé］', 'the pseudo-locale takes the English forms');
      assert.equal(tPlural(3, '{0} open change', '{0} open changes', 3), '［3 ópén chángés］');
    });

    it('knows the plural categories of English without Intl, of other languages with it', () => {
      assert.deepEqual([0, 1, 2].map((n) => pluralCategory(n)), ['other', 'one', 'other']);
      assert.deepEqual([0, 1, 2].map((n) => pluralCategory(n, 'en-GB')), ['other', 'one', 'other']);
      assert.deepEqual([0, 1, 2].map((n) => pluralCategory(n, 'fr')), ['one', 'one', 'other']);
      assert.deepEqual([1, 2, 5, 21].map((n) => pluralCategory(n, 'ru')), ['one', 'other', 'other', 'one']);
      assert.deepEqual([1, 2].map((n) => pluralCategory(n, 'ja')), ['other', 'other']);
      assert.deepEqual([1, 2].map((n) => pluralCategory(n, 'not a language!')), ['one', 'other']);
    });
  });
});

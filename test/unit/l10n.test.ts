// The runtime translations (l10n/bundle.l10n.json, l10n/bundle.l10n.qps-ploc.json) are generated from the
// sources by `npm run l10n` (scripts/l10nBundle.ts): here the extraction runs again in memory and must
// give the committed files, every pseudo value must differ from its English, and the core's `t` formats.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { bundleFiles, extract, messagesOf, pseudoLocalize } from '../../scripts/l10nBundle';
import { checklistTexts, localizeChecklist, validateChecklist } from '../../src/core/checklist/checklist';
import { setTranslator, t } from '../../src/core/l10n';
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
  });
});

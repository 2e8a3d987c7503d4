// The manifest is translatable: every string a user reads (Marketplace entry, commands, views, settings,
// walkthrough, capability notes) is a `%key%` with its English in package.nls.json, and the pseudo-locale
// bundle package.nls.qps-ploc.json (VS Code's "qps-ploc" display language) transforms every one of them.
// After changing package.nls.json, regenerate the pseudo bundle:
//   npx tsc -p ./ && GLANCE_UPDATE_PSEUDO_NLS=1 npx mocha out/test/unit/manifestL10n.test.js
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { protectedSpan, pseudoLocalize } from '../../scripts/l10nBundle';
import { repoRoot } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, name), 'utf8'));
const PLACEHOLDER = /^%([^%\s]+)%$/;

/** Fields VS Code shows to the user, by where they sit in the manifest (`*` is any array index or map key). */
const VISIBLE: RegExp[] = [
  /^displayName$/,
  /^description$/,
  /^capabilities\.(untrustedWorkspaces|virtualWorkspaces)\.description$/,
  /^contributes\.commands\.\*\.(title|shortTitle|category)$/,
  /^contributes\.submenus\.\*\.label$/,
  /^contributes\.viewsContainers\.\*\.\*\.title$/,
  /^contributes\.views\.\*\.\*\.(name|contextualTitle)$/,
  /^contributes\.viewsWelcome\.\*\.contents$/,
  /^contributes\.configuration(\.\*)?\.title$/,
  /^contributes\.configuration(\.\*)?\.properties\.\*\.(description|markdownDescription|deprecationMessage|markdownDeprecationMessage|patternErrorMessage)$/,
  /^contributes\.configuration(\.\*)?\.properties\.\*\.(enumDescriptions|markdownEnumDescriptions|enumItemLabels)\.\*$/,
  /^contributes\.walkthroughs\.\*\.(title|description)$/,
  /^contributes\.walkthroughs\.\*\.steps\.\*\.(title|description)$/,
  /^contributes\.walkthroughs\.\*\.steps\.\*\.media\.altText$/,
];

/** Every string of the manifest with its path, array indexes and map keys written as `*` for matching. */
function strings(value: Json, at: string[] = [], shape: string[] = []): Array<{ where: string; shape: string; text: string }> {
  if (typeof value === 'string') return [{ where: at.join('.'), shape: shape.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, String(i)], [...shape, '*']));
  if (value && typeof value === 'object') {
    // Under these, the keys are ids (view containers, setting names), not field names.
    const mapOfIds = /(^|\.)(views|viewsContainers|properties|menus)$/.test(shape.join('.'));
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...at, k], [...shape, mapOfIds ? '*' : k]));
  }
  return [];
}

// The same transform as the code's bundle (scripts/l10nBundle.ts): one pseudo-localizer for both.
const spans = (text: string) => [...text.matchAll(protectedSpan)].map((m) => m[0]);

describe('the manifest translations (package.nls.json, package.nls.qps-ploc.json)', () => {
  const manifest = readJson('package.json') as Json;
  const english = readJson('package.nls.json') as Record<string, string>;
  const pseudoFile = path.join(repoRoot, 'package.nls.qps-ploc.json');

  before(() => {
    if (!process.env.GLANCE_UPDATE_PSEUDO_NLS) return;
    const pseudo = Object.fromEntries(Object.entries(english).map(([k, v]) => [k, pseudoLocalize(v)]));
    fs.writeFileSync(pseudoFile, JSON.stringify(pseudo, null, 2) + '\n');
  });

  it('leaves no user-visible manifest string without a %key%', () => {
    const visible = strings(manifest).filter((s) => VISIBLE.some((r) => r.test(s.shape)));
    assert.ok(visible.length > 50, `only ${visible.length} visible strings found: did the manifest layout change?`);
    const bare = visible.filter((s) => !PLACEHOLDER.test(s.text)).map((s) => `${s.where}: ${JSON.stringify(s.text)}`);
    assert.deepEqual(bare, []);
    for (const part of ['displayName', 'description', 'contributes.walkthroughs.0.steps.0.title', 'contributes.configuration.title']) {
      assert.ok(visible.some((s) => s.where === part), `${part} is not among the checked strings`);
    }
  });

  it('has every %key% of the manifest in both bundles, and no key the manifest does not use', () => {
    const pseudo = JSON.parse(fs.readFileSync(pseudoFile, 'utf8')) as Record<string, string>;
    const used = new Set(strings(manifest).flatMap((s) => PLACEHOLDER.exec(s.text)?.[1] ?? []));
    assert.deepEqual([...used].filter((k) => !(k in english)), [], 'keys missing from package.nls.json');
    assert.deepEqual([...used].filter((k) => !(k in pseudo)), [], 'keys missing from package.nls.qps-ploc.json');
    assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'keys of package.nls.json the manifest does not use');
    assert.deepEqual(Object.keys(pseudo).sort(), Object.keys(english).sort(), 'both bundles have the same keys');
    for (const [key, text] of Object.entries(english)) assert.ok(typeof text === 'string' && text.trim(), `${key} is empty`);
  });

  it('pseudo-localizes every string, keeping code spans, link targets and placeholders intact', () => {
    const pseudo = JSON.parse(fs.readFileSync(pseudoFile, 'utf8')) as Record<string, string>;
    const stale = [];
    for (const [key, text] of Object.entries(english)) {
      assert.notEqual(pseudo[key], text, `${key} is not transformed`);
      assert.deepEqual(spans(pseudo[key]), spans(text), `${key}: code spans, link targets and placeholders differ`);
      assert.equal(pseudo[key].split('\n').length, text.split('\n').length, `${key}: the lines (walkthrough buttons) differ`);
      if (pseudo[key] !== pseudoLocalize(text)) stale.push(key);
    }
    assert.deepEqual(stale, [], 'out of date with package.nls.json: regenerate with GLANCE_UPDATE_PSEUDO_NLS=1 (see the top of this file)');
  });

  it('keeps walkthrough buttons buttons: a link alone on its line stays a link alone on its line', () => {
    const pseudo = JSON.parse(fs.readFileSync(pseudoFile, 'utf8')) as Record<string, string>;
    const linkLine = /^\[[^\]]+\]\((command:|https?:)[^)\s]+\)$/;
    for (const [key, text] of Object.entries(english)) {
      const before = text.split('\n').map((l) => linkLine.test(l));
      const after = pseudo[key].split('\n').map((l) => linkLine.test(l));
      assert.deepEqual(after, before, key);
    }
    assert.equal(pseudoLocalize('Run `git` on [a file](command:x.y?%5B1%5D)\n[Go](command:z)'), '［Rún `git` ón [á fílé](command:x.y?%5B1%5D)］\n[［Gó］](command:z)');
  });
});

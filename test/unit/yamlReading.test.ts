// The YAML readings of a deliverable file (src/core/deliverables/yamlReading.ts) come from one lex of
// the text, and read it as yaml's parseDocument does with the same options: the same errors, in the
// same places, and the same values, on every bad file of the fixtures and the real shapes.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { lexDeliverable, readDeliverableTyped, readDeliverableYaml } from '../../src/core/deliverables/yamlReading';
import { repoRoot } from './helpers';

const bad = path.join(repoRoot, 'test', 'fixtures', 'bad-deliverables');
const samples: Array<[string, string]> = [
  ...fs.readdirSync(bad).filter((f) => f.endsWith('.yaml')).map((f): [string, string] => [f, fs.readFileSync(path.join(bad, f), 'utf8')]),
  ['glance.yaml', fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'releases', 'deliverables', 'hibiscus', 'glance.yaml'), 'utf8')],
  ['two documents', '---\nteam: glance\n---\nteam: other\n'],
  ['typed values', '---\ninclude-pypi-link: yes\nversion: 4.9\nwhen: 2026-10-01\nseries: 2026.10\n'],
  ['unclosed flow', 'releases: [unclosed\n'],
];
/** toJS, or the name of what it throws (an alias bomb is refused by the alias cap). */
const value = (doc: { toJS(o: { maxAliasCount: number }): unknown }) => {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return error instanceof Error ? error.name : 'thrown';
  }
};
const errors = (doc: { errors: Array<{ code: string; pos: [number, number] }> }) => doc.errors.map((e) => [e.code, e.pos[0]]);

describe('the YAML readings of a deliverable file', () => {
  for (const [name, text] of samples) {
    it(`reads ${name} as parseDocument does: the model (failsafe) and the typed document (YAML 1.2)`, () => {
      const model = readDeliverableYaml(text).doc;
      const expectedModel = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
      assert.deepEqual(errors(model), errors(expectedModel));
      if (!expectedModel.errors.length) assert.deepEqual(value(model), value(expectedModel));
      const typed = readDeliverableTyped(lexDeliverable(text));
      const expectedTyped = parseDocument(text, { version: '1.2', customTags: ['timestamp'], uniqueKeys: true, prettyErrors: false });
      assert.deepEqual(errors(typed), errors(expectedTyped));
      if (!expectedTyped.errors.length) assert.deepEqual(value(typed), value(expectedTyped));
    });
  }

  it('lexes a text once for all its readings, and lines are 1-based', () => {
    const text = samples.find(([n]) => n === 'glance.yaml')![1];
    const first = lexDeliverable(text);
    readDeliverableYaml(text);
    readDeliverableTyped(first);
    assert.equal(lexDeliverable(text), first);
    const reading = readDeliverableYaml(text);
    assert.equal(reading.lineAt(text.indexOf('releases:')), text.slice(0, text.indexOf('releases:')).split('\n').length);
    assert.notEqual(lexDeliverable(`${text}\n`), first);
  });

  it('keeps `2026.10` as text in the model and reads `yes` as text, `4.9` as a number in the typed document', () => {
    const text = samples.find(([n]) => n === 'typed values')![1];
    assert.deepEqual(readDeliverableYaml(text).doc.toJS(), { 'include-pypi-link': 'yes', version: '4.9', when: '2026-10-01', series: '2026.10' });
    const typed = readDeliverableTyped(lexDeliverable(text)).toJS() as Record<string, unknown>;
    assert.equal(typed['include-pypi-link'], 'yes');
    assert.equal(typed.version, 4.9);
    assert.ok(typed.when instanceof Date);
  });
});

// The deliverable validator (schema.yaml with ajv + yamllint.yml's layout rules) on real and broken files.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseYamllintConfig, validateDeliverable } from '../../src/core/deliverables/deliverableValidation';
import type { Problem } from '../../src/core/problem';
import { BROKEN_FILES } from './deliverableSamples';
import { messageText } from '../../src/core/l10n';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'releases');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const input = { schemaText: read('openstack_releases/schema.yaml'), yamllintText: read('yamllint.yml') };
const brief = (problems: Problem[]) => problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.severity}`);


describe('deliverable validation', () => {
  it('reads yamllint.yml on top of the default rules', () => {
    const rules = parseYamllintConfig(input.yamllintText);
    assert.deepEqual(rules.indentation, { spaces: 2, indentSequences: true, level: 'error' });
    assert.deepEqual(rules.lineLength, { max: 200, allowNonBreakableWords: true, level: 'warning' });
    assert.deepEqual(rules.documentStart, { present: true, level: 'warning' });
    assert.equal(parseYamllintConfig('rules:\n  trailing-spaces: disable\n').trailingSpaces, undefined);
  });

  it('finds nothing in the real deliverable files', () => {
    for (const series of ['epoxy', 'hibiscus']) {
      for (const name of ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin']) {
        assert.deepEqual(validateDeliverable(read(`deliverables/${series}/${name}.yaml`), input), [], `${series}/${name}`);
      }
    }
  });

  it('reports layout problems with yamllint line and column numbers', () => {
    assert.deepEqual(brief(validateDeliverable(BROKEN_FILES.layout, input)), [
      '2:13 trailing-spaces error',
      '5:5 indentation error',
      '7:7 indentation error',
      '10:1 indentation error',
      '11:18 new-line-at-end-of-file error',
    ]);
    assert.equal(messageText(validateDeliverable(BROKEN_FILES.layout, input)[1].message), 'wrong indentation: expected 2 but found 4');
  });

  it('reports schema problems on the line of the offending key', () => {
    const problems = validateDeliverable(BROKEN_FILES.schema, input);
    assert.deepEqual(brief(problems), [
      '1:1 document-start warning',
      '2:1 schema error',
      '3:1 schema error',
      '5:5 schema error',
      '7:9 schema error',
      '8:5 schema error',
      '11:5 schema error',
      '13:1 empty-lines error',
    ]);
    assert.match(messageText(problems[2].message), /unknown key "foo"/);
    assert.match(messageText(problems[3].message), /releases\[0\]\.version: must be string/);
    assert.match(messageText(problems[4].message), /missing required key "hash"/);
  });

  it('reads YAML as the gate does (ruamel.yaml, YAML 1.2: yes is text, dates are dates)', () => {
    const problems = validateDeliverable(BROKEN_FILES.types, input).filter((p) => p.rule === 'schema');
    // `team: yes` is text (valid), `include-pypi-link: yes` is text, not the boolean the schema wants; a date is not text.
    assert.deepEqual(
      problems.map((p) => p.field),
      ['include-pypi-link', 'releases/0/projects/0/hash', 'releases/0/projects/0'],
    );
  });

  it('reports YAML syntax errors and duplicate keys instead of crashing', () => {
    const syntax = validateDeliverable('---\nteam: [glance\ntype: service\n', input);
    assert.ok(syntax.some((p) => p.rule === 'syntax' && p.severity === 'error'));
    const dup = validateDeliverable('---\nteam: glance\ntype: service\nteam: other\n', input);
    assert.deepEqual(brief(dup.filter((p) => p.rule === 'key-duplicates')), ['4:1 key-duplicates error']);
  });

  it('checks layout only when the checkout has no schema', () => {
    assert.deepEqual(validateDeliverable('---\nteam: glance\nfoo: 1\n', { yamllintText: input.yamllintText }), []);
  });
});

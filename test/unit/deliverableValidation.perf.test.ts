// Behaviour behind the fast validator (timing lives in scripts/bench-validate.mjs): the schema
// interpreter reports what ajv reports, a big file is read in one parse, an alias bomb is a problem
// rather than an exception.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { validateDeliverable } from '../../src/core/deliverables/deliverableValidation';
import { BROKEN_FILES } from './deliverableSamples';
import { ajvSchemaCheck } from './ajvSchemaCheck';
import { messageText } from '../../src/core/l10n';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const schemaText = read('releases/openstack_releases/schema.yaml');
const yamllintText = read('releases/yamllint.yml');
const brief = (text: string, viaAjv = false) =>
  validateDeliverable(text, { schemaText, yamllintText, ...(viaAjv && { compileSchema: ajvSchemaCheck }) }).map((p) => `${p.line}:${p.column} ${p.rule} ${p.field ?? ''} ${messageText(p.message)}`);

describe('deliverable validation: the schema interpreter', () => {
  // The same schema.yaml through ajv (a test-only checker): both must agree.
  it('reports what ajv reports on every broken sample (line, column, path, message)', () => {
    for (const [name, text] of Object.entries(BROKEN_FILES)) assert.deepEqual(brief(text), brief(text, true), name);
  });

  it('checks what it knows of a schema with keywords it does not know, and names those once as information', () => {
    const extended = schemaText.replace(/^properties:/m, 'dependencies:\n  team: [type]\nproperties:');
    assert.notEqual(extended, schemaText);
    const [name, text] = Object.entries(BROKEN_FILES)[0];
    const problems = validateDeliverable(text, { schemaText: extended, yamllintText });
    const told = problems.filter((p) => p.severity === 'information');
    assert.equal(told.length, 1, name);
    assert.match(messageText(told[0].message), /^schema\.yaml uses dependencies, which the extension does not check \(the gate does\)/);
    assert.deepEqual(
      problems.filter((p) => p.severity !== 'information'),
      validateDeliverable(text, { schemaText, yamllintText }),
      'the known keywords are still checked',
    );
  });

  it('validates 5,000 releases without problems and finds one wrong release among them', () => {
    const lines = ['---', 'team: glance', 'type: service', 'releases:'];
    for (let i = 0; i < 5000; i++) lines.push(`  - version: ${i}.0.0`, '    projects:', '      - repo: openstack/glance', `        hash: a${String(i).padStart(39, '0')}`);
    const text = `${lines.join('\n')}\n`;
    assert.deepEqual(validateDeliverable(text, { schemaText, yamllintText }), []);
    const broken = text.replace('  - version: 4321.0.0\n    projects:', '  - version: 4321.0.0\n    project:');
    assert.deepEqual(brief(broken), brief(broken, true));
    assert.deepEqual(
      validateDeliverable(broken, { schemaText, yamllintText }).map((p) => `${p.line} ${p.field}`),
      [`${4 + 4321 * 4 + 1} releases/4321`, `${4 + 4321 * 4 + 2} releases/4321`],
    );
  });

  it('reports an alias bomb as a schema problem instead of throwing', () => {
    const problems = validateDeliverable(read('bad-deliverables/alias-bomb.yaml'), { schemaText, yamllintText }).filter((p) => p.rule === 'schema');
    assert.equal(problems.length, 1);
    assert.match(messageText(problems[0].message), /not checked against schema\.yaml: more than 100 alias expansions/);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { NOTE_SECTIONS, PRELUDE_SECTION, renderNote, renderPrelude, uniqueNoteFileName } from '../../src/core/notes/releaseNotes';
import { closestSection, parseCycleHighlights, parseRenoConfig, validateReleaseNote } from '../../src/core/notes/releaseNoteValidation';
import { messageText } from '../../src/core/l10n';

const root = path.resolve(__dirname, '..', '..', '..');
const notesDir = path.join(root, 'test', 'fixtures', 'demo-workspace', 'glance', 'releasenotes', 'notes');
const releasesDir = path.join(root, 'test', 'fixtures', 'releases');

function messages(text: string, fileName?: string): string[] {
  return validateReleaseNote(text, fileName).map((p) => `${p.severity}@${(p.line ?? 1) - 1}:${(p.column ?? 1) - 1}: ${messageText(p.message)}`);
}

describe('release notes: the validator', () => {
  it("passes every real Glance note of the fixtures", () => {
    const files = fs.readdirSync(notesDir).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 3, `notes in ${notesDir}`);
    for (const file of files) {
      assert.deepEqual(messages(fs.readFileSync(path.join(notesDir, file), 'utf8'), file), [], file);
    }
  });

  it('passes the notes this extension writes', () => {
    assert.deepEqual(messages(renderPrelude('indri').text, uniqueNoteFileName('indri-rc1-prelude', [])), []);
    assert.deepEqual(messages(renderPrelude('epoxy', ['A: b', 'yes']).text), []);
    assert.deepEqual(messages(renderNote([...NOTE_SECTIONS]).text), []);
  });

  it('rejects an unknown section and suggests the known one', () => {
    const problems = validateReleaseNote('---\nfix:\n  - |\n    Fixed it.\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.match(messageText(problems[0].message), /Unknown section "fix".*Did you mean "fixes"/);
    assert.deepEqual([problems[0].line, problems[0].column, problems[0].endLine, problems[0].endColumn], [2, 1, 2, 4]);
    assert.equal(closestSection('feature'), 'features');
    assert.equal(closestSection('deprecation'), 'deprecations');
    assert.equal(closestSection('Upgrades'), 'upgrade');
    assert.equal(closestSection('completely-different'), undefined);
  });

  it('warns (as reno does) about a prelude that is not one string', () => {
    const [problem] = validateReleaseNote('prelude:\n  - one\n  - two\n');
    assert.equal(problem.severity, 'warning');
    assert.match(messageText(problem.message), /prelude must be one string.*not a list/);
    assert.equal(problem.line, 2);
    assert.match(messageText(validateReleaseNote('prelude: yes\n')[0].message), /not a boolean \(true\)/);
    assert.deepEqual(validateReleaseNote('prelude: ""\n'), []);
  });

  it('warns (as reno does) about list items that are not strings (mappings, numbers, YAML 1.1 booleans)', () => {
    const text = '---\nfixes:\n  - Bug 1: it broke\n  - 42\n  - on\n  - |\n    fine\n';
    const problems = validateReleaseNote(text);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.line]),
      [['warning', 3], ['warning', 4], ['warning', 5]],
    );
    assert.match(messageText(problems[0].message), /is a mapping, not a string.*"- \|"/);
    assert.match(messageText(problems[1].message), /a number \(42\)/);
    assert.match(messageText(problems[2].message), /a boolean \(true\)/);
  });

  it('warns (as reno does) about empty and mis-shaped sections; a single string or an empty list is fine', () => {
    assert.match(messages('features:\nfixes:\n  - x\n')[0], /^warning@0:0: The section "features" is empty/);
    assert.deepEqual(messages('features: just text\n'), []);
    assert.match(messages('features:\n  a: b\n')[0], /^warning@1:2: The section "features" must be a list of strings, not a mapping/);
    assert.deepEqual(messages('features: []\n'), []);
    assert.deepEqual(messages('features:\n  - ""\n'), []);
  });

  it('reports YAML errors, empty notes, non-mappings and duplicate sections', () => {
    assert.match(messages('fixes:\n  - |\n    x\n  bad: [\n')[0], /^error@\d+:\d+: YAML: /);
    assert.match(messages('')[0], /note is empty/);
    assert.match(messages('---\n')[0], /note is empty/);
    assert.match(messages('- a\n- b\n')[0], /must be a mapping of sections.*not a list/);
    // PyYAML keeps the last of a key given twice, and reno lint passes it.
    assert.deepEqual(messages('fixes:\n  - a\nfixes:\n  - b\n'), []);
    assert.match(messages('1: x\n')[0], /section name must be text/);
  });

  it('fails two notes with the same id (the last 16 characters of the name), as reno lint does', () => {
    const siblings = ['a-0123456789abcdef.yaml', 'b-0123456789abcdef.yaml', 'c-fedcba9876543210.yaml'];
    assert.match(messageText(validateReleaseNote('fixes:\n  - a\n', siblings[0], { siblings })[0].message), /same id \(0123456789abcdef\) as b-0123456789abcdef\.yaml/);
    assert.deepEqual(validateReleaseNote('fixes:\n  - a\n', siblings[2], { siblings }), []);
    assert.deepEqual(messages('fixes:\n  - a\n', 'my-note.yaml'), []);
  });

  it('knows the sections of the repository\'s reno configuration', () => {
    const config = parseRenoConfig('---\nsections:\n  - [features, New Features]\n  - [api, API]\nprelude_section_name: summary\n');
    assert.deepEqual(config, { sections: ['features', 'api'], preludeName: 'summary' });
    assert.deepEqual(validateReleaseNote('api: [x]\nsummary: The release.\n', undefined, { config }), []);
    assert.match(messageText(validateReleaseNote('fixes: [x]\n', undefined, { config })[0].message), /Unknown section "fixes".*Sections: summary, features, api/);
    assert.deepEqual(parseRenoConfig('not: [valid'), {});
  });
});

describe('release notes: the JSON schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'release-note.schema.json'), 'utf8'));

  it('knows exactly the sections the validator knows', () => {
    assert.deepEqual(Object.keys(schema.properties), [PRELUDE_SECTION, ...NOTE_SECTIONS]);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.type, 'object');
    assert.equal(schema.properties.prelude.type, 'string');
    for (const section of NOTE_SECTIONS) {
      assert.equal(schema.properties[section].type, 'array', section);
      assert.equal(schema.properties[section].items.type, 'string', section);
    }
  });

  it('accepts the real Glance notes and ours, and rejects the mistakes the validator reports (ajv)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const good = [
      ...fs.readdirSync(notesDir).map((f) => fs.readFileSync(path.join(notesDir, f), 'utf8')),
      renderPrelude('indri').text,
      renderPrelude('epoxy', ['A: b']).text,
      renderNote([...NOTE_SECTIONS]).text,
    ];
    for (const text of good) assert.ok(validate(parse(text, { version: '1.1' })), JSON.stringify(validate.errors));
    const bad = ['fix:\n  - x\n', 'prelude:\n  - a\n', 'fixes:\n  - a: b\n', 'fixes:\n  - 42\n', 'fixes:\n', 'features:\n  a: b\n', '- a\n'];
    for (const text of bad) {
      assert.ok(!validate(parse(text, { version: '1.1' })), `the schema accepts ${JSON.stringify(text)}`);
      assert.ok(validateReleaseNote(text).length > 0, `the validator says nothing about ${JSON.stringify(text)}`);
    }
  });

  it('is contributed for releasenotes/notes/*.yaml', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const entry = (manifest.contributes.yamlValidation as Array<{ fileMatch: string | string[]; url: string }>).find((v) => v.url.endsWith('release-note.schema.json'));
    assert.ok(entry, 'contributes.yamlValidation names the schema');
    assert.ok(fs.existsSync(path.join(root, entry.url)), entry.url);
    assert.ok([entry.fileMatch].flat().some((m) => m.endsWith('releasenotes/notes/*.yaml')));
  });
});

describe('release notes: cycle highlights', () => {
  it("reads the glance deliverable's cycle-highlights", () => {
    const text = fs.readFileSync(path.join(releasesDir, 'deliverables', 'epoxy', 'glance.yaml'), 'utf8');
    assert.deepEqual(parseCycleHighlights(text, 'epoxy/glance.yaml'), [
      'Added a new store weight mechanism, improving performance when using RBD.',
      'Added a safety check that makes sure image conversion outputs an image in the desired format',
      'Removed Windows OS support',
    ]);
  });

  it('gives none for a file without them, and names the file when it is malformed', () => {
    assert.deepEqual(parseCycleHighlights('---\nteam: glance\n', 'x.yaml'), []);
    assert.throws(() => parseCycleHighlights('cycle-highlights: [\n', 'x.yaml'), /x\.yaml/);
    assert.throws(() => parseCycleHighlights('cycle-highlights: text\n', 'x.yaml'), /x\.yaml: cycle-highlights: expected a list/);
    assert.throws(() => parseCycleHighlights('- a\n', 'x.yaml'), /expected a mapping/);
  });
});

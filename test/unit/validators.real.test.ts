// Debian's real yamllint (with the checkout's yamllint.yml) and python3-jsonschema (with its schema.yaml)
// must agree with src/core/deliverables/deliverableValidation.ts on the files our edits write and on broken files.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { highlightsEdit, nextVersion, readDeliverable, releaseEdits, type ReleaseKind } from '../../src/core/deliverables/deliverables';
import { applyEdits } from '../../src/core/textEdit';
import { validateDeliverable } from '../../src/core/deliverables/deliverableValidation';
import { BROKEN_FILES } from './deliverableSamples';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'releases');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const YAMLLINT = '/usr/bin/yamllint';
/** A deliverable whose YAML does not parse (an unclosed flow sequence). */
const UNPARSABLE = '---\nteam: glance\nreleases: [\n  - version: 1.0.0\n';
const PYTHON = '/usr/bin/python3';

// The gate reads with ruamel.yaml (YAML 1.2): PyYAML's safe loader with YAML 1.2 booleans stands in.
const JSONSCHEMA_SCRIPT = `
import json, re, sys, yaml, jsonschema
class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != 'tag:yaml.org,2002:bool'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
schema = yaml.safe_load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
validator = cls(schema)
out = {}
for name in sys.argv[2:]:
    data = yaml.load(open(name), Loader=Loader)
    out[name] = sorted(set('/'.join(str(p) for p in e.absolute_path) for e in validator.iter_errors(data)))
print(json.dumps(out))
`;

function requireTools(): void {
  if (!fs.existsSync(YAMLLINT)) assert.fail(`${YAMLLINT} is missing: install the Debian package "yamllint" (apt-get install yamllint).`);
  const check = spawnSync(PYTHON, ['-c', 'import jsonschema, yaml'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) {
    assert.fail(`${PYTHON} cannot import jsonschema and yaml: install the Debian packages "python3-jsonschema" and "python3-yaml" (${check.stderr || check.error?.message}).`);
  }
}

/** The files our edits write: every real reference file with a release (and a branch) and a highlight added. */
function writtenFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const series of ['epoxy', 'hibiscus']) {
    for (const name of ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin']) {
      const text = read(`deliverables/${series}/${name}.yaml`);
      const info = readDeliverable(text);
      const last = info.versions.at(-1)!;
      const kind: ReleaseKind = info.releaseModel === 'cycle-with-rc' ? (last.includes('.0b') ? 'rc' : 'feature') : 'bugfix';
      const version = nextVersion(kind, last);
      const released = applyEdits(text, releaseEdits(text, { version, repo: info.repos[0], hash: 'f'.repeat(40), branch: { name: `stable/${series}-test`, location: version } }));
      files[`written-${series}-${name}.yaml`] = applyEdits(released, [
        highlightsEdit(released, ['A highlight long enough that the release tools wrap it onto a second line.', "Quoted: it's here"]),
      ]);
    }
  }
  return files;
}

describe('real validators agree with ours (Debian yamllint, python3-jsonschema)', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    requireTools();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-validators-'));
    fs.copyFileSync(path.join(FIXTURES, 'yamllint.yml'), path.join(dir, 'yamllint.yml'));
    fs.copyFileSync(path.join(FIXTURES, 'openstack_releases', 'schema.yaml'), path.join(dir, 'schema.yaml'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = () => ({ ...writtenFiles(), ...Object.fromEntries(Object.entries(BROKEN_FILES).map(([k, v]) => [`broken-${k}.yaml`, v])) });

  it('yamllint -c yamllint.yml reports the same problems (line, column, rule, level) and exit status', () => {
    const input = { yamllintText: read('yamllint.yml') };
    const entries = Object.entries(cases());
    for (const [name, text] of entries) fs.writeFileSync(path.join(dir, name), text);
    // One yamllint run for all files (each start costs a second): group its lines by file.
    const run = spawnSync(YAMLLINT, ['-f', 'parsable', '-c', path.join(dir, 'yamllint.yml'), ...entries.map(([name]) => path.join(dir, name))], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, `yamllint failed to run: ${run.stderr}`);
    const byFile = new Map<string, string[]>();
    for (const line of run.stdout.split('\n').filter(Boolean)) {
      const m = /^(.*):(\d+):(\d+): \[(\w+)\] .* \(([\w-]+)\)$/.exec(line);
      assert.ok(m, `unexpected yamllint output: ${line}`);
      const key = path.basename(m[1]);
      byFile.set(key, [...(byFile.get(key) ?? []), `${m[2]}:${m[3]} ${m[5]} ${m[4]}`]);
    }
    let anyError = false;
    for (const [name, text] of entries) {
      const theirs = (byFile.get(name) ?? []).sort();
      const ours = validateDeliverable(text, input)
        .filter((p) => p.rule !== 'schema')
        .map((p) => `${p.line}:${p.column} ${p.rule} ${p.severity}`)
        .sort();
      assert.deepEqual(ours, theirs, name);
      anyError ||= ours.some((p) => p.endsWith(' error'));
      if (name.startsWith('written-')) assert.deepEqual(theirs, [], `${name} is clean for yamllint`);
    }
    assert.equal(anyError, run.status === 1, 'exit status');
  });

  it('jsonschema under /usr/bin/python3 flags the same values as our schema check with schema.yaml', () => {
    const schemaText = read('openstack_releases/schema.yaml');
    // Like the gate's check_schema, the schema is checked on files that load as YAML: a file with a syntax
    // error gets our `syntax` problem and no schema check, and PyYAML refuses it (the script below would stop).
    const all: Record<string, string> = { ...cases(), 'unparsable.yaml': UNPARSABLE };
    const loads = (text: string) => !validateDeliverable(text, {}).some((p) => p.rule === 'syntax');
    const entries = Object.entries(all).filter(([, text]) => loads(text));
    assert.deepEqual(Object.keys(all).filter((name) => !loads(all[name])), ['unparsable.yaml'], 'only the unparsable sample is left out');
    fs.writeFileSync(path.join(dir, 'unparsable.yaml'), UNPARSABLE);
    const refused = spawnSync(PYTHON, ['-c', 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))', path.join(dir, 'unparsable.yaml')], { encoding: 'utf8' });
    assert.notEqual(refused.status, 0, 'PyYAML refuses the unparsable sample too');
    assert.deepEqual(validateDeliverable(UNPARSABLE, { schemaText }).filter((p) => p.rule === 'schema'), [], 'no schema check without YAML');
    const files = entries.map(([name, text]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    });
    const out = execFileSync(PYTHON, ['-W', 'ignore', '-c', JSONSCHEMA_SCRIPT, path.join(dir, 'schema.yaml'), ...files], { encoding: 'utf8' });
    const theirs = JSON.parse(out) as Record<string, string[]>;
    let broken = 0;
    for (const [name, text] of entries) {
      const ours = [...new Set(validateDeliverable(text, { schemaText }).filter((p) => p.rule === 'schema').map((p) => p.field ?? ''))].sort();
      assert.deepEqual(ours, theirs[path.join(dir, name)], name);
      if (name.startsWith('written-')) assert.deepEqual(ours, [], `${name} passes the schema`);
      if (ours.length) broken++;
    }
    assert.ok(broken >= 2, 'the broken samples do break the schema');
  });
});

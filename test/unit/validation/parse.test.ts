import * as assert from 'assert';
import { parseDeliverableText, validateRequest } from '../../../src/core/deliverables/validation';
import { deliverable, input } from './helpers';
import { messageText } from '../../../src/core/l10n';

describe('validation: parser', () => {
  it('reads releases and branches with their lines, versions as text', () => {
    const text = deliverable({ releases: [{ v: '2026.10' }, { v: '33.0.0.0rc1' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] });
    const { model, findings, fatal } = parseDeliverableText(text);
    assert.strictEqual(fatal, false);
    assert.deepStrictEqual(findings, []);
    assert.deepStrictEqual(model.releases.map((r) => [r.version, r.line]), [['2026.10', 9], ['33.0.0.0rc1', 13]]);
    assert.strictEqual(model.releases[0].projects[0].line, 11);
    assert.deepStrictEqual(model.branches.map((b) => [b.name, b.location, b.line]), [['stable/2026.2', '33.0.0.0rc1', 18]]);
    assert.deepStrictEqual(model.repos, ['openstack/glance']);
    assert.strictEqual(model.fields.get('team')?.line, 4);
  });

  it('reads a feature-branch location given as a mapping', () => {
    const text = deliverable({ extra: 'branches:\n  - name: feature/x\n    location:\n      openstack/glance: ' + 'a'.repeat(40) });
    assert.deepStrictEqual(parseDeliverableText(text).model.branches[0].location, { 'openstack/glance': 'a'.repeat(40) });
  });

  const bad: Array<[string, string]> = [
    ['empty', ''],
    ['binary', 'team: \u0000\u0001\u0002'],
    ['tab-indented', 'releases:\n\t- version: 1.0.0\n'],
    ['a string where a list belongs', 'team: glance\ntype: service\nreleases: 1.0.0\n'],
    ['alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nreleases: *d\n'],
    ['null entries', 'team: glance\nreleases:\n  -\n  - ~\nbranches:\n  -\n'],
    ['release with no projects', 'team: glance\nreleases:\n  - version: 1.0.0\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar document', 'just text'],
    ['project without hash', 'team: g\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/glance\n'],
    ['hash not 40 hex', deliverable({ releases: [{ v: '33.0.0.0b1', hash: 'not-a-hash' }] })],
  ];
  for (const [name, text] of bad) {
    it(`never throws on ${name}`, () => {
      const findings = validateRequest(input(text));
      for (const f of findings) {
        assert.ok(f.line !== undefined && f.line >= 1 && Number.isInteger(f.line), JSON.stringify(f));
        assert.ok(messageText(f.message).length < 220, messageText(f.message));
      }
    });
  }

  it('reports shape problems as findings', () => {
    assert.ok(validateRequest(input('releases: 1.0.0\n')).some((f) => f.rule === 'parse' && /must be a list/.test(messageText(f.message))));
    assert.ok(validateRequest(input('team: g\nreleases:\n  - version: 1.0.0\n')).some((f) => /no projects/.test(messageText(f.message))));
    assert.ok(validateRequest(input('releases:\n\t- version: 1.0.0\n')).some((f) => f.rule === 'parse' && f.severity === 'error'));
    assert.ok(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b1', hash: 'xyz' }] }))).some((f) => f.rule === 'release-sha-exists'));
  });

  it('never echoes more than 40 characters of the file', () => {
    const long = 'x'.repeat(500);
    const findings = validateRequest(input(deliverable({ model: long, type: long, releases: [{ v: long, hash: long, repo: long }], branches: [{ name: long, location: long }] })));
    assert.ok(findings.length > 0);
    for (const f of findings) assert.ok(!messageText(f.message).includes('x'.repeat(41)), messageText(f.message));
  });
});

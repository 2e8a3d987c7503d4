// Versions and text edits of deliverable files, on the real openstack/releases files (test/fixtures/releases).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  bulletsFromText,
  formatHighlight,
  highlightWarnings,
  highlightsCommitMessage,
  highlightsEdit,
  kindsFor,
  lastVersion,
  nextVersion,
  parseDeliverablePath,
  readDeliverable,
  releaseCommitMessage,
  releaseEdits,
  releaseWarnings,
  stableBranchRule,
  type ReleaseKind,
} from '../../src/core/deliverables/deliverables';
import { applyEdits, type TextEdit } from '../../src/core/textEdit';
import { deliverableErrors } from '../../src/core/deliverables/deliverableValidation';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'releases');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const SCHEMA = read('openstack_releases/schema.yaml');
const YAMLLINT = read('yamllint.yml');
const HASH = '011776ae9f3aba04dce7b6b3ad24004f5406b82a';
const REAL_FILES = ['epoxy', 'hibiscus'].flatMap((s) => ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'].map((d) => `deliverables/${s}/${d}.yaml`));

function tryNext(kind: ReleaseKind, last: string | undefined): string {
  try {
    return nextVersion(kind, last);
  } catch {
    return 'error';
  }
}

/** The edits are insertions (or one-line replacements) and every byte outside them is the original's. */
function assertOnlyInserted(original: string, edits: readonly TextEdit[]): void {
  let cursor = 0;
  const result = applyEdits(original, edits);
  let resultCursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    assert.equal(edit.start, edit.end, 'a pure insertion');
    assert.equal(result.slice(resultCursor, resultCursor + edit.start - cursor), original.slice(cursor, edit.start));
    resultCursor += edit.start - cursor + edit.text.length;
    cursor = edit.start;
    // The insertion starts at a line start (or adds the missing final line break first).
    assert.ok(edit.start === 0 || original[edit.start - 1] === '\n' || edit.text.startsWith('\n'), 'inserted at a line boundary');
  }
  assert.equal(result.slice(resultCursor), original.slice(cursor));
}

describe('deliverables: next versions on the real files', () => {
  const table: Array<[string, Partial<Record<ReleaseKind, string>>]> = [
    ['deliverables/hibiscus/glance.yaml', { milestone: '33.0.0.0b3', rc: '33.0.0.0rc1', final: '33.0.0', bugfix: 'error', feature: 'error', major: 'error' }],
    ['deliverables/epoxy/glance.yaml', { milestone: '31.0.0.0b1', rc: '31.0.0.0rc1', final: 'error', bugfix: '30.2.1', feature: '30.3.0', major: '31.0.0' }],
    ['deliverables/hibiscus/glance-store.yaml', { bugfix: '5.6.1', feature: '5.7.0', major: '6.0.0', final: 'error' }],
    ['deliverables/epoxy/glance-store.yaml', { bugfix: '4.9.2', feature: '4.10.0', major: '5.0.0' }],
    ['deliverables/hibiscus/python-glanceclient.yaml', { bugfix: '4.12.1', feature: '4.13.0', major: '5.0.0' }],
    ['deliverables/epoxy/python-glanceclient.yaml', { bugfix: '4.8.1', feature: '4.9.0', major: '5.0.0' }],
    ['deliverables/hibiscus/glance-tempest-plugin.yaml', { bugfix: '0.16.1', feature: '0.17.0', major: '1.0.0' }],
    ['deliverables/epoxy/glance-tempest-plugin.yaml', { bugfix: '0.12.1', feature: '0.13.0', major: '1.0.0' }],
  ];
  for (const [file, expected] of table) {
    it(`${file}: ${Object.entries(expected).map(([k, v]) => `${k} ${v}`).join(', ')}`, () => {
      const info = readDeliverable(read(file));
      const last = info.versions.at(-1);
      for (const [kind, version] of Object.entries(expected)) assert.equal(tryNext(kind as ReleaseKind, last), version, `${kind} after ${last}`);
    });
  }

  it('follows the release tools for RC-based models (docs/domain.md#deliverable-files)', () => {
    assert.equal(nextVersion('milestone', '33.1.0'), '34.0.0.0b1');
    assert.equal(nextVersion('milestone', '34.0.0.0b1'), '34.0.0.0b2');
    assert.equal(nextVersion('rc', '33.0.0.0b2'), '33.0.0.0rc1');
    assert.equal(nextVersion('rc', '33.0.0.0rc1'), '33.0.0.0rc2');
    assert.equal(nextVersion('rc', '33.1.0'), '34.0.0.0rc1');
    assert.equal(nextVersion('final', '33.0.0.0rc3'), '33.0.0');
    assert.equal(tryNext('milestone', '33.0.0.0rc1'), 'error');
    assert.equal(tryNext('rc', undefined), 'error');
    assert.equal(tryNext('rc', 'not-a-version'), 'error');
  });

  it('reads the real files (type, model, repos, versions, branches, highlights)', () => {
    const epoxy = readDeliverable(read('deliverables/epoxy/glance.yaml'));
    assert.deepEqual(epoxy, {
      team: 'glance',
      type: 'service',
      releaseModel: 'cycle-with-rc',
      repos: ['openstack/glance'],
      versions: ['30.0.0.0b2', '30.0.0.0rc1', '30.0.0', '30.1.0', '30.2.0'],
      branches: [{ name: 'stable/2025.1', location: '30.0.0.0rc1' }],
      highlights: 3,
    });
    assert.deepEqual(readDeliverable(read('deliverables/hibiscus/glance-store.yaml')).repos, ['openstack/glance_store']);
    assert.deepEqual(kindsFor('cycle-with-rc'), ['milestone', 'rc', 'final', 'bugfix', 'feature']);
    assert.deepEqual(kindsFor('cycle-with-intermediary'), ['bugfix', 'feature', 'major']);
  });

  it("falls back to the previous series' file when this series has no release yet", () => {
    const fresh = readDeliverable('---\nteam: glance\ntype: service\nrelease-model: cycle-with-rc\nrepository-settings:\n  openstack/glance: {}\n');
    const previous = readDeliverable(read('deliverables/hibiscus/glance.yaml'));
    assert.deepEqual(lastVersion(fresh, previous), { version: '33.0.0.0b2', from: 'previous' });
    assert.deepEqual(lastVersion(previous, readDeliverable(read('deliverables/epoxy/glance.yaml'))), { version: '33.0.0.0b2', from: 'current' });
    assert.equal(lastVersion(fresh, undefined), undefined);
    assert.equal(nextVersion('milestone', '30.2.0'), '31.0.0.0b1');
  });

  it('parses deliverable paths', () => {
    assert.deepEqual(parseDeliverablePath('/w/releases/deliverables/indri/glance.yaml'), { root: '/w/releases', series: 'indri', name: 'glance' });
    assert.deepEqual(parseDeliverablePath('C:\\w\\releases\\deliverables\\indri\\glance-store.yaml'), { root: 'C:\\w\\releases', series: 'indri', name: 'glance-store' });
    assert.equal(parseDeliverablePath('/w/releases/data/series_status.yaml'), undefined);
  });
});

describe('deliverables: the RC1 request, as the release tools write it', () => {
  const original = read('deliverables/hibiscus/glance.yaml');

  it('appends the release and adds the branch block (the shape of the real Gazpacho RC1 diff)', () => {
    const version = nextVersion('rc', readDeliverable(original).versions.at(-1));
    const edits = releaseEdits(original, { version, repo: 'openstack/glance', hash: HASH, branch: { name: 'stable/2026.2', location: version } });
    const result = applyEdits(original, edits);
    const before = original.split('\n');
    const after = result.split('\n');
    // Same lines before, then exactly the lines of the real diff (docs/domain.md#deliverable-files) with this cycle's values.
    assert.deepEqual(after.slice(0, before.length - 1), before.slice(0, -1));
    assert.deepEqual(after.slice(before.length - 1), [
      '  - version: 33.0.0.0rc1',
      '    projects:',
      '      - repo: openstack/glance',
      `        hash: ${HASH}`,
      'branches:',
      '  - name: stable/2026.2',
      '    location: 33.0.0.0rc1',
      '',
    ]);
    assertOnlyInserted(original, edits);
    assert.deepEqual(deliverableErrors(result, { schemaText: SCHEMA, yamllintText: YAMLLINT }), []);
  });

  it('an RC2 appends the release and leaves branches alone', () => {
    const rc1 = applyEdits(original, releaseEdits(original, { version: '33.0.0.0rc1', repo: 'openstack/glance', hash: HASH, branch: { name: 'stable/2026.2', location: '33.0.0.0rc1' } }));
    const version = nextVersion('rc', readDeliverable(rc1).versions.at(-1));
    assert.equal(version, '33.0.0.0rc2');
    const edits = releaseEdits(rc1, { version, repo: 'openstack/glance', hash: 'a'.repeat(40), branch: { name: 'stable/2026.2', location: '33.0.0.0rc1' } });
    const rc2 = applyEdits(rc1, edits);
    assert.equal(edits.length, 1);
    assert.ok(rc2.includes(`  - version: 33.0.0.0rc2\n    projects:\n      - repo: openstack/glance\n        hash: ${'a'.repeat(40)}\nbranches:\n  - name: stable/2026.2\n    location: 33.0.0.0rc1\n`));
    assert.equal(readDeliverable(rc2).branches.length, 1);
    assert.deepEqual(deliverableErrors(rc2, { schemaText: SCHEMA, yamllintText: YAMLLINT }), []);
  });

  it('puts a release before the existing branches block and a new branch at the end of branches', () => {
    const epoxy = read('deliverables/epoxy/glance.yaml');
    const edits = releaseEdits(epoxy, { version: '30.2.1', repo: 'openstack/glance', hash: HASH, branch: { name: 'stable/2025.2-test', location: '30.2.1' } });
    assert.equal(edits.length, 2);
    const result = applyEdits(epoxy, edits);
    assert.ok(result.includes(`        hash: bb0d59fff722dbccb5a3e7696eada3d8d372ba8d\n  - version: 30.2.1\n    projects:\n      - repo: openstack/glance\n        hash: ${HASH}\nbranches:\n`));
    assert.ok(result.endsWith('    location: 30.0.0.0rc1\n  - name: stable/2025.2-test\n    location: 30.2.1\nrelease-notes: https://docs.openstack.org/releasenotes/glance/2025.1.html\n'));
    assertOnlyInserted(epoxy, edits);
  });

  it('keeps every real file byte-identical outside the new lines, and each result passes the schema and yamllint.yml', () => {
    for (const file of REAL_FILES) {
      const text = read(file);
      const info = readDeliverable(text);
      const repo = info.repos[0];
      const kind: ReleaseKind = info.releaseModel === 'cycle-with-rc' ? (info.versions.at(-1)!.includes('.0b') ? 'rc' : 'bugfix') : 'feature';
      const version = nextVersion(kind, info.versions.at(-1));
      const edits = releaseEdits(text, { version, repo, hash: HASH, branch: { name: 'stable/2099.1', location: version } });
      assertOnlyInserted(text, edits);
      const result = applyEdits(text, edits);
      assert.deepEqual(readDeliverable(result).versions, [...info.versions, version], file);
      assert.deepEqual(deliverableErrors(result, { schemaText: SCHEMA, yamllintText: YAMLLINT }), [], file);
      const highlighted = highlightsEdit(result, ['A highlight written by the test, long enough to be wrapped onto a second line by the tools.']);
      assertOnlyInserted(result, [highlighted]);
      assert.deepEqual(deliverableErrors(applyEdits(result, [highlighted]), { schemaText: SCHEMA, yamllintText: YAMLLINT }), [], file);
    }
  });

  it('handles a missing final newline, CRLF files, `releases: []` and a file without releases', () => {
    const noFinal = original.slice(0, -1);
    const edited = applyEdits(noFinal, releaseEdits(noFinal, { version: '33.0.0.0rc1', repo: 'openstack/glance', hash: HASH }));
    assert.equal(edited, `${original}  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${HASH}\n`);

    const crlf = original.replace(/\n/g, '\r\n');
    const crlfEdited = applyEdits(crlf, releaseEdits(crlf, { version: '33.0.0.0rc1', repo: 'openstack/glance', hash: HASH }));
    assert.equal(crlfEdited, edited.replace(/\n/g, '\r\n'));

    const empty = '---\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases: []\n';
    assert.equal(
      applyEdits(empty, releaseEdits(empty, { version: '6.0.0', repo: 'openstack/glance_store', hash: HASH })),
      `---\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases:\n  - version: 6.0.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${HASH}\n`,
    );
    const none = '---\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\n# a comment stays\n';
    const added = applyEdits(none, releaseEdits(none, { version: '6.0.0', repo: 'openstack/glance_store', hash: HASH }));
    assert.ok(added.startsWith(`---\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases:\n  - version: 6.0.0\n`));
    assert.ok(added.endsWith('# a comment stays\n'));
    assert.deepEqual(deliverableErrors(added, { schemaText: SCHEMA, yamllintText: YAMLLINT }), []);
  });

  it('quotes a hash that YAML would read as a number', () => {
    const digits = '1234567890123456789012345678901234567890';
    const result = applyEdits(original, releaseEdits(original, { version: '33.0.0.0rc1', repo: 'openstack/glance', hash: digits }));
    assert.ok(result.includes(`hash: '${digits}'`));
    assert.deepEqual(deliverableErrors(result, { schemaText: SCHEMA }), []);
  });
});

describe('deliverables: cycle highlights', () => {
  const epoxy = read('deliverables/epoxy/glance.yaml');
  const realBullets = [
    'Added a new store weight mechanism, improving performance when using RBD.',
    'Added a safety check that makes sure image conversion outputs an image in the desired format',
    'Removed Windows OS support',
  ];

  it('reproduces the real Epoxy highlights byte for byte (after `type:`, 2-space indent, wrapped near 66 columns)', () => {
    const without = epoxy.replace(/cycle-highlights:\n(?: {2}.*\n)*/, '');
    assert.notEqual(without, epoxy);
    const edit = highlightsEdit(without, realBullets);
    assertOnlyInserted(without, [edit]);
    assert.equal(applyEdits(without, [edit]), epoxy);
  });

  it('appends to an existing list, one bullet after the other', () => {
    const edit = highlightsEdit(epoxy, ['Another highlight']);
    const result = applyEdits(epoxy, [edit]);
    assert.ok(result.includes('    image in the desired format\n  - Removed Windows OS support\n  - Another highlight\nrepository-settings:\n'));
    assertOnlyInserted(epoxy, [edit]);
    assert.equal(readDeliverable(result).highlights, 4);
  });

  it('adds the block after `type:` in the real hibiscus file and the result passes the schema', () => {
    const hibiscus = read('deliverables/hibiscus/glance.yaml');
    const result = applyEdits(hibiscus, [highlightsEdit(hibiscus, realBullets)]);
    assert.ok(result.includes('type: service\ncycle-highlights:\n  - Added a new store weight mechanism, improving performance when using\n    RBD.\n'));
    assert.deepEqual(deliverableErrors(result, { schemaText: SCHEMA, yamllintText: YAMLLINT }), []);
  });

  it('quotes bullets YAML would misread and keeps wrapping', () => {
    assert.deepEqual(formatHighlight('Note: the v1 API is gone'), ["  - 'Note: the v1 API is gone'"]);
    assert.deepEqual(formatHighlight('yes'), ["  - 'yes'"]);
    assert.deepEqual(formatHighlight('  spaces   collapse\n here '), ['  - spaces collapse here']);
    const quoted = applyEdits(epoxy, [highlightsEdit(epoxy, ["It's: quoted, and a long enough sentence to need wrapping across lines here"])]);
    assert.deepEqual(deliverableErrors(quoted, { schemaText: SCHEMA, yamllintText: YAMLLINT }), []);
  });

  it('splits a selection into bullets', () => {
    assert.deepEqual(bulletsFromText('- First one\n  continues here\n* Second\n\nThird without marker\n1. Fourth'), [
      'First one continues here',
      'Second',
      'Third without marker',
      'Fourth',
    ]);
  });

  it('warns past 5 bullets and for a bullet longer than two lines', () => {
    assert.deepEqual(highlightWarnings(3, ['a', 'b']), []);
    assert.match(highlightWarnings(3, ['a', 'b', 'c'])[0], /6 cycle highlights/);
    const long = 'word '.repeat(40);
    const warnings = highlightWarnings(0, [long]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /takes 4 lines/);
  });
});

describe('deliverables: warnings before a release is written', () => {
  const hibiscus = readDeliverable(read('deliverables/hibiscus/glance.yaml'));
  const epoxy = readDeliverable(read('deliverables/epoxy/glance.yaml'));

  it('RC1 without its branch', () => {
    assert.match(releaseWarnings({ info: hibiscus, version: '33.0.0.0rc1', stableBranch: 'stable/2026.2' }).join(), /RC1 without its stable\/2026.2 branch/);
    assert.deepEqual(releaseWarnings({ info: hibiscus, version: '33.0.0.0rc1', stableBranch: 'stable/2026.2', branch: { name: 'stable/2026.2', location: '33.0.0.0rc1' } }), []);
  });

  it('more than 3 RCs', () => {
    const info = { ...hibiscus, versions: ['33.0.0.0b2', '33.0.0.0rc1', '33.0.0.0rc2', '33.0.0.0rc3'], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] };
    assert.deepEqual(releaseWarnings({ info, version: '33.0.0.0rc4', stableBranch: 'stable/2026.2' }), [
      'This is RC4: the release cycle document asks to avoid more than 3 release candidates.',
    ]);
  });

  it('a version that goes backwards or repeats', () => {
    assert.match(releaseWarnings({ info: epoxy, version: '30.1.1' }).join(), /goes backwards: the last release in this file is 30.2.0/);
    assert.match(releaseWarnings({ info: epoxy, version: '30.2.0' }).join(), /already the last release/);
    assert.deepEqual(releaseWarnings({ info: epoxy, version: '30.2.1' }), []);
    assert.match(releaseWarnings({ info: epoxy, version: 'v1' }).join(), /not a version/);
  });

  it('commit messages in the releases repository style', () => {
    assert.equal(
      releaseCommitMessage({ deliverable: 'glance', repo: 'openstack/glance', version: '32.0.0.0rc1', series: 'gazpacho', releaseId: '2026.1', branch: { name: 'stable/2026.1', location: '32.0.0.0rc1' } }).split('\n')[0],
      'Release glance RC1 for 2026.1 Gazpacho',
    );
    assert.equal(releaseCommitMessage({ deliverable: 'glance-store', repo: 'openstack/glance_store', version: '5.7.0', series: 'hibiscus', releaseId: '2026.2' }).split('\n')[0], 'Release glance-store 5.7.0 for 2026.2 Hibiscus');
    assert.match(releaseCommitMessage({ deliverable: 'glance-store', repo: 'openstack/glance_store', version: '5.7.0', series: 'hibiscus', releaseId: '2026.2' }), /releasenotes\/glance_store\/2026.2.html/);
    assert.equal(highlightsCommitMessage('indri', '2027.1'), 'Add Glance cycle highlights for 2027.1 Indri\n');
  });
});

describe('deliverables: when a request carries the stable branch', () => {
  const glance = readDeliverable(read('deliverables/hibiscus/glance.yaml'));
  const store = readDeliverable(read('deliverables/hibiscus/glance-store.yaml'));
  const plugin = readDeliverable(read('deliverables/hibiscus/glance-tempest-plugin.yaml'));

  it('adds stable/<release-id> with the RC1 of a cycle-with-rc deliverable only', () => {
    assert.deepEqual(stableBranchRule(glance, '33.0.0.0rc1', '2026.2'), { name: 'stable/2026.2', rule: 'add' });
    assert.equal(stableBranchRule(glance, '33.0.0.0rc2', '2026.2').rule, 'none');
    assert.equal(stableBranchRule(glance, '33.0.0.0b3', '2026.2').rule, 'none');
  });

  it("asks for a library (the cycle's last release), never for a tempest plugin", () => {
    assert.deepEqual(stableBranchRule(store, '5.2.0', '2026.2'), { name: 'stable/2026.2', rule: 'ask' });
    assert.equal(stableBranchRule(plugin, '3.1.0', '2026.2').rule, 'none');
  });

  it('never adds a branch that exists, or one whose release-id is unknown', () => {
    const branched = { ...glance, branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] };
    assert.equal(stableBranchRule(branched, '33.0.0.0rc1', '2026.2').rule, 'none');
    assert.deepEqual(stableBranchRule(glance, '33.0.0.0rc1', undefined), { name: undefined, rule: 'none' });
  });
});

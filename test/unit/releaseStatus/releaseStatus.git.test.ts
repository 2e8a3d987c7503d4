// The release status read from real git repositories in temp folders (tags, stable branches,
// cherry-picks, merges, notes in each section, a raised requirement), and the suggestions checked
// against reno's own `semver-next` (its answers on these repositories are recorded below).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readClone, type CloneRaw } from '../../../src/adapters/releaseStatusGit';
import { gitCallCounter } from '../../../src/adapters/gitRunner';
import { assembleBranch } from '../../../src/core/releaseStatus/assemble';
import { applyBump, filledSections, renoBump, semverSections } from '../../../src/core/releaseStatus/semverNext';
import { parseYamlText } from '../../../src/core/calendar/scheduleYaml';
import { clone, git, libraryRepo, note, SCENARIOS, storeRepos, tempDir, type StoreRepos } from './gitRepos';

const LIB = { deliverable: 'glance-store', repo: 'openstack/glance_store', releaseModel: 'cycle-with-intermediary', parseYaml: parseYamlText };

/**
 * What reno's semver-next printed (reno at commit 29c784d3 of ../shared/reference/peer-tools/reno, run as
 * `PYTHONPATH=…/peer-tools python3 -c '…main.main(["-q", "semver-next"])'` in the upstream repositories
 * these tests build).
 */
const RENO_SAYS: Record<string, string> = {
  storeMaster: '5.5.0',
  storeStable: '5.3.1',
  trivial: '1.2.3',
  upgrade: '2.0.0',
  raisedRequirement: '1.2.4',
  customSections: '1.3.0',
  codeWithoutNotes: '1.2.3',
};

function renoRule(raw: CloneRaw['branches'][number]): string | undefined {
  const notes = raw.notes.filter((n) => n.text !== undefined).map((n) => filledSections(parseYamlText(n.text!, n.path)));
  const sections = semverSections(raw.renoConfig === undefined ? undefined : parseYamlText(raw.renoConfig, 'config.yaml'));
  return raw.lastRelease && applyBump(raw.lastRelease, renoBump(notes, sections));
}

describe('release status from real git clones', function () {
  this.timeout(60000);
  let store: StoreRepos;
  let raw: CloneRaw;
  const roots: string[] = [];

  before(async () => {
    store = storeRepos();
    roots.push(store.root);
    raw = await readClone(store.clone, [{ branch: 'master', series: 'indri' }, { branch: 'stable/2026.1', series: 'gazpacho' }, { branch: 'stable/2099.1' }]);
  });
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('reads master: the last tag, the non-merge commits since it and what each one is', () => {
    assert.equal(raw.problem, undefined);
    assert.equal(raw.remote, 'origin');
    assert.equal(raw.shallow, false);
    const master = assembleBranch(raw.branches[0], LIB);
    assert.equal(master.lastRelease, '5.4.0');
    assert.equal(master.commits, 6);
    assert.deepEqual(
      master.changes.map((c) => [c.subject, c.kinds]),
      [
        ['Fix the swift retry loop', ['release-note', 'release-note:fixes', 'closes-bug']],
        ['Refactor the cinder driver', []],
        ['Fix a typo in the admin guide', ['docs']],
        ['Use the new zuul job template', ['ci']],
        ['Imported Translations from Zanata', ['translation']],
        ['Add the s3 multipart upload', ['release-note', 'release-note:features']],
      ],
    );
    assert.equal(master.changes[0].author, 'Ada Tester');
    assert.match(master.changes[0].date, /^2026-11-02T/);
    assert.deepEqual(master.suggestion, { kind: 'feature', version: '5.5.0', reasons: ['a release note has a features section'] });
    assert.equal(master.suggestion?.version, RENO_SAYS.storeMaster);
    assert.equal(renoRule(raw.branches[0]), RENO_SAYS.storeMaster);
  });

  it('reads a stable branch: the cherry-pick with its Closes-Bug and note, a bugfix release', () => {
    const stable = assembleBranch(raw.branches[1], LIB);
    assert.equal(stable.lastRelease, '5.3.0');
    assert.equal(stable.commits, 1);
    assert.deepEqual(stable.changes[0].kinds, ['release-note', 'release-note:fixes', 'closes-bug', 'cherry-pick']);
    assert.match(stable.changes[0].body, new RegExp(`cherry picked from commit ${store.fix}`));
    assert.equal(stable.suggestion?.version, RENO_SAYS.storeStable);
    assert.equal(stable.suggestion?.kind, 'bugfix');
    assert.equal(renoRule(raw.branches[1]), RENO_SAYS.storeStable);
  });

  it('says so on the row of a branch the clone does not have', () => {
    const missing = assembleBranch(raw.branches[2], LIB);
    assert.equal(missing.problem, 'no branch origin/stable/2099.1 in the clone');
    assert.equal(missing.commits, 0);
  });

  it('batches git: one rev-parse, one for-each-ref, one describe, per branch a log, one cat-file', async () => {
    const before = gitCallCounter.calls;
    await readClone(store.clone, [{ branch: 'master' }, { branch: 'stable/2026.1' }]);
    assert.equal(gitCallCounter.calls - before, 1 + 1 + 1 + 2 + 1);
  });

  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(`agrees with reno's semver-next: ${name}`, async () => {
      const repo = libraryRepo(name, scenario.changes, { config: scenario.config });
      roots.push(repo.root);
      const branch = (await readClone(repo.clone, [{ branch: 'master' }])).branches[0];
      assert.equal(renoRule(branch), RENO_SAYS[name]);
      const status = assembleBranch(branch, LIB);
      const expected: Record<string, [string, string | undefined]> = {
        trivial: ['none', undefined],
        upgrade: ['major', '2.0.0'],
        // reno says 1.2.4 (a fixes note); the raised oslo.config minimum asks for a feature release.
        raisedRequirement: ['feature', '1.3.0'],
        customSections: ['feature', '1.3.0'],
        // reno leaves 1.2.3 (no note); merged code still asks for a bugfix release.
        codeWithoutNotes: ['bugfix', '1.2.4'],
      };
      assert.deepEqual([status.suggestion?.kind, status.suggestion?.version], expected[name]);
    });
  }

  it('names the raised requirement among the reasons', async () => {
    const repo = libraryRepo('raised', SCENARIOS.raisedRequirement.changes);
    roots.push(repo.root);
    const status = assembleBranch((await readClone(repo.clone, [{ branch: 'master' }])).branches[0], LIB);
    assert.deepEqual(status.suggestion?.reasons, ['a release note has a fixes section', 'requirements.txt raises oslo-config to 9.4.0']);
    assert.deepEqual(status.changes[1].kinds, ['release-note', 'release-note:fixes', 'closes-bug']);
    assert.deepEqual(status.changes[0].kinds, ['requirements']);
  });
});

describe('release status: bad clones and faults', function () {
  this.timeout(60000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const lib = (name: string, ...args: Parameters<typeof libraryRepo>[1][]) => {
    const repo = libraryRepo(name, args[0] ?? SCENARIOS.codeWithoutNotes.changes);
    roots.push(repo.root);
    return repo;
  };

  it('a clone without tags: every commit is unreleased, no version suggested', async () => {
    const repo = libraryRepo('notags', SCENARIOS.codeWithoutNotes.changes, { tag: '' });
    roots.push(repo.root);
    const status = assembleBranch((await readClone(repo.clone, [{ branch: 'master' }])).branches[0], LIB);
    assert.equal(status.lastRelease, undefined);
    assert.equal(status.commits, 2);
    assert.deepEqual(status.warnings, ['no tag is reachable from master']);
    assert.deepEqual(status.suggestion, { kind: 'bugfix', reasons: ['no tag on the branch: type the version'] });
  });

  it('a shallow clone: read, with the advice to unshallow', async () => {
    const repo = lib('shallow');
    const shallowDir = path.join(repo.root, 'work', 'shallow-copy');
    clone(repo.upstream, shallowDir, '--depth', '1');
    const read = await readClone(shallowDir, [{ branch: 'master' }]);
    assert.equal(read.shallow, true);
    assert.ok(read.branches[0].warnings.some((w) => /shallow clone/.test(w)));
  });

  it('a renamed remote: the only remote is used', async () => {
    const repo = lib('renamed');
    git(repo.clone, 'remote', 'rename', 'origin', 'gerrit');
    const read = await readClone(repo.clone, [{ branch: 'master' }]);
    assert.equal(read.remote, 'gerrit');
    assert.equal(read.branches[0].count, 1);
  });

  it('no remote at all, a detached HEAD: the clone says what to do', async () => {
    const repo = lib('noremote');
    git(repo.clone, 'checkout', '-q', '--detach');
    git(repo.clone, 'remote', 'remove', 'origin');
    const read = await readClone(repo.clone, [{ branch: 'master' }]);
    assert.equal(read.problem, 'the clone has no remote branches (origin/master): add the remote and run git fetch');
  });

  it('a note that does not parse: a warning, the others still count', async () => {
    const repo = lib('badnote', [
      { subject: 'Add a broken note', files: { 'lib/a.py': 'A = 1\n', 'releasenotes/notes/broken-eeeeeeeeeeeeeeee.yaml': 'features: [unclosed\n' } },
      { subject: 'Add a good note', files: { 'lib/b.py': 'B = 1\n', 'releasenotes/notes/good-ffffffffffffffff.yaml': note({ fixes: ['Fixed.'] }) } },
    ]);
    const status = assembleBranch((await readClone(repo.clone, [{ branch: 'master' }])).branches[0], LIB);
    assert.deepEqual(status.warnings, ['releasenotes/notes/broken-eeeeeeeeeeeeeeee.yaml does not parse as YAML: reno would fail on it, and it is left out of the suggestion']);
    assert.equal(status.suggestion?.version, '1.2.4');
  });

  it('not a repository, and git missing: one sentence, no throw', async () => {
    const plain = tempDir('glance-plain-');
    roots.push(plain);
    assert.equal((await readClone(plain, [{ branch: 'master' }])).problem, `${path.basename(plain)} is not a git repository.`);
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      assert.equal((await readClone(plain, [{ branch: 'master' }])).problem, 'git is not installed (or not on PATH): the release status needs it.');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('caps the commits listed and still counts them all', async () => {
    const repo = lib('many', Array.from({ length: 7 }, (_, i) => ({ subject: `Change ${i}`, files: { [`lib/m${i}.py`]: `${i}\n` } })));
    const status = assembleBranch((await readClone(repo.clone, [{ branch: 'master' }], 3)).branches[0], LIB);
    assert.equal(status.commits, 7);
    assert.equal(status.changes.length, 3);
    assert.ok(status.warnings.includes('only the newest 3 of 7 commits are listed'));
    // Truncated: "only trivial changes" is never concluded from a partial list.
    assert.equal(status.suggestion?.kind, 'bugfix');
  });

  it('never reads a branch name as an option', async () => {
    const repo = lib('options');
    const out = path.join(repo.root, 'pwned');
    const read = await readClone(repo.clone, [{ branch: `--output=${out}` }]);
    assert.equal(read.branches[0].problem, `no branch origin/--output=${out} in the clone`);
    assert.equal(fs.existsSync(out), false);
  });
});

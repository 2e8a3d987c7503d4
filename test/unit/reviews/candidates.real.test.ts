// Backport candidates from a real git repository built here (test/support/backportRepo.ts): master
// commits with Closes-Bug and a fixes/security note, one cherry-picked with -x to the stable branch,
// one proposed there without -x (same Change-Id).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCandidates, readGitreview, runGit } from '../../../src/adapters/gitReviews';
import { addBranch, buildBackportRepo } from '../../support/backportRepo';

describe('reviews: backport candidates from a real clone (git)', function () {
  this.timeout(20000);
  let dir: string;

  before(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glance-candidates-')), 'glance');
    buildBackportRepo(dir, { stable: 'stable/2027.1', files: { 'glance/db/migration.py': "CURRENT_RELEASE = '2027_1'\n" }, project: 'openstack/glance', gitreview: true, candidates: true });
  });
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('lists master commits with Closes-Bug and a fixes or security note that the stable branch lacks', async () => {
    const read = await readCandidates(runGit, dir, 'stable/2027.1');
    assert.ok(read.ok);
    assert.deepEqual(read.candidates.map((c) => [c.subject, c.bugs, c.sections, c.note]), [['Fix B', ['2000002'], ['security'], 'releasenotes/notes/fix-b-0123456789abcdef.yaml']]);
    assert.equal(read.stable, 'stable/2027.1');
  });

  it('says when the clone has no such stable branch', async () => {
    assert.deepEqual(await readCandidates(runGit, dir, 'stable/2099.1'), { ok: false, reason: 'no-branch' });
  });

  it("checks the new branch's .gitreview", async () => {
    assert.equal(await readGitreview(runGit, dir, 'stable/2027.1'), 'ok');
    addBranch(dir, 'stable/2027.2');
    assert.equal(await readGitreview(runGit, dir, 'stable/2027.2'), 'missing');
    assert.equal(await readGitreview(runGit, dir, 'stable/2099.1'), 'no-branch');
  });
});

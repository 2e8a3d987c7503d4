// Backport candidates from a real git repository built here: master commits with Closes-Bug and a
// fixes/security note, one already cherry-picked (with -x) to the stable branch.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCandidates, readGitreview, runGit } from '../../../src/adapters/gitReviews';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
}

function commit(dir: string, file: string, content: string, message: string): string {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

const changeId = (n: number) => `Change-Id: I${String(n).padStart(40, '0')}`;

describe('reviews: backport candidates from a real clone (git)', function () {
  this.timeout(20000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-candidates-'));
    git(dir, 'init', '-q', '-b', 'master');
    commit(dir, '.gitreview', '[gerrit]\nhost=review.opendev.org\nproject=openstack/glance.git\n', 'Initial');
    git(dir, 'branch', 'stable/2027.1');
    const picked = commit(dir, 'releasenotes/notes/fix-a-0123456789abcdef.yaml', '---\nfixes:\n  - |\n    Bug 1 is fixed.\n', `Fix A\n\nCloses-Bug: #2000001\n${changeId(1)}`);
    commit(dir, 'releasenotes/notes/fix-b-0123456789abcdef.yaml', '---\nsecurity:\n  - Fixes OSSA.\n', `Fix B\n\nCloses-Bug: #2000002\n${changeId(2)}`);
    commit(dir, 'releasenotes/notes/feature-c-0123456789abcdef.yaml', '---\nfeatures:\n  - New thing.\n', `Feature C\n\nCloses-Bug: #2000003\n${changeId(3)}`);
    commit(dir, 'glance/x.py', 'x = 1\n', `Fix D without a note\n\nCloses-Bug: #2000004\n${changeId(4)}`);
    commit(dir, 'releasenotes/notes/fix-e-0123456789abcdef.yaml', '---\nfixes:\n  - Docs.\n', `Fix E without a bug\n\n${changeId(5)}`);
    const sameId = commit(dir, 'releasenotes/notes/fix-f-0123456789abcdef.yaml', '---\nfixes:\n  - F.\n', `Fix F\n\nCloses-Bug: #2000006\n${changeId(6)}`);
    git(dir, 'checkout', '-q', 'stable/2027.1');
    git(dir, 'cherry-pick', '-x', picked);
    // A backport proposed without -x: same Change-Id, no "(cherry picked from commit …)".
    git(dir, 'cherry-pick', sameId);
    git(dir, 'commit', '-q', '--amend', '-m', `Fix F\n\nCloses-Bug: #2000006\n${changeId(6)}`);
    commit(dir, '.gitreview', '[gerrit]\nhost=review.opendev.org\nproject=openstack/glance.git\ndefaultbranch=stable/2027.1\n', 'Update .gitreview for stable/2027.1');
    git(dir, 'checkout', '-q', 'master');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists master commits with Closes-Bug and a fixes or security note that the stable branch lacks', async () => {
    const read = await readCandidates(runGit, dir, 'stable/2027.1');
    assert.ok(read.ok);
    assert.deepEqual(read.candidates.map((c) => [c.subject, c.bugs, c.sections, c.note]), [
      ['Fix B', ['2000002'], ['security'], 'releasenotes/notes/fix-b-0123456789abcdef.yaml'],
    ]);
    assert.equal(read.stable, 'stable/2027.1');
  });

  it('says when the clone has no such stable branch', async () => {
    assert.deepEqual(await readCandidates(runGit, dir, 'stable/2099.1'), { ok: false, reason: 'no-branch' });
  });

  it("checks the new branch's .gitreview", async () => {
    assert.equal(await readGitreview(runGit, dir, 'stable/2027.1'), 'ok');
    git(dir, 'branch', 'stable/2027.2');
    assert.equal(await readGitreview(runGit, dir, 'stable/2027.2'), 'missing');
    assert.equal(await readGitreview(runGit, dir, 'stable/2099.1'), 'no-branch');
  });
});

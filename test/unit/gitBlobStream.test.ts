// The long-lived `git cat-file --batch` of a repository (src/adapters/gitBlobStream.ts), on real
// repositories: many reads, in order, through one process; missing objects; big objects in many
// chunks; a folder that is no repository fails the read (the caller falls back).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeBlobStreams, readBlob } from '../../src/adapters/gitBlobStream';
import { committedText } from '../../src/adapters/releaseGit';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=master', ...args], { cwd, env: ENV, encoding: 'utf8' }).trim();

describe('git: one cat-file --batch per repository for a burst of reads', function () {
  this.timeout(30000);
  let repo: string;
  const big = 'x'.repeat(3 * 1024 * 1024 - 7) + '\nend\n';

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-blobs-'));
    git(repo, 'init', '-q');
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(repo, `f${i}.yaml`), `n: ${i}\n`);
    fs.writeFileSync(path.join(repo, 'big.txt'), big);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'files');
  });
  after(() => {
    closeBlobStreams();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('answers 50 reads made at once, each with its own file, and undefined for a missing one', async () => {
    const texts = await Promise.all([...Array(50).keys()].map((i) => readBlob(repo, `HEAD:f${i}.yaml`)));
    assert.deepEqual(texts, [...Array(50).keys()].map((i) => `n: ${i}\n`));
    assert.equal(await readBlob(repo, 'HEAD:no-such-file.yaml'), undefined);
    assert.equal(await readBlob(repo, 'HEAD:f7.yaml'), 'n: 7\n', 'the stream goes on after a missing object');
  });

  it('reads a 3 MB object that arrives in many chunks, and a tree as undefined (not a blob)', async () => {
    assert.equal(await readBlob(repo, 'HEAD:big.txt'), big);
    assert.equal(await readBlob(repo, 'HEAD^{tree}'), undefined);
    assert.equal(await readBlob(repo, 'HEAD:f1.yaml'), 'n: 1\n');
  });

  it('refuses a spec with a newline without asking git (it would be two questions)', async () => {
    assert.equal(await readBlob(repo, 'HEAD:f1.yaml\nHEAD:f2.yaml'), undefined);
  });

  it('fails the read in a folder that is no repository, and committedText says "no repository"', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-plain-'));
    try {
      await assert.rejects(readBlob(plain, 'HEAD:x'));
      assert.equal(await committedText(plain, 'x'), undefined);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it('committedText reads through it: the file where the branch started, "" for a new file', async () => {
    assert.deepEqual(await committedText(repo, 'f3.yaml'), { text: 'n: 3\n', against: 'HEAD' });
    assert.deepEqual(await committedText(repo, 'new.yaml'), { text: '', against: 'HEAD' });
  });
});

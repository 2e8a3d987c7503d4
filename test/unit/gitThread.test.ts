// git started from the git thread (dist/gitWorker.js, src/adapters/gitThread.ts), on a real
// repository: the same stdout, exit codes, stderr and caps as git started on the caller's thread,
// standard input reaches git, and a stopped thread fails what was still out (then starts again).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitError, runGit } from '../../src/adapters/gitRunner';
import { gitThreadJobs, stopGitThread, useGitThreadScript } from '../../src/adapters/gitThread';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=master', ...args], { cwd, env: ENV, encoding: 'utf8' });
const workerFile = path.join(__dirname, '..', '..', '..', 'dist', 'gitWorker.js');

async function failure(promise: Promise<unknown>): Promise<GitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GitError, String(error));
    return error;
  }
  assert.fail('git succeeded');
}

describe('git: processes started from the git thread', function () {
  this.timeout(30000);
  let repo: string;

  before(() => {
    assert.ok(fs.existsSync(workerFile), 'npm run build first');
    useGitThreadScript(workerFile);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-git-thread-'));
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n'.repeat(5000));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'first');
    git(repo, 'tag', '1.0.0');
  });
  after(() => {
    useGitThreadScript(undefined);
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('gives what git gives on the caller thread, 20 processes at once, all on the thread', async () => {
    const before = gitThreadJobs.started;
    const answers = await Promise.all([...Array(20).keys()].map(() => runGit(repo, ['log', '--format=%H %s', '--end-of-options', 'HEAD'])));
    assert.equal(gitThreadJobs.started - before, 20);
    for (const answer of answers) assert.equal(answer, git(repo, 'log', '--format=%H %s', 'HEAD'));
    assert.equal(await runGit(repo, ['show', 'HEAD:a.txt']), 'a\n'.repeat(5000), 'a 10 KB answer (not from Node\'s small-buffer pool)');
  });

  it('passes standard input, and reports the exit code and stderr of a failure, and the output cap', async () => {
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    assert.match(await runGit(repo, ['cat-file', '--batch-check'], { input: `${sha}\nnope\n` }), new RegExp(`^${sha} commit \\d+\nnope missing\n$`));
    const failed = await failure(runGit(repo, ['rev-parse', '--verify', '--end-of-options', 'no-such-ref']));
    assert.equal(failed.failure, 'failed');
    assert.equal(failed.code, 128);
    assert.match(failed.stderr, /Needed a single revision/);
    assert.equal((await failure(runGit(repo, ['show', 'HEAD:a.txt'], { maxBytes: 100 }))).failure, 'too-big');
  });

  it('fails what is still out when the thread stops, and starts a new thread for the next process', async () => {
    const before = gitThreadJobs.started;
    const out = runGit(repo, ['log', '--end-of-options', 'HEAD']);
    while (gitThreadJobs.started === before) await new Promise((resolve) => setImmediate(resolve)); // posted to the thread
    stopGitThread(); // before any answer can be read (answers arrive on a later turn)
    assert.match((await failure(out)).message, /git thread stopped/);
    assert.equal(await runGit(repo, ['describe', '--tags', '--end-of-options', 'HEAD']), '1.0.0\n');
  });

  it('keeps a plain Node script alive while its git is out on the thread, and lets it end once idle', () => {
    const adapters = path.join(__dirname, '..', '..', 'src', 'adapters');
    const script = `const t = require(${JSON.stringify(path.join(adapters, 'gitThread.js'))});
t.useGitThreadScript(${JSON.stringify(workerFile)});
require(${JSON.stringify(path.join(adapters, 'gitRunner.js'))}).runGit(${JSON.stringify(repo)}, ['rev-parse', 'HEAD']).then((sha) => console.log('answer ' + sha.trim()));`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(out.trim(), `answer ${git(repo, 'rev-parse', 'HEAD').trim()}`);
  });
});

// Real tools read what the extension writes: Debian's python3-pbr computes the version from a commit whose
// message came from setSemVer / constantCommitMessage, and git's own trailer parser agrees with ours.
// Fails (never skips) when a tool is missing, naming the package to install.
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { constantCommitMessage } from '../../src/core/commits/migrationConstant';
import { setSemVer, trailers } from '../../src/core/commits/trailers';

const PYTHON = '/usr/bin/python3';

/** git and python without the user's configuration or a PBR_VERSION override. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  for (const key of Object.keys(env)) if (key === 'PBR_VERSION' || key.startsWith('GIT_') && key !== 'GIT_CONFIG_NOSYSTEM') delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): string {
  const result = spawnSync(command, args, { cwd, env, input, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function requireTools(): void {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
  } catch {
    assert.fail('git is not installed: apt-get install git');
  }
  const probe = spawnSync(PYTHON, ['-c', 'import pbr.version, setuptools'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    assert.fail(`${PYTHON} cannot import pbr: apt-get install python3-pbr (${probe.error?.message ?? probe.stderr.trim()})`);
  }
}

describe('real pbr and git read the commit messages we write', function () {
  this.timeout(60000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    requireTools();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-semver-'));
    env = cleanEnv(tmp);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A git repository tagged 32.0.0, then one commit with `message`; returns what pbr says the version is. */
  function versionAfterCommit(name: string, message: string, cleanup = 'verbatim'): string {
    const repo = path.join(tmp, name);
    fs.mkdirSync(repo);
    const git = (...args: string[]) => run('git', args, repo, env);
    git('init', '-q', '-b', 'master');
    git('config', 'user.name', 'Glance Release Test');
    git('config', 'user.email', 'release-test@example.com');
    git('config', 'commit.gpgsign', 'false');
    fs.writeFileSync(path.join(repo, 'setup.py'), "import setuptools\nsetuptools.setup(setup_requires=['pbr'], pbr=True)\n");
    fs.writeFileSync(path.join(repo, 'setup.cfg'), '[metadata]\nname = glance-semver-check\n');
    git('add', 'setup.py', 'setup.cfg');
    git('commit', '-q', '-m', 'Initial commit');
    git('tag', '-a', '32.0.0', '-m', '32.0.0');
    fs.writeFileSync(path.join(repo, 'change.txt'), `${name}\n`);
    git('add', 'change.txt');
    const messageFile = path.join(tmp, `${name}.msg`);
    fs.writeFileSync(messageFile, message);
    git('commit', '-q', `--cleanup=${cleanup}`, '-F', messageFile);
    const stdout = run(PYTHON, ['setup.py', '--version'], repo, env);
    return stdout.trim().split('\n').pop()!.trim();
  }

  it('api-break: the CURRENT_RELEASE commit message gives 33.0.0.dev1', () => {
    const message = constantCommitMessage('2027_1', { series: 'indri', releaseId: '2027.1' });
    assert.equal(versionAfterCommit('api-break', message), '33.0.0.dev1');
  });

  it('feature: a header added above Change-Id gives 32.1.0.dev1', () => {
    const message = setSemVer('Add a store weight option\n\nLets operators prefer RBD.\n\nChange-Id: I2f0e1d2c3b4a59687766554433221100ffeeddcc\n', ['feature']).text;
    assert.match(message, /\nSem-Ver: feature\nChange-Id:/);
    assert.equal(versionAfterCommit('feature', message), '32.1.0.dev1');
  });

  it('bugfix: a header on a subject-only message gives 32.0.1.dev1', () => {
    const message = setSemVer('Fix image conversion output check', ['bugfix']).text;
    assert.equal(versionAfterCommit('bugfix', message), '32.0.1.dev1');
  });

  it('a header updated from bugfix to api-break in a COMMIT_EDITMSG counts once, as api-break', () => {
    const editmsg = 'Update migration constant\n\nsem-ver: bugfix\n\n# Please enter the commit message for your changes.\n#\n';
    const message = setSemVer(editmsg, ['api-break']).text;
    assert.equal(versionAfterCommit('editmsg', message, 'strip'), '33.0.0.dev1');
  });

  describe("git's trailer parser", () => {
    const corpus = [
      'Subject\n',
      'Subject\n\nBody.\n',
      'Subject\n\nBody.\n\nChange-Id: I1\nSigned-off-by: A <a@example.com>\n',
      'Subject\n\nBody.\n\nCloses-Bug: #2012345\nCo-Authored-By: Someone\n  <someone@example.com>\n',
      'Subject\n\nThis fixes: the bug where images vanish.\n',
      'Subject\n\nNote: prose\nthat goes on.\n',
      'Subject\n\nReviewed on the list\nSigned-off-by: A <a@example.com>\n',
      'Subject\n\nBody.\n\nChange-Id: I1\n\n# Please enter the commit message\n# comment\n',
      'Subject\n\nBody.\n\n\n\n',
      'Fix: subject that looks like a trailer\n',
      'Subject\n\nKey: value\nbody line\nanother body line\n',
    ];

    it('finds the same trailer block as `git interpret-trailers --parse`', () => {
      for (const message of corpus) {
        const fromGit = run('git', ['interpret-trailers', '--parse'], tmp, env, message).split('\n').filter(Boolean);
        assert.deepEqual(
          trailers(message).map((t) => `${t.key}: ${t.value}`),
          fromGit,
          `trailers of ${JSON.stringify(message)}`,
        );
      }
    });

    it('places a new header where `git interpret-trailers --trailer` does (no Change-Id / Signed-off-by to stay last)', () => {
      for (const message of corpus.filter((m) => !/^(Change-Id|Signed-off-by):/im.test(m))) {
        const fromGit = run('git', ['interpret-trailers', '--trailer', 'Sem-Ver: api-break'], tmp, env, message);
        assert.equal(setSemVer(message, ['api-break']).text, fromGit, `placement in ${JSON.stringify(message)}`);
      }
    });
  });
});

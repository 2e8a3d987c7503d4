// Debian's real reno (python3-reno) reads the notes this extension writes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { preludeSlug, renderNote, renderPrelude, uniqueNoteFileName } from '../../src/core/notes/releaseNotes';
import { validateReleaseNote } from '../../src/core/notes/releaseNoteValidation';
import { messageText } from '../../src/core/l10n';

const RENO = '/usr/bin/reno';

function run(cwd: string, command: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (result.error) throw result.error;
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): void {
  const result = run(cwd, 'git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=master', ...args]);
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.out}`);
}

describe('release notes with the real reno (python3-reno)', function () {
  this.timeout(60000);
  let repo: string;
  let notes: string;
  const written: string[] = [];

  function write(name: string, text: string): string {
    fs.writeFileSync(path.join(notes, name), text);
    written.push(name);
    return name;
  }

  before(() => {
    assert.ok(fs.existsSync(RENO), `${RENO} is missing: install the Debian package python3-reno (apt-get install python3-reno)`);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-reno-'));
    notes = path.join(repo, 'releasenotes', 'notes');
    fs.mkdirSync(notes, { recursive: true });
    fs.writeFileSync(path.join(repo, 'README.rst'), 'glance\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Initial commit');
    git(repo, 'tag', '-a', '-m', '32.0.0', '32.0.0');
  });

  after(() => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  it('lints and reports a prelude and a contributor note we wrote', () => {
    const prelude = renderPrelude('indri', ['Added a new store weight mechanism, improving performance when using RBD.', 'Removed Windows OS support']);
    write(uniqueNoteFileName(preludeSlug('indri', 'rc1'), fs.readdirSync(notes)), prelude.text);
    const note = renderNote(['features', 'fixes']).text.replace('Describe the new feature here, in words that stand on their own.', 'Added the cache-stats API.');
    write(uniqueNoteFileName('new-cache-stats', fs.readdirSync(notes)), note);
    for (const name of written) assert.deepEqual(validateReleaseNote(fs.readFileSync(path.join(notes, name), 'utf8'), name), [], name);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Add release notes');

    const lint = run(repo, RENO, ['lint']);
    assert.equal(lint.status, 0, `reno lint: ${lint.out}`);
    assert.doesNotMatch(lint.out, /WARNING|does not parse/, lint.out);

    const report = run(repo, RENO, ['report', '.']);
    assert.equal(report.status, 0, `reno report: ${report.out}`);
    assert.match(report.out, /Prelude/);
    assert.match(report.out, /The Indri release includes some important milestones\s+in\s+Glance\s+development\s+priorities\./);
    assert.match(report.out, /\* Added a new store weight mechanism, improving\s+performance\s+when\s+using\s+RBD\./);
    assert.match(report.out, /\* Removed Windows OS support/);
    assert.match(report.out, /New Features\n-+\n(\n\.\. .*\n)?\n- Added the cache-stats API\./);
    assert.match(report.out, /Bug Fixes\n-+\n(\n\.\. .*\n)?\n- Bug 0000000_: Describe the fixed bug here\./);
  });

  it('a broken note makes both the validator and reno lint complain', () => {
    const name = write('broken-note-0123456789abcdef.yaml', '---\nfix:\n  - |\n    Fixed the thing.\n');
    const problems = validateReleaseNote(fs.readFileSync(path.join(notes, name), 'utf8'), name);
    assert.equal(problems.length, 1);
    assert.match(messageText(problems[0].message), /Unknown section "fix"/);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Add a broken note');
    const lint = run(repo, RENO, ['lint']);
    assert.notEqual(lint.status, 0, `reno lint should fail: ${lint.out}`);
    assert.match(lint.out, /unrecognized section name fix/);
  });

  it('a prelude that is not a string: our validator warns, as reno does', () => {
    const name = write('list-prelude-fedcba9876543210.yaml', '---\nprelude:\n  - one\n  - two\n');
    assert.match(messageText(validateReleaseNote(fs.readFileSync(path.join(notes, name), 'utf8'), name)[0].message), /prelude must be one string/);
    fs.rmSync(path.join(notes, 'broken-note-0123456789abcdef.yaml'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Prelude as a list');
    const lint = run(repo, RENO, ['lint']);
    assert.match(lint.out, /does not parse as a single string/);
  });
});

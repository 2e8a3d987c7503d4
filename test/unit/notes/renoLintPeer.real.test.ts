// `reno lint` (Debian's python3-reno) and src/core/notes/releaseNoteValidation.ts judge the same notes
// alike: reno fails exactly when we report an error, and warns exactly when we warn. Each case is a
// git repository of its own (reno scans the history), with the repository's reno configuration
// when the case has one.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseRenoConfig, validateReleaseNote } from '../../../src/core/notes/releaseNoteValidation';
import { messageText } from '../../../src/core/l10n';

const RENO = '/usr/bin/reno';
const ID = '0123456789abcdef';
const note = (slug: string, id = ID) => `${slug}-${id}.yaml`;

interface Case {
  name: string;
  notes: Record<string, string>;
  config?: string;
}

const CASES: Case[] = [
  { name: 'a feature note', notes: { [note('cache')]: '---\nfeatures:\n  - |\n    Added the cache-stats API.\n' } },
  { name: 'a prelude', notes: { [note('indri-rc1-prelude')]: '---\nprelude: >\n  The Indri release.\n' } },
  { name: 'every default section', notes: { [note('all')]: '---\nfeatures: [a]\nissues: [b]\nupgrade: [c]\ndeprecations: [d]\ncritical: [e]\nsecurity: [f]\nfixes: [g]\nother: [h]\n' } },
  { name: 'an unknown section', notes: { [note('typo')]: '---\nfix:\n  - |\n    Fixed it.\n' } },
  { name: 'a prelude that is a list', notes: { [note('list-prelude')]: '---\nprelude:\n  - one\n  - two\n' } },
  { name: 'a prelude that is a number', notes: { [note('number-prelude')]: '---\nprelude: 42\n' } },
  { name: 'an empty prelude', notes: { [note('empty-prelude')]: '---\nprelude: ""\n' } },
  { name: 'a prelude with no value', notes: { [note('null-prelude')]: '---\nprelude:\nfixes:\n  - x\n' } },
  { name: 'a section that is one string', notes: { [note('one-string')]: '---\nfixes: Fixed it.\n' } },
  { name: 'a section with no value', notes: { [note('null-section')]: '---\nfixes:\n' } },
  { name: 'an empty list', notes: { [note('empty-list')]: '---\nfixes: []\n' } },
  { name: 'a section that is a mapping', notes: { [note('mapping-section')]: '---\nfixes:\n  bug: Fixed it.\n' } },
  { name: 'an item that is a mapping', notes: { [note('mapping-item')]: '---\nfixes:\n  - Bug 123: fixed\n' } },
  { name: 'an item that is a boolean', notes: { [note('bool-item')]: '---\nfixes:\n  - yes\n' } },
  { name: 'an item that is a number', notes: { [note('number-item')]: '---\nfixes:\n  - 1.5\n' } },
  { name: 'an empty item', notes: { [note('empty-item')]: "---\nfixes:\n  - ''\n" } },
  { name: 'a section given twice (the last wins)', notes: { [note('twice')]: '---\nfixes:\n  - one\nfixes:\n  - two\n' } },
  { name: 'an empty note', notes: { [note('empty')]: '' } },
  { name: 'a note of comments only', notes: { [note('comments')]: '# nothing yet\n' } },
  { name: 'a list instead of a mapping', notes: { [note('list')]: '---\n- fixes\n' } },
  { name: 'not YAML', notes: { [note('broken')]: '---\nfixes: [one\n' } },
  { name: 'a section name that is a number', notes: { [note('number-key')]: '---\n1: one\n' } },
  { name: 'two notes with the same id', notes: { [note('first')]: '---\nfixes: [a]\n', [note('second')]: '---\nfixes: [b]\n' } },
  { name: 'a name without reno\'s id', notes: { 'plain.yaml': '---\nfixes: [a]\n' } },
  {
    name: 'a custom section of releasenotes/config.yaml',
    config: '---\nsections:\n  - [features, New Features]\n  - [api, API Changes]\n',
    notes: { [note('custom')]: '---\napi:\n  - The v3 API.\n' },
  },
  {
    name: 'a default section the configuration no longer has',
    config: '---\nsections:\n  - [features, New Features]\n',
    notes: { [note('dropped')]: '---\nfixes:\n  - x\n' },
  },
  {
    name: 'a renamed prelude section',
    config: '---\nprelude_section_name: summary\n',
    notes: { [note('summary')]: '---\nsummary: The Indri release.\n' },
  },
];

function run(cwd: string, command: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C.UTF-8' };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** reno's verdict: fails (non-zero exit: unknown sections, id collisions, unreadable notes) and warns (the loader's sentences about shapes). */
function renoLint(dir: string, c: Case) {
  const notes = path.join(dir, 'releasenotes', 'notes');
  fs.mkdirSync(notes, { recursive: true });
  for (const [name, text] of Object.entries(c.notes)) fs.writeFileSync(path.join(notes, name), text);
  if (c.config !== undefined) fs.writeFileSync(path.join(dir, 'releasenotes', 'config.yaml'), c.config);
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'notes']]) {
    assert.equal(run(dir, 'git', args).status, 0);
  }
  const lint = run(dir, RENO, ['lint']);
  return { fails: lint.status !== 0, warns: /does not parse|parses as a|not a recognized section|does not appear to be structured/.test(lint.out), out: lint.out };
}

function ours(c: Case) {
  const config = c.config !== undefined ? parseRenoConfig(c.config) : undefined;
  const names = Object.keys(c.notes);
  const problems = names.flatMap((name) => validateReleaseNote(c.notes[name], name, { config, siblings: names }));
  return { fails: problems.some((p) => p.severity === 'error'), warns: problems.some((p) => p.severity === 'warning'), messages: problems.map((p) => messageText(p.message)) };
}

describe('release notes: our checks and the real reno lint (python3-reno) agree', function () {
  this.timeout(120000);
  let root: string;
  before(() => {
    assert.ok(fs.existsSync(RENO), `${RENO} is missing: install the Debian package python3-reno (apt-get install python3-reno)`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-reno-lint-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it(`has ${CASES.length} cases`, () => assert.ok(CASES.length >= 25));

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const reno = renoLint(path.join(root, String(i)), c);
      const mine = ours(c);
      assert.deepEqual({ fails: mine.fails, warns: mine.warns }, { fails: reno.fails, warns: reno.warns }, `ours: ${mine.messages.join(' | ')}\nreno: ${reno.out.split('\n').filter((l) => !/^(no configuration|scanning|including|[0-9a-f]{16}:)/.test(l)).slice(-4).join(' / ')}`);
    });
  });
});

// What is new, as the gate decides it, with real git repositories in temp folders: a bad request
// committed on a local branch (not pushed) is still new (the file is compared where the branch left
// origin, not at HEAD); with a clone of the project, a release is new when its tag is not there.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWithGit, committedText } from '../../../src/adapters/releaseGit';
import { readSeriesStatus, validateRequest } from '../../../src/core/deliverables/validation';
import { gitAnswer, type GitQuestion } from '../../../src/core/deliverables/gitAnswers';
import { runJob } from '../../../src/core/deliverables/validationJobs';
import { gitCallCounter } from '../../../src/adapters/gitRunner';

const HISTORY = path.resolve(__dirname, '../../../../test/fixtures/releases-history');
const read = (p: string) => fs.readFileSync(path.join(HISTORY, p), 'utf8');
const status = readSeriesStatus(read('data/series_status.yaml'));
const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=master', ...args], { cwd, env: ENV, encoding: 'utf8' }).trim();

function write(dir: string, rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

describe('validation: what is new, from real git repositories', function () {
  this.timeout(30000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-newness-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a bad request committed on a local branch, not pushed, is still flagged', async () => {
    const origin = path.join(tmp, 'origin.git');
    const releases = path.join(tmp, 'releases');
    git(tmp, 'init', '-q', '--bare', origin);
    git(tmp, 'clone', '-q', origin, releases);
    const file = 'deliverables/gazpacho/glance.yaml';
    const merged = read(file);
    write(releases, 'deliverables/flamingo/glance.yaml', read('deliverables/flamingo/glance.yaml'));
    write(releases, file, merged.slice(0, merged.indexOf('releases:')));
    git(releases, 'add', '.');
    git(releases, 'commit', '-q', '-m', 'Gazpacho deliverables');
    git(releases, 'push', '-q', 'origin', 'master');
    // The Gazpacho-2 mistake (31.0.0.0b2 after Flamingo's 31.0.0), committed before `git review`.
    const mistake = read('mistakes/gazpacho/glance.yaml');
    write(releases, file, mistake);
    git(releases, 'checkout', '-q', '-b', 'gazpacho-2');
    git(releases, 'commit', '-q', '-am', 'Release glance for Gazpacho-2 milestone');
    const base = await committedText(releases, file);
    // A branch made with `checkout -b` has no upstream: origin/master stands in.
    assert.strictEqual(base?.against, 'origin/master');
    const input = { text: mistake, series: 'gazpacho', deliverable: 'glance', seriesStatus: status, previous: [{ series: 'flamingo', text: read('deliverables/flamingo/glance.yaml') }] };
    const flagged = validateRequest({ ...input, committedText: base?.text }).filter((f) => f.severity === 'error');
    assert.deepStrictEqual(flagged.map((f) => [f.rule, f.line]), [['version-numbers', 11]]);
    // Compared with HEAD, as before, nothing would be new and the mistake would pass.
    assert.deepStrictEqual(validateRequest({ ...input, committedText: mistake }).filter((f) => f.severity === 'error'), []);
  });

  /** A glance clone whose commits A and B exist, `tagged` the tags it carries. */
  function clone(tagged: string[]): { dir: string; a: string; b: string; c: string } {
    const dir = path.join(tmp, 'glance');
    git(tmp, 'init', '-q', dir);
    const commit = (n: string) => {
      write(dir, 'f.txt', n);
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', n);
      return git(dir, 'rev-parse', 'HEAD');
    };
    const [a, b, c] = [commit('a'), commit('b'), commit('c')];
    const at: Record<string, string> = { '31.0.0': a, '32.0.0.0b1': b };
    for (const tag of tagged) git(dir, 'tag', tag, at[tag]);
    return { dir, a, b, c };
  }

  function file(c: { a: string; b: string; c: string }): string {
    const rel = (v: string, h: string) => `  - version: ${v}\n    projects:\n      - repo: openstack/glance\n        hash: ${h}\n`;
    return `---\nlaunchpad: glance\nrelease-model: cycle-with-rc\nteam: glance\ntype: service\nrepository-settings:\n  openstack/glance: {}\nreleases:\n${rel('31.0.0', c.a)}${rel('32.0.0.0b1', c.b)}${rel('32.0.0.0b2', c.c)}`;
  }

  async function check(tagged: string[]) {
    const c = clone(tagged);
    const text = file(c);
    // The file is new where the branch started: without git every release of it would be new.
    const rules = { series: 'hibiscus', deliverable: 'glance', seriesStatus: status, committedText: '' };
    const result = await checkWithGit(c.dir, async (answers) => runJob({ kind: 'validate', text, layout: {}, rules, git: answers }));
    return result.findings.filter((f) => f.rule === 'new-releases-at-end').map((f) => f.line);
  }

  it('the project clone has the tags: those releases are not new, only the last one is', async () => {
    assert.deepStrictEqual(await check(['31.0.0', '32.0.0.0b1']), []);
  });

  it('asks the tag and commit questions of a round in one `git cat-file --batch-check`, with the answers one process per question gives', async () => {
    const c = clone(['31.0.0']);
    const text = file(c);
    const rules = { series: 'hibiscus', deliverable: 'glance', seriesStatus: status, committedText: '' };
    const rounds: Array<Array<[string, unknown]>> = [];
    const batches = () => gitCallCounter.byCommand.get('cat-file') ?? 0;
    const before = batches();
    await checkWithGit(c.dir, async (answers) => {
      if (answers !== 'record') rounds.push(answers);
      return runJob({ kind: 'validate', text, layout: {}, rules, git: answers });
    });
    const answered = rounds.at(-1) ?? [];
    assert.ok(answered.length >= 4, `several questions answered (${answered.length})`);
    assert.ok(batches() - before <= rounds.length, `${batches() - before} batch processes for ${rounds.length} rounds`);
    for (const [key, answer] of answered) {
      const question = key.split('\0') as GitQuestion;
      let code = 0;
      let stdout = '';
      try {
        stdout = execFileSync('git', question, { cwd: c.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch (error) {
        code = (error as { status: number }).status;
      }
      assert.deepStrictEqual(answer, gitAnswer(question, code, stdout), question.join(' '));
    }
    assert.ok(answered.some(([, a]) => a === false) && answered.some(([, a]) => a === true), 'both kinds of answer are compared');
  });

  it('the project clone lacks the tag of 32.0.0.0b1: it is new, and not at the end', async () => {
    assert.deepStrictEqual(await check(['31.0.0']), [13]);
  });
});

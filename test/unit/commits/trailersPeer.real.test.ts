// git's own trailer test (t/t7513-interpret-trailers.sh): every message it feeds to
// `git interpret-trailers` (test/fixtures/peer/t7513-messages.json, made by
// scripts/peer/extract_t7513_messages.py) is parsed by the real git and by src/core/commits/trailers.ts,
// and both must list the same trailers. Commit-message rules: `--no-divider`, as `git commit` reads a
// message (a `---` line is text there, not the start of a patch).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { trailers } from '../../../src/core/commits/trailers';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/peer/t7513-messages.json');
const messages = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Array<{ test: string; text: string }>;

function gitParse(text: string, home: string): string[] {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  const result = spawnSync('git', ['interpret-trailers', '--parse', '--no-divider'], { cwd: home, env, input: text, encoding: 'utf8' });
  if (result.error) assert.fail(`git is not installed: apt-get install git (${result.error.message})`);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean);
}

describe('git trailers: the messages of git\'s t7513, as the real git interpret-trailers reads them', function () {
  this.timeout(60000);
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-t7513-'));
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('has the messages', () => assert.ok(messages.length >= 28, String(messages.length)));

  messages.forEach((m, i) => {
    it(`${i + 1}. ${m.test}`, () => {
      const ours = trailers(m.text).map((tr) => `${tr.key}: ${tr.value}`);
      assert.deepEqual(ours, gitParse(m.text, home), JSON.stringify(m.text));
    });
  });
});

// Validation jobs as the worker thread runs them: plain data in and out, git questions recorded then
// answered, and the guard refusing an edit that would add an error. Also the real worker thread.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { runJob, type Job } from '../../src/core/deliverables/validationJobs';
import { readSeriesStatus } from '../../src/core/deliverables/validation';
import { fixtures, repoRoot } from './helpers';

const releases = path.join(fixtures, 'releases');
const read = (...parts: string[]) => fs.readFileSync(path.join(releases, ...parts), 'utf8');
const layout = { schemaText: read('openstack_releases', 'schema.yaml'), yamllintText: read('yamllint.yml') };
const rules = { series: 'hibiscus', deliverable: 'glance', seriesStatus: readSeriesStatus(read('data', 'series_status.yaml')), previous: [{ series: 'epoxy', text: read('deliverables', 'epoxy', 'glance.yaml') }] };
const hibiscus = read('deliverables', 'hibiscus', 'glance.yaml');
const RC1 = `  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${'a'.repeat(40)}\n`;

describe('validation jobs', () => {
  it('checks a real file clean, and flags an RC1 without its stable branch', () => {
    assert.deepEqual(runJob({ kind: 'validate', text: hibiscus, layout, rules }).findings, []);
    const findings = runJob({ kind: 'validate', text: hibiscus + RC1, layout, rules }).findings;
    assert.deepEqual(findings.map((f) => f.rule), ['rc1-stable-branch']);
  });

  it('records the git questions of the rules, then uses the answers', () => {
    const first = runJob({ kind: 'validate', text: hibiscus + RC1, layout, rules, git: 'record' });
    assert.ok(first.questions.some((q) => q.join(' ') === `cat-file -e --end-of-options ${'a'.repeat(40)}^{commit}`), JSON.stringify(first.questions));
    const answers = first.questions.map((q): [string, boolean] => [q.join('\0'), false]);
    const second = runJob({ kind: 'validate', text: hibiscus + RC1, layout, rules, git: answers });
    assert.ok(second.findings.some((f) => f.rule === 'release-sha-exists' && f.severity === 'error'), JSON.stringify(second.findings));
  });

  it('guards an edit: refuses a milestone that goes backwards, allows the RC1 with its branch', () => {
    // Below epoxy's 30.2.0, the previous series the rules are given here.
    const request = { version: '30.0.0.0b1', repo: 'openstack/glance', hash: 'b'.repeat(40) };
    const refused = runJob({ kind: 'guard', text: hibiscus, file: 'glance.yaml', edit: { kind: 'release', request }, layout, rules });
    assert.equal(refused.ok, false);
    const rc1 = { version: '33.0.0.0rc1', repo: 'openstack/glance', hash: 'c'.repeat(40), branch: { name: 'stable/2026.2', location: '33.0.0.0rc1' } };
    const allowed = runJob({ kind: 'guard', text: hibiscus, file: 'glance.yaml', edit: { kind: 'release', request: rc1 }, layout, rules });
    assert.equal(allowed.ok, true, JSON.stringify(allowed));
  });

  it('runs on a real worker thread (dist/validationWorker.js) without blocking the caller', async () => {
    const workerFile = path.join(repoRoot, 'dist', 'validationWorker.js');
    assert.ok(fs.existsSync(workerFile), 'npm run build first');
    const worker = new Worker(workerFile);
    try {
      const job: Job = { kind: 'validate', text: hibiscus + RC1, layout, rules };
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 1);
      const reply = await new Promise<{ id: number; result: { findings: Array<{ rule: string }> } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, job });
      });
      clearInterval(ticker);
      assert.equal(reply.id, 7);
      assert.deepEqual(reply.result.findings.map((f) => f.rule), ['rc1-stable-branch']);
      assert.ok(ticks > 0, 'the caller kept running while the thread worked');
    } finally {
      await worker.terminate();
    }
  });
});

describe('git questions of the rules', () => {
  it('reads exit codes as answers, and anything else as no answer', async () => {
    const { gitAnswer } = await import('../../src/core/deliverables/gitAnswers');
    const exists = ['cat-file', '-e', '--end-of-options', `${'a'.repeat(40)}^{commit}`];
    const ancestor = ['merge-base', '--is-ancestor', '--end-of-options', 'a', 'b'];
    assert.equal(gitAnswer(exists, 0), true);
    assert.equal(gitAnswer(exists, 128), false);
    assert.equal(gitAnswer(exists, undefined), undefined, 'a time-out is not "missing"');
    assert.equal(gitAnswer(ancestor, 1), false);
    assert.equal(gitAnswer(ancestor, 128), undefined, 'a bad object is not "not an ancestor"');
  });

  it('never asks git about a value that could be read as an option', () => {
    const text = hibiscus + `  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: --output=/tmp/x\n`;
    const first = runJob({ kind: 'validate', text, layout, rules, git: 'record' });
    assert.ok(first.questions.every((q) => q.includes('--end-of-options') && !q.some((a) => a.startsWith('--output'))), JSON.stringify(first.questions));
  });
});

// Validating a whole releases checkout, as api.validateDeliverable does for one file: schema.yaml,
// yamllint.yml's rules and the release team's rules, with the file where the local branch left
// upstream (`git merge-base` once per burst, one `git show` per file) and the newest earlier series'
// file. Reports the time per file and the total. Needs `npx tsc -p ./` (reads out/).
//   usage: node scripts/bench-checkout-validation.mjs [/path/to/releases-checkout]  (or GLANCE_BENCH_RELEASES=…, as npm run bench passes it)
// Without a path it clones test/fixtures/releases into a temp folder (a few files); with the real
// checkout (about 2,000 files from Antelope on) it measures what the issue asks.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => require(path.join(root, 'out', 'src', ...p.split('/')));
const { runJob } = out('core/deliverables/validationJobs.js');
const { readSeriesStatus } = out('core/deliverables/validation/index.js');
const { olderSeries } = out('core/deliverables/releasePolicy.js');
const { committedText } = out('adapters/releaseGit.js');
// As in the extension: short git processes start on the git thread (dist/gitWorker.js, from npm run build).
out('adapters/gitThread.js').useGitThreadScript(path.join(root, 'dist', 'gitWorker.js'));

function checkout() {
  const given = process.argv[2] ?? process.env.GLANCE_BENCH_RELEASES;
  if (given) return { dir: given, temp: false };
  // A clone with origin/master, as a liaison's checkout is (the merge-base is then asked once per burst).
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'grc-bench-checkout-'));
  const upstream = path.join(temp, 'upstream');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'releases'), upstream, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
  for (const args of [['-c', 'init.defaultBranch=master', 'init', '-q'], ['add', '-A'], ['commit', '-qm', 'fixture']]) execFileSync('git', args, { cwd: upstream, env });
  const dir = path.join(temp, 'releases');
  execFileSync('git', ['clone', '-q', upstream, dir], { env });
  return { dir, temp };
}

const { dir, temp } = checkout();
try {
  const read = (rel) => fs.readFileSync(path.join(dir, rel), 'utf8');
  const layout = { schemaText: read('openstack_releases/schema.yaml'), yamllintText: read('yamllint.yml') };
  const seriesStatus = readSeriesStatus(read('data/series_status.yaml'));
  const names = seriesStatus.map((s) => s.name);
  const files = [];
  for (const series of fs.readdirSync(path.join(dir, 'deliverables')).sort()) {
    // The series the gate still checks (Antelope on, as scripts/peer/gateReplay.mjs) and _independent.
    if ((!names.includes(series) || names.indexOf(series) > names.indexOf('antelope')) && series !== '_independent') continue;
    for (const file of fs.readdirSync(path.join(dir, 'deliverables', series)).sort()) if (file.endsWith('.yaml')) files.push({ series, name: file.slice(0, -5) });
  }
  const perFile = [];
  let gitMs = 0;
  let errors = 0;
  const started = performance.now();
  for (const { series, name } of files) {
    const t0 = performance.now();
    const rel = `deliverables/${series}/${name}.yaml`;
    const text = read(rel);
    const older = series === '_independent' ? [] : olderSeries(names, series);
    const previousSeries = older.find((s) => fs.existsSync(path.join(dir, 'deliverables', s, `${name}.yaml`)));
    const previous = previousSeries ? [{ series: previousSeries, text: read(`deliverables/${previousSeries}/${name}.yaml`) }] : [];
    const g0 = performance.now();
    const base = await committedText(dir, rel);
    gitMs += performance.now() - g0;
    const result = runJob({ kind: 'validate', text, layout, rules: { series, deliverable: name, seriesStatus, previous, committedText: base?.text } });
    errors += [...result.problems, ...result.findings].filter((p) => p.severity === 'error').length;
    perFile.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  const sorted = [...perFile].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(`validate a whole checkout (${files.length} deliverable files${temp ? ', the fixture checkout' : ''}): ${(total / 1000).toFixed(2)} s total, ${(total / files.length).toFixed(2)} ms per file on average`);
  console.log(`  per file: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, slowest ${at(1).toFixed(2)} ms (target <= 10 ms warm: ${at(0.5) <= 10 ? 'ok' : 'OVER'}); ${errors} errors`);
  console.log(`  of which git (the committed file): ${(gitMs / files.length).toFixed(2)} ms per file; the checks: ${((total - gitMs) / files.length).toFixed(2)} ms per file`);
} finally {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
}

// Benchmark: validateDeliverable on a synthetic deliverable of 5,000 releases with the real schema.yaml
// and yamllint.yml of test/fixtures/releases. Runs the compiled core (out/src/core); needs
// `npx tsc -p ./` first.
// Usage: node scripts/bench-validate.mjs [releases=5000] [runs=7]
//   cold: a fresh Node process per run (module load + schema preparation + first validation);
//   warm: repeated validations in one process. Medians in ms.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fixtures = path.join(root, 'test', 'fixtures', 'releases');
const schemaText = fs.readFileSync(path.join(fixtures, 'openstack_releases', 'schema.yaml'), 'utf8');
const yamllintText = fs.readFileSync(path.join(fixtures, 'yamllint.yml'), 'utf8');

export function syntheticDeliverable(count) {
  const lines = ['---', 'launchpad: glance', 'release-model: cycle-with-rc', 'team: glance', 'type: service', 'repository-settings:', '  openstack/glance: {}', 'cycle-highlights:', '  - A highlight.', 'releases:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - version: ${Math.floor(i / 100)}.${i % 100}.0`, '    projects:', '      - repo: openstack/glance', `        hash: a${i.toString(16).padStart(39, '0')}`);
  }
  lines.push('branches:', '  - name: stable/x', '    location: 1.0.0');
  return `${lines.join('\n')}\n`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function once(count) {
  const t0 = performance.now();
  const { validateDeliverable } = require(path.join(root, 'out', 'src', 'core', 'deliverables', 'deliverableValidation.js'));
  const t1 = performance.now();
  const problems = validateDeliverable(syntheticDeliverable(count), { schemaText, yamllintText });
  const t2 = performance.now();
  return { load: t1 - t0, validate: t2 - t1, problems: problems.length };
}

const count = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 7);

if (process.env.BENCH_VALIDATE_CHILD) {
  process.stdout.write(JSON.stringify(once(count)));
} else {
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(count)], { env: { ...process.env, BENCH_VALIDATE_CHILD: '1' }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    cold.push(JSON.parse(child.stdout));
  }
  const { validateDeliverable } = require(path.join(root, 'out', 'src', 'core', 'deliverables', 'deliverableValidation.js'));
  const text = syntheticDeliverable(count);
  validateDeliverable(text, { schemaText, yamllintText });
  const warm = [];
  let problems = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    problems = validateDeliverable(text, { schemaText, yamllintText }).length;
    warm.push(performance.now() - t0);
  }
  const fmt = (n) => `${n.toFixed(1)} ms`;
  console.log(`validateDeliverable, ${count} releases (${(text.length / 1024).toFixed(0)} KiB, ${text.split('\n').length - 1} lines), ${runs} runs, ${problems} problems`);
  console.log(`  cold (new process): load ${fmt(median(cold.map((c) => c.load)))}, first validation ${fmt(median(cold.map((c) => c.validate)))}`);
  console.log(`  warm:               median ${fmt(median(warm))}, max ${fmt(Math.max(...warm))}`);
  console.log('  one synchronous call: the whole validation is one stretch (run it in a worker to keep the host free).');
}

// Bench of the deliverable validation rules: a synthetic deliverable of 5,000 releases (and its
// previous series), validated 15 times; prints the median. Needs `npx tsc -p ./` first (reads out/).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { validateRequest, allowedKinds } = require('../out/src/core/deliverables/validation/index.js');

const COUNT = 5000;
const RUNS = 15;

function synthetic(major, count) {
  const lines = ['---', 'launchpad: glance', 'release-model: cycle-with-intermediary', 'team: glance', 'type: library', 'repository-settings:', '  openstack/glance_store: {}', 'releases:'];
  for (let i = 0; i < count; i++) {
    const hash = (i + 1).toString(16).padStart(40, 'a');
    lines.push(`  - version: ${major}.${Math.floor(i / 10)}.${i % 10}`, '    projects:', '      - repo: openstack/glance_store', `        hash: ${hash}`);
  }
  lines.push('branches:', '  - name: stable/2026.2', `    location: ${major}.${Math.floor((count - 1) / 10)}.${(count - 1) % 10}`);
  return lines.join('\n') + '\n';
}

const seriesStatus = [
  { name: 'hibiscus', releaseId: '2026.2', status: 'development' },
  { name: 'gazpacho', releaseId: '2026.1', status: 'maintained' },
];
const input = {
  text: synthetic(2, COUNT),
  series: 'hibiscus',
  deliverable: 'glance-store',
  seriesStatus,
  previous: [{ series: 'gazpacho', text: synthetic(1, 50) }],
  isNewRelease: () => true, // the worst case: every release checked
};

function median(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

const findings = validateRequest(input);
const validate = median(() => validateRequest(input));
const typical = median(() => validateRequest({ ...input, isNewRelease: undefined }));
const kinds = median(() => allowedKinds({ ...input, isNewRelease: undefined }));
console.log(`validateRequest, ${COUNT} releases: median ${validate.toFixed(1)} ms over ${RUNS} runs (${findings.length} findings; target <= 500 ms)`);
console.log(`validateRequest, ${COUNT} releases, last one new: median ${typical.toFixed(1)} ms`);
console.log(`allowedKinds, ${COUNT} releases: median ${kinds.toFixed(1)} ms over ${RUNS} runs`);
if (validate > 500 || typical > 500) process.exitCode = 1;

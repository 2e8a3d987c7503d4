// Benchmark: evaluating every evidence rule (the tasks' `evidence:` in dist/data/release-cycle.json) for a series once its files are
// loaded, on the real files of test/fixtures/evidence. Runs the compiled code in out/ (npx tsc -p ./).
// Usage: node scripts/bench-evidence.mjs [runs]        (prints a report; budget: 20 ms per series)
//        import { benchEvidence } from './bench-evidence.mjs'  (returns the numbers)
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { performance } from 'perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fixtures = path.join(root, 'test', 'fixtures', 'evidence');
const SERIES = { flamingo: ['2025.2', '2025-09-15'], gazpacho: ['2026.1', '2026-04-05'], hibiscus: ['2026.2', '2026-08-21'] };
const BUDGET_MS = 20;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const read = (...parts) => fs.readFileSync(path.join(fixtures, ...parts), 'utf8');

/** What the glue would have read: the series' deliverables, migration.py, every note, the schedule. */
function loadInput(series, { parseSchedule }, deliverableNames) {
  const [releaseId, today] = SERIES[series];
  const deliverables = Object.fromEntries(deliverableNames.map((n) => [n, { text: read('deliverables', series, `${n}.yaml`), file: `deliverables/${series}/${n}.yaml` }]));
  const notesDir = path.join(fixtures, 'notes');
  const notes = { files: fs.readdirSync(notesDir).map((name) => ({ name, text: fs.readFileSync(path.join(notesDir, name), 'utf8') })) };
  const schedule = parseSchedule(series, read('schedules', series, 'schedule.yaml'), `${series}/schedule.yaml`);
  // The demo workspace's real migration.py (the evidence fixtures do not keep a copy).
  const migrationPy = { text: fs.readFileSync(path.join(fixtures, '..', 'demo-workspace', 'glance', 'glance', 'db', 'migration.py'), 'utf8'), file: 'glance/db/migration.py' };
  return { series, releaseId, today, schedule, facts: { migrationPy, notes, deliverables } };
}

export function benchEvidence(runs = 200) {
  const evidence = require(path.join(root, 'out', 'src', 'core', 'evidence', 'index.js'));
  const scheduleYaml = require(path.join(root, 'out', 'src', 'core', 'calendar', 'scheduleYaml.js'));
  const checklist = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'data', 'release-cycle.json'), 'utf8'));
  const specs = Object.fromEntries(checklist.phases.flatMap((p) => p.tasks).flatMap((t) => (t.evidence ? [[t.id, t.evidence]] : [])));
  return Object.keys(SERIES).map((series) => {
    const input = loadInput(series, scheduleYaml, evidence.EVIDENCE_DELIVERABLES);
    let start = performance.now();
    const first = evidence.evaluateEvidence(input, specs);
    const firstMs = performance.now() - start;
    const times = [];
    for (let i = 0; i < runs; i++) {
      start = performance.now();
      evidence.evaluateEvidence(input, specs);
      times.push(performance.now() - start);
    }
    const states = {};
    for (const e of first.values()) states[e.state] = (states[e.state] ?? 0) + 1;
    return { series, tasks: first.size, firstMs, medianMs: median(times), maxMs: Math.max(...times), states };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 200);
  const results = benchEvidence(runs);
  console.log(`Evidence rules, all tasks with an evidence rule, ${runs} runs per series (budget ${BUDGET_MS} ms):`);
  for (const r of results) {
    const states = Object.entries(r.states).map(([s, n]) => `${n} ${s}`).join(', ');
    console.log(`  ${r.series.padEnd(9)} ${r.tasks} tasks  first ${r.firstMs.toFixed(2)} ms  median ${r.medianMs.toFixed(3)} ms  max ${r.maxMs.toFixed(2)} ms  (${states})`);
  }
  if (results.some((r) => r.medianMs > BUDGET_MS)) {
    console.error(`Over budget: more than ${BUDGET_MS} ms.`);
    process.exitCode = 1;
  }
}

// Parsing every series' schedule vs only those a date needs (SeriesCatalog), on the compiled out/ code.
// Usage: npx tsc -p ./ && node scripts/bench-schedules.mjs [releases-checkout] [YYYY-MM-DD]
// Cold numbers come from a fresh Node process per run (what activation pays); warm ones from a loop.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [checkout = path.join(root, 'test', 'fixtures', 'upstream'), day = '2026-11-25', mode] = process.argv.slice(2);

const { parseSchedule, parseSeriesStatus } = require(path.join(root, 'out/src/core/calendar/scheduleYaml.js'));
const { SeriesCatalog } = require(path.join(root, 'out/src/core/calendar/seriesCatalog.js'));
const { phaseAt } = require(path.join(root, 'out/src/core/calendar/phase.js'));

const read = (rel) => readFile(path.join(checkout, ...rel.split('/')), 'utf8').catch(() => undefined);

/** From series_status.yaml's text to the phase at `day`; returns [ms, schedules parsed, series]. */
async function run(all) {
  const started = performance.now();
  const series = parseSeriesStatus(await read('data/series_status.yaml'), 'series_status.yaml');
  let parsed = 0;
  const parse = (...args) => (parsed++, parseSchedule(...args));
  const catalog = new SeriesCatalog({ series, read, parse });
  const schedules = all ? await catalog.allSchedules() : await catalog.schedulesFor(day);
  const result = phaseAt(day, { series, schedules, origin: 'bench' });
  return [performance.now() - started, parsed, result.kind === 'phase' ? `${result.series} ${result.phaseId}` : result.kind];
}

if (mode === '--once-all' || mode === '--once-needed') {
  const [ms, parsed, phase] = await run(mode === '--once-all');
  console.log(JSON.stringify({ ms, parsed, phase }));
} else {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cold = (flag) => {
    const runs = Array.from({ length: 7 }, () => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), checkout, day, flag], { encoding: 'utf8' })));
    return { ms: median(runs.map((r) => r.ms)), parsed: runs[0].parsed, phase: runs[0].phase };
  };
  const warm = async (all) => {
    const times = [];
    for (let i = 0; i < 30; i++) times.push((await run(all))[0]);
    return median(times);
  };
  const coldAll = cold('--once-all');
  const coldNeeded = cold('--once-needed');
  const warmAll = await warm(true);
  const warmNeeded = await warm(false);
  console.log(`checkout: ${checkout}, day: ${day}`);
  console.log(`all series:        ${coldAll.parsed} schedules parsed, cold ${coldAll.ms.toFixed(1)} ms, warm ${warmAll.toFixed(2)} ms -> ${coldAll.phase}`);
  console.log(`series day needs:  ${coldNeeded.parsed} schedules parsed, cold ${coldNeeded.ms.toFixed(1)} ms, warm ${warmNeeded.toFixed(2)} ms -> ${coldNeeded.phase}`);
}

// Benchmark: parsing one realistic Gerrit answer of 500 changes (the paging cap) with detailed labels and
// accounts, as the review queue does on every refresh. Target: median <= 20 ms.
// Runs the compiled code: `npx tsc -p ./` first. Usage: node scripts/bench-gerrit.mjs [runs]
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { parseChangesAnswer, needsTeamVote } = require(path.join(root, 'out/src/core/gerrit/gerrit.js'));
const { answerText, priorityChanges } = require(path.join(root, 'out/test/unit/gerrit/samples.js'));

const runs = Number(process.argv[2] ?? 50);
const text = answerText(priorityChanges(500, 2), true);
const now = new Date();

const times = [];
let cold = 0;
for (let i = 0; i < runs + 5; i++) {
  const start = process.hrtime.bigint();
  const parsed = parseChangesAnswer(text);
  if (!parsed.ok || parsed.changes.length !== 500) throw new Error('bench answer did not parse');
  for (const c of parsed.changes) needsTeamVote(c, ['akekane@example.org'], now);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (i === 0) cold = ms;
  if (i >= 5) times.push(ms); // the first runs warm the JIT
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p95 = times[Math.floor(times.length * 0.95)];
console.log(`gerrit: parse 500 changes (${(text.length / 1024).toFixed(0)} KB answer), ${runs} runs`);
console.log(`  median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms (target: median <= 20 ms); first run ${cold.toFixed(2)} ms`);
process.exitCode = median <= 20 ? 0 : 1;

// Benchmark: from activate() to the correct status bar with a full openstack/releases checkout (every series
// in series_status.yaml, a schedule per recent series). Runs the real compiled load path
// (out/src/vscode/checkouts.js, dataSources.js, the SeriesCatalog, buildSnapshot) with a minimal `vscode`
// stand-in backed by Node's fs, and dist/yamlReaders.js as the extension loads it. Needs
// `npm run build && npm run compile-tests` first.
// Usage: node scripts/bench-activation-data.mjs [releases checkout] [today]
import * as fs from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { closureKB } from './lib/bundleClosure.mjs';
import { FileType, Uri } from './lib/fakeVscodeUri.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv[2] === '--start' ? process.argv.slice(4) : process.argv.slice(2);
const checkout = path.resolve(args[0] ?? '/work/shared/reference/openstack-releases');
const today = args[1] ?? '2026-11-25';

function fakeVscode(state) {
  const folders = () => state.folders.map((p, index) => ({ uri: Uri.file(p), name: path.basename(p), index }));
  return {
    Uri,
    FileType,
    // The English texts, as vscode.l10n.t gives them without a translation bundle.
    l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i) => String(args[i])) },
    workspace: {
      get workspaceFolders() {
        return folders();
      },
      textDocuments: [],
      getWorkspaceFolder: (uri) => folders().find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)),
      asRelativePath: (uri) => uri.path,
      getConfiguration: () => ({ get: (_key, fallback) => fallback }),
      fs: {
        async stat(uri) {
          state.stats++;
          const s = await fs.promises.stat(uri.fsPath);
          return { type: s.isDirectory() ? FileType.Directory : FileType.File, size: s.size, ctime: 0, mtime: s.mtimeMs };
        },
        async readFile(uri) {
          state.reads++;
          return fs.promises.readFile(uri.fsPath);
        },
      },
    },
  };
}

function load(state) {
  const vscode = fakeVscode(state);
  const originalLoad = Module._load;
  // Kept for the whole run: lazyReaders.ts requires ./yamlReaders.js on first use, after loading.
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    // lazyReaders.ts loads ./yamlReaders.js next to dist/extension.js.
    if (request === './yamlReaders.js') {
      state.yamlLoaded = true;
      return originalLoad.call(this, path.join(root, 'dist', 'yamlReaders.js'), parent, isMain);
    }
    return originalLoad.call(this, request, parent, isMain);
  };
  const out = (p) => require(path.join(root, 'out', 'src', ...p.split('/')));
  return { vscode, checkouts: out('vscode/checkouts.js'), dataSources: out('vscode/calendar/dataSources.js'), snapshot: out('core/snapshot.js'), ParseCache: out('adapters/parseCache.js').ParseCache };
}

const state = { folders: [checkout], stats: 0, reads: 0 };
let loaded;

export async function benchActivationData(cacheDir) {
  for (const needed of ['out/src/vscode/calendar/dataSources.js', 'dist/yamlReaders.js', 'dist/data/schedules.json']) {
    if (!fs.existsSync(path.join(root, needed))) throw new Error(`${needed} is missing: run npm run build && npm run compile-tests`);
  }
  const started = performance.now();
  // Modules are cached after the first run: they keep the first stand-in, so the counters live there.
  loaded ??= load(state);
  state.stats = state.reads = 0;
  const { vscode, checkouts, dataSources, snapshot, ParseCache } = loaded;
  const cache = cacheDir ? new ParseCache(cacheDir) : undefined;
  await cache?.load();
  const bundled = await dataSources.loadBundledData(vscode.Uri.file(root));
  const statsBefore = state.stats;
  const found = await checkouts.findReleasesCheckout();
  const locateStats = state.stats - statsBefore;
  const readsBefore = state.reads;
  const fromCheckout = await dataSources.loadCheckoutCatalog(found.uri, cache);
  if (!fromCheckout.catalog) throw new Error(fromCheckout.problems.map((p) => p.message).join("\n"));
  const set = await fromCheckout.catalog.setFor(today, fromCheckout.label);
  const schedules = dataSources.combine(bundled.schedules, set);
  const snap = snapshot.buildSnapshot({
    today,
    checklist: bundled.checklist,
    schedules,
    ticks: () => new Set(),
    origin: `openstack/releases checkout "${fromCheckout.label}"`,
    problems: [...fromCheckout.problems, ...fromCheckout.catalog.problems()],
  });
  const toStatusMs = performance.now() - started;
  const yamlBeforePhase = state.yamlLoaded === true;
  await cache?.flush();
  const statusReads = state.reads - readsBefore;
  const allStarted = performance.now();
  const all = await fromCheckout.catalog.allSchedules();
  const allMs = performance.now() - allStarted;
  return {
    series: fromCheckout.catalog.series.length,
    problems: fromCheckout.problems.length,
    parsed: set.schedules.map((s) => s.series),
    locateStats,
    statusReads,
    toStatusMs: Math.round(toStatusMs),
    text: snap.summary.text,
    allSchedules: all.length,
    allMs: Math.round(allMs),
    yamlBeforePhase,
  };
}

/** dist/ bundles a start loads before the phase is on screen: the startup shell, app.js and the chunks it requires, and the YAML readers (with theirs) on a miss. */
function jsBeforePhaseKB(yaml) {
  return closureKB(path.join(root, 'dist'), ['extension.js', 'app.js', ...(yaml ? ['yamlReaders.js', 'yaml.js'] : [])]);
}

if (process.argv[2] === '--start') {
  // One start in this process: node bench-activation-data.mjs --start <cacheDir> [checkout] [today]
  const r = await benchActivationData(process.argv[3]);
  process.stdout.write(JSON.stringify({ ms: r.toStatusMs, yaml: r.yamlBeforePhase, kb: jsBeforePhaseKB(r.yamlBeforePhase), text: r.text }));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await benchActivationData());
  const r = runs[runs.length - 1];
  const median = (k) => runs.map((x) => x[k]).sort((a, b) => a - b)[2];
  console.log(`releases checkout ${checkout}, today ${today}: ${r.series} valid series (${r.problems} entries reported)`);
  console.log(`  locate the checkout: ${r.locateStats} stat calls; files read for the status bar: ${r.statusReads}; schedules parsed: ${r.parsed.join(', ')}`);
  console.log(`  activate() -> status bar "${r.text}": ${median('toStatusMs')} ms median of 5 (first, with module loads: ${runs[0].toStatusMs} ms)`);
  console.log(`  Show Series… (every schedule, ${r.allSchedules}): ${median('allMs')} ms more`);
  // First and second start in fresh processes, sharing one parse cache (issue 22: no YAML on a warm start).
  const { execFileSync } = await import('child_process');
  const os = await import('os');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-bench-cache-'));
  const start = () => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--start', cacheDir], { encoding: 'utf8' }).trim());
  const [first, second] = [start(), start()];
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const line = (name, s) => `  ${name} start (fresh process): ${s.ms} ms to "${s.text}", YAML library loaded before the phase: ${s.yaml ? 'yes' : 'no'}, JavaScript before the phase ${s.kb.toFixed(0)} KB`;
  console.log(line('first', first));
  console.log(`${line('second', second)} (aim: no YAML, ≤ 150 KB: ${!second.yaml && second.kb <= 150 ? 'ok' : second.yaml ? 'YAML LOADED' : `OVER by ${(second.kb - 150).toFixed(0)} KB`})`);
}

// npm run bench: the numbers the project keeps an eye on.
//   1. bundle sizes (dist/extension.js must stay under 60 KB minified)
//   2. loading dist/extension.js and running activate(), in fresh Node processes, against a stand-in
//      `vscode` module that also counts file-system calls made during activate() (must be 0)
//   3. computing the phase for a day (core phaseAt over the bundled schedules)
//   4. locating an openstack/releases checkout in a 6,000-file tree (scripts/bench-releases.mjs)
//   5. the capabilities' own benches, the .vsix size, and (with code-server) the longest synchronous
//      stretch of each surface in a real VS Code (test/integration/bench-blocking)
// Needs `npm run build && npm run compile-tests` (npm run bench does both).
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { closureKB } from './lib/bundleClosure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function sizes() {
  const shared = fs.readdirSync(path.join(root, 'dist')).filter((f) => /^shared-.*\.js$/.test(f));
  return ['extension.js', 'app.js', ...shared, 'features.js', 'yamlReaders.js', 'validators.js', 'validationWorker.js', 'gitWorker.js', 'yaml.js'].map((file) => ({ file: `dist/${file}`, kb: fs.statSync(path.join(root, 'dist', file)).size / 1024 }));
}

/** The entries of a zip file (name, compressed bytes), read from its central directory. */
function zipEntries(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = [];
  for (let at = zip.readUInt32LE(end + 16), n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), compressed: zip.readUInt32LE(at + 20) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

// One activation in a fresh process: time to require the bundle, time for activate(), fs calls made.
const ACTIVATE_CHILD = String.raw`
const Module = require('module');
const counts = { fs: 0, statusBarItems: 0, commands: 0 };
// Anything not modelled below is a callable, constructible no-op (event subscriptions, diagnostics...).
const anything = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : p === 'dispose' ? () => {} : anything),
  apply: () => anything,
  construct: () => anything,
});
const stub = (shape) => new Proxy(shape, { get: (t, p) => (p in t ? t[p] : anything) });
const countFs = () => { counts.fs++; return Promise.reject(new Error('no fs in bench')); };
// esbuild's interop copies the module's own keys, so every name the bundles use is listed.
const names = ['EventEmitter', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'Uri', 'FileType', 'TreeItem', 'Range', 'Position',
  'Selection', 'WorkspaceEdit', 'Diagnostic', 'DiagnosticSeverity', 'languages', 'extensions', 'env', 'ConfigurationTarget',
  'QuickPickItemKind', 'TextEditorRevealType', 'ProgressLocation', 'RelativePattern', 'ViewColumn', 'TreeItemCheckboxState'];
const vscode = stub({
  ...Object.fromEntries(names.map((n) => [n, anything])),
  // The English texts, as vscode.l10n.t gives them without a translation bundle.
  l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i) => String(args[i])), bundle: undefined },
  StatusBarAlignment: { Left: 1, Right: 2 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  TreeItemCheckboxState: { Unchecked: 0, Checked: 1 },
  Disposable: class { constructor(f) { this.f = f; } dispose() { this.f && this.f(); } },
  window: stub({
    createStatusBarItem: () => { counts.statusBarItems++; return stub({}); },
    createTreeView: () => stub({}),
  }),
  commands: stub({ registerCommand: () => { counts.commands++; return { dispose() {} }; } }),
  workspace: stub({
    workspaceFolders: [], textDocuments: [], isTrusted: true,
    getConfiguration: () => ({ get: (_k, d) => d }),
    fs: { stat: countFs, readFile: countFs, readDirectory: countFs },
    findFiles: countFs,
  }),
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const context = { subscriptions: [], extension: { packageJSON: require(process.argv[1] + '/package.json') }, extensionUri: { path: process.argv[1] }, globalState: { get() {}, update: async () => {}, setKeysForSync() {} }, workspaceState: { get() {}, update: async () => {} } };
// Hold back what activate() defers, to time it separately from activation itself.
const deferred = [];
const realSetTimeout = global.setTimeout;
global.setTimeout = (fn, ms, ...args) => (ms ? realSetTimeout(fn, ms, ...args) : deferred.push(() => fn(...args)));
const t0 = process.hrtime.bigint();
const ext = require(process.argv[2]);
const t1 = process.hrtime.bigint();
ext.activate(context);
const t2 = process.hrtime.bigint();
const fsDuringActivate = counts.fs;
global.setTimeout = realSetTimeout;
for (const fn of deferred) fn(); // starts reading the data
const t3 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ loadMs: Number(t1 - t0) / 1e6, activateMs: Number(t2 - t1) / 1e6, deferredMs: Number(t3 - t2) / 1e6, ...counts, fs: fsDuringActivate }));
process.exit(0);
`;

function activation() {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['-e', ACTIVATE_CHILD, root, path.join(root, 'dist', 'extension.js')], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  return {
    loadMs: median(runs.map((r) => r.loadMs)),
    activateMs: median(runs.map((r) => r.activateMs)),
    totalMs: median(runs.map((r) => r.loadMs + r.activateMs)),
    deferredMs: median(runs.map((r) => r.deferredMs)),
    fsCalls: Math.max(...runs.map((r) => r.fs)),
    statusBarItems: runs[0].statusBarItems,
    commands: runs[0].commands,
  };
}

// The phase code as it ships: bundled and minified with date-fns inside, as in dist/extension.js
// (the tsc output would measure Node resolving date-fns' lazily required files instead).
async function phaseBundle() {
  const outfile = path.join(root, 'out', 'bench', 'phase.js');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'core', 'calendar', 'phase.ts')], bundle: true, minify: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  return outfile;
}

async function phaseComputation() {
  const bundle = await phaseBundle();
  const { phaseAt } = require(bundle);
  const schedulesJson = path.join(root, 'dist', 'data', 'schedules.json');
  const set = JSON.parse(fs.readFileSync(schedulesJson, 'utf8'));
  const days = ['2026-11-25', '2026-10-14', '2027-03-03', '2026-05-20', '2027-04-15'];
  for (let i = 0; i < 200; i++) phaseAt(days[i % days.length], set); // warm-up
  const iterations = 5000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) phaseAt(days[i % days.length], set);
  const perCallMs = Number(process.hrtime.bigint() - t0) / 1e6 / iterations;
  // The first call in a fresh process (what the status bar pays once per window): median of RUNS.
  const firstCalls = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', `const {phaseAt}=require(${JSON.stringify(bundle)});const set=JSON.parse(require('fs').readFileSync(${JSON.stringify(schedulesJson)},'utf8'));const t=process.hrtime.bigint();phaseAt('2026-11-25',set);console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      { encoding: 'utf8' },
    );
    firstCalls.push(Number(out.trim()));
  }
  return { perCallMs, firstCallMs: median(firstCalls) };
}

const report = { sizes: sizes(), activation: activation(), phase: await phaseComputation() };
console.log('Glance Release Cycle benchmark');
for (const s of report.sizes) console.log(`  bundle ${s.file}: ${s.kb.toFixed(1)} KB${s.file === 'dist/extension.js' ? ` (target < 60 KB: ${s.kb < 60 ? 'ok' : 'OVER'})` : ''}`);
for (const entry of ['app.js', 'features.js', 'yamlReaders.js', 'validators.js']) console.log(`  dist/${entry} with the chunks it loads: ${closureKB(path.join(root, 'dist'), [entry]).toFixed(1)} KB`);
const a = report.activation;
console.log(`  load dist/extension.js + activate(), median of ${RUNS} fresh processes: ${a.totalMs.toFixed(2)} ms (require ${a.loadMs.toFixed(2)} ms, activate ${a.activateMs.toFixed(2)} ms; target < 10 ms: ${a.totalMs < 10 ? 'ok' : 'OVER'})`);
console.log(`  during activate(): ${a.fsCalls} file-system calls, ${a.statusBarItems} status-bar item, ${a.commands} command registrations`);
console.log(`  deferred tick after activate() (load dist/app.js, start reading data): ${a.deferredMs.toFixed(2)} ms`);
const p = report.phase;
console.log(`  phase for a day (target < 1 ms): ${(p.perCallMs * 1000).toFixed(1)} µs per call warm (${p.perCallMs < 1 ? 'ok' : 'OVER'}), ${p.firstCallMs.toFixed(2)} ms for the first call in a fresh process, median of ${RUNS} (${p.firstCallMs < 1 ? 'ok' : 'OVER'})`);

// The openstack/releases part has its own script (it generates a 6,000-file tree); run it as it is.
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench-releases.mjs')], { stdio: 'inherit' });
// The capabilities' own benches (on the compiled out/ code): validation of 5,000 releases, the release
// rules, evidence, Gerrit parsing, and parsing only the schedules a date needs.
for (const script of ['bench-activation-data.mjs', 'bench-validate.mjs', 'bench-validation.mjs', 'bench-evidence.mjs', 'bench-gerrit.mjs', 'bench-schedules.mjs', 'bench-release-status.mjs', 'bench-checkout-validation.mjs']) {
  console.log(`\n${script}`);
  execFileSync(process.execPath, [path.join(root, 'scripts', script)], { stdio: 'inherit' });
}

// The package as users get it (issue 22's aim: 200 KB).
const vsix = path.join(root, 'out', 'build', 'bench.vsix');
execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: 'ignore' });
const vsixKb = fs.statSync(vsix).size / 1024;
console.log(`\nthe .vsix: ${vsixKb.toFixed(1)} KB (aim ≤ 200 KB: ${vsixKb <= 200 ? 'ok' : `OVER by ${(vsixKb - 200).toFixed(1)} KB`})`);
// Where the bytes go (compressed, from the zip's central directory): what an over-aim figure is made of.
const entries = zipEntries(fs.readFileSync(vsix));
const groupOf = (name) => (/^extension\/dist\/.*\.js$/.test(name) ? 'code (dist/*.js)' : /^extension\/(readme\.md|docs\/)/.test(name) ? 'README and its screenshot' : /^extension\/dist\/data\//.test(name) ? 'compiled data' : 'manifest, strings, license, changelog, media, zip directory');
const groups = new Map();
for (const e of entries) groups.set(groupOf(e.name), (groups.get(groupOf(e.name)) ?? 0) + e.compressed);
groups.set(groupOf(''), groups.get(groupOf('')) + (fs.statSync(vsix).size - entries.reduce((sum, e) => sum + e.compressed, 0)));
console.log(`  made of: ${[...groups].map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);
console.log(`  largest entries: ${entries.sort((a, b) => b.compressed - a.compressed).slice(0, 8).map((e) => `${e.name.replace(/^extension\//, '')} ${(e.compressed / 1024).toFixed(1)}`).join(', ')} KB`);

// The longest synchronous stretch of each surface, inside a real VS Code (code-server, from npm run setup).
if (fs.existsSync(path.join(root, '.vscode-real', 'cs', 'node_modules'))) {
  console.log('\nbench-blocking (code-server, 5,000 release notes)');
  const out = execFileSync(process.execPath, [path.join(root, 'out', 'test', 'realVscode', 'runAll.js'), 'bench-blocking'], { cwd: root, encoding: 'utf8' });
  for (const line of out.split('\n')) if (line.includes('[bench]')) console.log(line.replace(/^.*\[bench\]\s?/, '  '));
} else console.log('\nbench-blocking: skipped, no code-server here (npm run setup installs it)');

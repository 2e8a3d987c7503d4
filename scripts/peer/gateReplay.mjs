#!/usr/bin/env node
// Runs the extension's deliverable checks over every deliverable file of an openstack/releases git
// repository (series from antelope on, and _independent), two ways: the files unmodified (nothing
// new), and each file's last change replayed as the gate saw it (releases absent from the file's
// previous version are new). Every one of these files merged through the gate, so every error is a
// false one. Needs `npm run compile-tests` first.
//   usage: node scripts/peer/gateReplay.mjs /path/to/releases.git [--verbose]
import { execFileSync } from 'child_process';
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/src/core/deliverables');
const { validateRequest, readSeriesStatus } = require(path.join(out, 'validation'));
const { validateDeliverable } = require(path.join(out, 'deliverableValidation'));

const [gitDir, ...flags] = process.argv.slice(2);
const verbose = flags.includes('--verbose');
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
// Files are read in batches through one `git cat-file --batch` (thousands of `git show` take minutes).
const cache = new Map();
function prefetch(specs) {
  const todo = [...new Set(specs)].filter((s) => !cache.has(s));
  if (!todo.length) return;
  const buf = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: todo.join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  let at = 0;
  for (const spec of todo) {
    const eol = buf.indexOf(10, at);
    const header = buf.subarray(at, eol).toString();
    at = eol + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      cache.set(spec, undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    cache.set(spec, buf.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
}
const show = (rev, file) => {
  const spec = `${rev}:${file}`;
  if (!cache.has(spec)) prefetch([spec]);
  return cache.get(spec);
};
const status = readSeriesStatus(show('HEAD', 'data/series_status.yaml'));
const current = /RELEASE = '(\w+)'/.exec(show('HEAD', 'openstack_releases/defaults.py') ?? '')?.[1];
const order = [...status].reverse().map((s) => s.name);
const first = order.indexOf('antelope');
const wanted = new Set(['_independent', ...order.slice(first)]);
const layout = { schemaText: show('HEAD', 'openstack_releases/schema.yaml'), yamllintText: show('HEAD', 'yamllint.yml') };
const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'deliverables/').split('\n').filter((f) => f.endsWith('.yaml') && wanted.has(f.split('/')[1]));

// The last commit that changed each file, from one walk of the history.
const lastChange = new Map();
let commit;
for (const line of git('log', '--format=@%H', '--name-only', 'HEAD', '--', 'deliverables/').split('\n')) {
  if (line.startsWith('@')) commit = line.slice(1);
  else if (line && !lastChange.has(line)) lastChange.set(line, commit);
}

function previousOf(series, name, rev) {
  if (series === '_independent') return [];
  for (const older of order.slice(0, order.indexOf(series)).reverse()) {
    const text = show(rev, `deliverables/${older}/${name}.yaml`);
    if (text !== undefined) return [{ series: older, text }];
  }
  return [];
}

const result = { files: files.length, unmodified: [], replayed: [] };
// What each change was judged with: its series_status.yaml and defaults.RELEASE.
const statusAt = new Map();
function judgedWith(rev) {
  if (!statusAt.has(rev)) {
    statusAt.set(rev, { seriesStatus: readSeriesStatus(show(rev, 'data/series_status.yaml') ?? ''), currentSeries: /RELEASE = '(\w+)'/.exec(show(rev, 'openstack_releases/defaults.py') ?? '')?.[1] });
  }
  return statusAt.get(rev);
}
prefetch(files.map((f) => `HEAD:${f}`));
prefetch(files.flatMap((f) => (lastChange.get(f) ? [`${lastChange.get(f)}^:${f}`, `${lastChange.get(f)}:data/series_status.yaml`, `${lastChange.get(f)}:openstack_releases/defaults.py`] : [])));
prefetch(files.flatMap((f) => order.map((s) => `HEAD:deliverables/${s}/${path.posix.basename(f)}`)));
for (const file of files) {
  const [, series, base] = file.split('/');
  const name = base.replace(/\.yaml$/, '');
  const text = show('HEAD', file);
  const rules = { series, deliverable: name, seriesStatus: status, currentSeries: current, previous: previousOf(series, name, 'HEAD') };
  const errorsOf = (committedText, judged = {}) => [
    ...validateDeliverable(text, layout).filter((p) => p.severity === 'error').map((p) => `${p.rule}: ${p.message}`),
    ...validateRequest({ ...rules, ...judged, text, committedText }).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`),
  ];
  const unmodified = errorsOf(text);
  if (unmodified.length) result.unmodified.push({ file, errors: unmodified });
  const change = lastChange.get(file);
  const before = change ? (show(`${change}^`, file) ?? '') : text;
  const replayed = errorsOf(before, change ? judgedWith(change) : {});
  if (replayed.length) result.replayed.push({ file, errors: replayed });
}
console.log(`${result.files} files; unmodified: ${result.unmodified.length} with errors; last change replayed: ${result.replayed.length} with errors`);
if (verbose) for (const [kind, list] of [['unmodified', result.unmodified], ['replayed', result.replayed]]) for (const r of list) console.log(`${kind} ${r.file}: ${r.errors.join(' | ')}`);
process.exitCode = result.unmodified.length || result.replayed.length ? 1 : 0;

import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './helpers';

const manifest = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The manifest with its `%key%`s replaced by the English of package.nls.json, as VS Code loads it. */
const englishManifest = () => {
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'), (_k, v) => {
    const key = typeof v === 'string' ? /^%([^%\s]+)%$/.exec(v)?.[1] : undefined;
    return key && key in nls ? nls[key] : v;
  });
};

describe('the .vsix', () => {
  it('holds only what runs or is shown: the bundles, compiled data, media, English manifest strings, the note schema, README (and its screenshot), CHANGELOG, LICENSE', function () {
    this.timeout(180_000);
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((f) => f.replace(/^dist\/shared-[A-Z0-9]+\.js$/, 'dist/shared-<hash>.js')) // the chunks the split bundles share
      .filter((f, i, all) => all.indexOf(f) === i)
      .sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/app.js',
      'dist/data/release-cycle.json',
      'dist/data/schedules.json',
      'dist/extension.js',
      'dist/features.js',
      'dist/gitWorker.js',
      'dist/shared-<hash>.js',
      'dist/validationWorker.js',
      'dist/validators.js',
      'dist/yaml.js',
      'dist/yamlReaders.js',
      'docs/screenshot.png',
      'media/icon.png',
      'media/release-cycle.svg',
      'media/walkthrough/deliverable-problems.md',
      'media/walkthrough/gerrit-team.md',
      'media/walkthrough/phase-source.md',
      'media/walkthrough/sem-ver.md',
      'media/walkthrough/tick-task.md',
      'package.json',
      'package.nls.json',
      'resources/release-note.schema.json',
    ]);
  });

  it('ships in dist/yaml.js every value of `yaml` the sources import (scripts/yaml-exports.json), and no other', () => {
    const listed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'yaml-exports.json'), 'utf8')) as string[];
    const imported = new Set<string>();
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.join(repoRoot, 'src')).filter((f) => f.endsWith('.ts'))) {
      for (const [, names] of fs.readFileSync(file, 'utf8').matchAll(/^import (?!type )\{([^}]*)\} from 'yaml';/gm)) {
        for (const name of names.split(',').map((n) => n.trim())) if (name && !name.startsWith('type ')) imported.add(name);
      }
    }
    assert.deepEqual([...imported].sort(), [...listed].sort());
  });

  it('loads the YAML library only with the readers and validators: not with the startup shell, app.js, features.js or their chunks', () => {
    const dist = path.join(repoRoot, 'dist');
    const loaded = new Map<string, Set<string>>();
    /** The dist/ files that requiring `entry` loads (in a fresh Node, with a do-nothing `vscode`): lazy requires inside functions do not fire. */
    const closure = (entry: string): Set<string> => {
      if (!loaded.has(entry)) {
        // `vscode` as a do-nothing namespace that has every name @types/vscode declares (esbuild's interop copies own keys).
        const names = [...new Set([...fs.readFileSync(path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(/^\s*export (?:namespace|class|enum|function|const|let) (\w+)/gm)].map((m) => m[1]))];
        const script = `const Module = require('module');
const anything = new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : anything), apply: () => anything, construct: () => anything });
const names = ${JSON.stringify(names)};
const vscode = new Proxy({}, { get: (_t, p) => (p === '__esModule' || p === 'then' ? undefined : anything), ownKeys: () => names, getOwnPropertyDescriptor: () => ({ value: anything, enumerable: true, configurable: true, writable: true }) });
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  const file = Module._resolveFilename(request, parent, isMain);
  if (file.startsWith(${JSON.stringify(dist + path.sep)})) seen.add(require('path').basename(file));
  return load.apply(this, arguments);
};
require(${JSON.stringify(path.join(dist, entry))});
process.stdout.write(JSON.stringify([...seen]));`;
        loaded.set(entry, new Set([entry, ...(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[])]));
      }
      return loaded.get(entry)!;
    };
    for (const entry of ['extension.js', 'app.js', 'features.js']) assert.ok(!closure(entry).has('yaml.js'), `${entry} loads yaml.js`);
    for (const entry of ['yamlReaders.js', 'validators.js']) assert.ok(closure(entry).has('yaml.js'), `${entry} does not load yaml.js`);
    // No chunk is left unused, and none is required by one bundle only (it would belong in that bundle).
    const chunks = fs.readdirSync(dist).filter((f) => /^shared-\w+\.js$/.test(f));
    const users = (chunk: string) => ['app.js', 'features.js', 'yamlReaders.js', 'validators.js'].filter((e) => closure(e).has(chunk));
    for (const chunk of chunks) assert.ok(users(chunk).length >= 2, `${chunk} is loaded by ${users(chunk).join(', ') || 'nothing'}`);
  });

  it('declares what VS Code needs: engine, lazy activation, views, categories on every command', () => {
    const manifest = englishManifest();
    assert.match(manifest.engines.vscode, /^\^1\.(8\d|9\d|1\d\d)\./);
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.license, 'Apache-2.0');
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Glance Release', command.command);
    const ids = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'data', 'release-cycle.json'), 'utf8'));
    for (const phase of data.phases) for (const task of phase.tasks) for (const action of task.actions) assert.ok(ids.has(action), `${task.id}: ${action} is not contributed`);
  });

  it('has a 128×128 PNG icon, and every image the README shows is packaged', () => {
    const m = manifest();
    assert.equal(m.icon, 'media/icon.png');
    const png = fs.readFileSync(path.join(repoRoot, m.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'IHDR width × height');
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const kept = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(image)) continue;
      assert.ok(fs.existsSync(path.join(repoRoot, image)), `${image} (shown by README.md) exists`);
      assert.ok(kept.includes(image), `${image} (shown by README.md) is kept by .vscodeignore`);
    }
  });

  it('contributes the first-run walkthrough: its media exist, its events and buttons name what is contributed', () => {
    const m = englishManifest();
    const [walkthrough] = m.contributes.walkthroughs;
    assert.equal(walkthrough.id, 'glanceReleaseCycle.firstRun');
    assert.equal(walkthrough.title, 'Get Started with the Glance Release Cycle');
    const commands = new Set(m.contributes.commands.map((c: { command: string }) => c.command));
    const views = new Set(Object.values(m.contributes.views).flat().map((v) => (v as { id: string }).id));
    const settings = new Set(Object.keys(m.contributes.configuration.properties));
    const ours = (id: string) => id.startsWith('glanceReleaseCycle.');
    const events: string[] = [];
    for (const step of walkthrough.steps as Array<{ id: string; title: string; description: string; media: Record<string, string>; completionEvents?: string[] }>) {
      assert.ok(step.title && step.description, step.id);
      const media = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(media && fs.existsSync(path.join(repoRoot, media)), `${step.id}: ${media}`);
      if (step.media.image || step.media.svg) assert.ok(step.media.altText, `${step.id}: alt text`);
      assert.ok(step.completionEvents?.length, `${step.id} completes on an event, not on being selected`);
      for (const event of step.completionEvents ?? []) {
        events.push(event);
        const [kind, id] = event.split(/:(.*)/s);
        if (kind === 'onCommand' && ours(id)) assert.ok(commands.has(id), `${step.id}: ${event}`);
        else if (kind === 'onView' && ours(id)) assert.ok(views.has(id), `${step.id}: ${event}`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(id), `${step.id}: ${event}`);
        else assert.ok(['onCommand', 'onView', 'onContext', 'onLink', 'onEvent'].includes(kind), `${step.id}: ${event}`);
      }
      for (const [, target] of step.description.matchAll(/\]\(command:([\w.]+)/g)) if (ours(target)) assert.ok(commands.has(target), `${step.id}: button ${target}`);
      for (const [, args] of step.description.matchAll(/\]\(command:workbench\.action\.openSettings\?([^)\s]+)\)/g)) {
        for (const id of JSON.parse(decodeURIComponent(args))) assert.ok(settings.has(id), `${step.id}: setting link ${id}`);
      }
    }
    for (const event of [
      'onCommand:workbench.action.addRootFolder',
      'onSettingChanged:glanceReleaseCycle.upstream.enabled',
      'onView:glanceReleaseCycle.checklist',
      'onCommand:glanceReleaseCycle.markDone',
      'onCommand:glanceReleaseCycle.insertSemVerHeader',
      'onCommand:glanceReleaseCycle.validateDeliverable',
      'onCommand:glanceReleaseCycle.openDeliverable',
      'onSettingChanged:glanceReleaseCycle.gerrit.teamAccounts',
    ]) assert.ok(events.includes(event), `${event} completes a step`);
  });
});

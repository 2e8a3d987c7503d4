// Builds the extension: compiles resources/ to dist/data/*.json, then bundles with esbuild.
//   dist/extension.js   the startup bundle: the status bar item, the view, the command registrations
//   dist/app.js         the model, the tree, the status bar, the checklist's commands: right after activate() returns
//   dist/features.js    every other command, the diagnostics, evidence, Gerrit, release status: once the phase is drawn
//   dist/yamlReaders.js schedules, series_status.yaml and note readers, loaded when data is first read
//   dist/validators.js  deliverable checks (schema, yamllint rules, release rules), loaded on the first validation
//   dist/shared-<hash>.js  the modules two or more of the four above use, each chunk loaded with the first that needs it
//   dist/validationWorker.js  the same checks on a worker thread, so big files never block the host
//   dist/gitWorker.js   the thread that starts git processes (a fork would hold the host's thread)
//   dist/yaml.js        the `yaml` library, shared by the two lazy bundles
// Usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

async function compileData() {
  const outfile = path.join(root, 'out', 'build', 'compileData.js');
  await esbuild.build({ entryPoints: [path.join(root, 'scripts', 'compileData.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { compileData: run } = require(outfile);
  const written = run(root);
  console.log(`data: ${path.relative(root, written.checklist)}, ${path.relative(root, written.schedules)}`);
}

async function bundle() {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    minify: true,
    legalComments: 'none',
    sourcemap: production ? false : 'linked',
    external: ['vscode'],
    logLevel: 'warning',
    metafile: true,
  };
  // The lazy bundles and the yaml library stay runtime requires next to dist/extension.js.
  const lazy = ['vscode', './app.js', './features.js', './yamlReaders.js', './validators.js', './yaml.js'];
  const sharedYaml = {
    name: 'shared-yaml',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
    },
  };
  const entry = (name, file, extra = {}) =>
    esbuild.build({ ...common, entryPoints: [path.join(root, ...file)], outfile: path.join(root, 'dist', `${name}.js`), external: lazy, ...extra });
  const results = await Promise.all([
    entry('extension', ['src', 'extension.ts'], { plugins: [sharedYaml] }),
    ...(await splitBundles(common, lazy, sharedYaml)),
    entry('validationWorker', ['src', 'validationWorker.ts']),
    entry('gitWorker', ['src', 'gitWorker.ts']),
    yamlLibrary(common),
  ]);
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`bundle: ${file} ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}

/**
 * dist/app.js, features.js, yamlReaders.js and validators.js without a module in two of them: one
 * ES-module build with code splitting (what several use goes to a dist/shared-<hash>.js chunk, one per
 * set of users, required by each of them), then each file turned into the CommonJS VS Code loads. A
 * start reads app.js and its chunks before the phase is on screen; features.js and its chunks come
 * after; the YAML readers and validators, with yaml.js, only when data is parsed or a file validated.
 */
async function splitBundles(common, lazy, sharedYaml) {
  const staging = path.join(root, 'out', 'build', 'split');
  fs.rmSync(staging, { recursive: true, force: true });
  const stale = (f) => /^shared-.*\.js(\.map)?$/.test(f) || /^(app|features|yamlReaders|validators)\.js\.map$/.test(f);
  for (const old of fs.readdirSync(path.join(root, 'dist')).filter(stale)) fs.rmSync(path.join(root, 'dist', old));
  const result = await esbuild.build({
    ...common,
    format: 'esm',
    splitting: true,
    sourcemap: false, // a second pass follows; its maps would point into the first
    entryPoints: ['app', 'features', 'yamlReaders', 'validators'].map((name) => path.join(root, 'src', `${name}.ts`)),
    outdir: staging,
    chunkNames: 'shared-[hash]',
    absWorkingDir: root, // the metafile's paths are relative to it
    external: lazy,
    plugins: [sharedYaml],
  });
  const outputs = {};
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    const name = path.basename(file);
    const { code } = await esbuild.transform(fs.readFileSync(path.join(root, file), 'utf8'), { format: 'cjs', minify: true, platform: 'node', target: common.target });
    fs.writeFileSync(path.join(root, 'dist', name), code);
    outputs[`dist/${name}`] = { ...info, bytes: Buffer.byteLength(code) };
  }
  return [{ metafile: { outputs } }];
}

/**
 * dist/yaml.js: the values of `yaml` the sources import (scripts/yaml-exports.json; the package test
 * keeps the list true) and what they need, built from the library's ES modules (its "default" export
 * condition), which esbuild can shake, where its CommonJS build comes whole (112 KB against 97).
 */
function yamlLibrary(common) {
  const names = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'yaml-exports.json'), 'utf8'));
  return esbuild.build({
    ...common,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['default'],
    stdin: { contents: `export { ${names.join(', ')} } from 'yaml';`, resolveDir: root, sourcefile: 'yaml-library.js', loader: 'js' },
    outfile: path.join(root, 'dist', 'yaml.js'),
  });
}

try {
  await compileData();
  await bundle();
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

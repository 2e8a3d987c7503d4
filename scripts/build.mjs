// Builds the extension: compiles resources/ to dist/data/*.json, then bundles with esbuild.
//   dist/extension.js  the startup bundle: status bar, checklist view and its commands (no YAML parser)
//   dist/features.js   the other command families, loaded right after activate() returns
//   dist/readers.js    YAML readers and validators, loaded only when a file is read
// Usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
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
    sourcemap: production ? false : 'linked',
    external: ['vscode'],
    logLevel: 'warning',
    metafile: true,
  };
  const results = await Promise.all([
    // './features.js' and './readers.js' stay runtime requires next to dist/extension.js: loaded after activation.
    esbuild.build({ ...common, entryPoints: [path.join(root, 'src', 'extension.ts')], outfile: path.join(root, 'dist', 'extension.js'), external: ['vscode', './readers.js', './features.js'] }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'src', 'features.ts')], outfile: path.join(root, 'dist', 'features.js'), external: ['vscode', './readers.js'] }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'src', 'readers.ts')], outfile: path.join(root, 'dist', 'readers.js') }),
  ]);
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`bundle: ${file} ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}

try {
  await compileData();
  await bundle();
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

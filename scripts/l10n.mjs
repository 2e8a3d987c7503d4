// Regenerates l10n/bundle.l10n.json and l10n/bundle.l10n.qps-ploc.json from the sources (every
// `vscode.l10n.t('…')` and core `t('…')` message) and resources/release-cycle.yaml: see scripts/l10nBundle.ts.
// Usage: npm run l10n
import * as esbuild from 'esbuild';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outfile = path.join(root, 'out', 'build', 'l10nBundle.js');
await esbuild.build({ entryPoints: [path.join(root, 'scripts', 'l10nBundle.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, external: ['typescript'], logLevel: 'warning' });
const { writeBundles, extract } = require(outfile);
const written = writeBundles(root);
console.log(`l10n: ${Object.keys(extract(root).bundle).length} messages -> ${written.join(', ')}`);

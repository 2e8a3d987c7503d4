// The dist/ files a bundle loads when required: itself and the chunks it requires, transitively
// (the shared-<hash>.js chunks of the split build; lazy bundles such as ./yaml.js are required
// on first use, inside functions, and are counted only when passed as entries).
import * as fs from 'fs';
import * as path from 'path';

function bundleClosure(dist, entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const [, chunk] of code.matchAll(/require\("\.\/(shared-[A-Za-z0-9]+\.js)"\)/g)) visit(chunk);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

/** The total size of those files in KB. */
export function closureKB(dist, entries) {
  return bundleClosure(dist, entries).reduce((kb, f) => kb + fs.statSync(path.join(dist, f)).size / 1024, 0);
}

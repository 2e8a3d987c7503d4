// Loads dist/readers.js (the YAML parser and the readers built on it) the first time it is needed.
import type * as Readers from '../readers';

let cached: typeof Readers | undefined;

export function readers(): typeof Readers {
  // A runtime require next to dist/extension.js; esbuild leaves it external (scripts/build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('./readers.js') as typeof Readers;
  return cached;
}

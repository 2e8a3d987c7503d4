// Loads the lazy bundles next to dist/extension.js the first time they are needed: the YAML readers
// (schedules, series, notes) and the deliverable validators. esbuild leaves both external
// (scripts/build.mjs), so activation loads neither.
import type * as YamlReaders from '../yamlReaders';
import type * as Validators from '../validators';

let yaml: typeof YamlReaders | undefined;
let validation: typeof Validators | undefined;

export function yamlReaders(): typeof YamlReaders {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('./yamlReaders.js') as typeof YamlReaders;
  return yaml;
}

export function validators(): typeof Validators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validation ??= require('./validators.js') as typeof Validators;
  return validation;
}

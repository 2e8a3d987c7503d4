// Runs the mocha tests of one integration suite inside the extension host (VS Code's test mode
// calls the suite's index.run()). Results reach the harness through the console.
import * as fs from 'fs';
import * as path from 'path';

// mocha 11 is CommonJS; under a newer ESM-only mocha, require() returns the namespace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.default ?? mochaModule;

export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} test(s) failed.`));
      else if (!runner.stats?.tests) reject(new Error(`No tests ran in ${dir}: a suite that tests nothing must not pass.`));
      else resolve();
    });
  });
}

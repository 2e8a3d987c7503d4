// The integration suites in a desktop VS Code you already have, through @vscode/test-electron.
// Usage: VSCODE_EXECUTABLE=/path/to/code npm run test:electron [-- suite ...]
// (No download: these machines cannot fetch VS Code, so the executable must be given.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../realVscode/tools';

interface SuiteModule {
  prepare(tmpDir: string): Promise<string>;
  settings?: Record<string, unknown>;
  passes?: number;
  /** Keep workspace trust on, so the workspace opens in Restricted Mode. */
  restricted?: boolean;
}

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.error('Set VSCODE_EXECUTABLE to a desktop VS Code (code) binary; npm test uses code-server instead.');
    return 2;
  }
  const outDir = path.join(repoRoot, 'out', 'test', 'integration');
  const requested = process.argv.slice(2);
  const suites = fs.readdirSync(outDir).filter((d) => fs.existsSync(path.join(outDir, d, 'index.js')) && (!requested.length || requested.includes(d)));
  let failed = 0;
  for (const suite of suites) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `glance-rc-electron-${suite}-`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(outDir, suite, 'workspace.js')) as SuiteModule;
    const workspace = await mod.prepare(path.join(tmp, 'ws'));
    const userDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify(mod.settings ?? {}));
    for (let pass = 1; pass <= (mod.passes ?? 1); pass++) {
      try {
        await runTests({
          vscodeExecutablePath,
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath: path.join(outDir, suite, 'index.js'),
          launchArgs: [workspace, `--user-data-dir=${userDir}`, ...(mod.restricted ? [] : ['--disable-workspace-trust']), '--skip-welcome'],
          extensionTestsEnv: { GLANCE_TEST_PASS: String(pass) },
        });
      } catch (error) {
        console.error(`suite ${suite} pass ${pass} failed: ${error instanceof Error ? error.message : error}`);
        failed++;
        break;
      }
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));

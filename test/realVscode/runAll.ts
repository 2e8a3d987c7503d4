// Runs every integration suite (test/integration/<suite>/) inside a real VS Code: code-server from npm
// in test mode, opened by headless Chromium. Usage: node out/test/realVscode/runAll.js [suite ...]
// A suite's workspace.ts may export:
//   prepare(tmpDir) -> the folder or .code-workspace to open (required)
//   settings        -> user settings for that VS Code (e.g. a fixed "glanceReleaseCycle.today")
//   passes          -> run the suite N times on the same user data (an extension-host restart);
//                      the tests read the pass number from process.env.GLANCE_TEST_PASS
//   restricted      -> keep workspace trust on, so the workspace opens in Restricted Mode
//   locale          -> VS Code's display language (e.g. 'qps-ploc', the pseudo locale): code-server's --locale
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import { launchPersistentBrowser } from './browser';
import { freePort, remoteUri, startCodeServer, workbenchUrl } from './codeServer';
import { checkTools, repoRoot } from './tools';
import { OFFLINE_SETTINGS } from './offline';

interface SuiteModule {
  prepare(tmpDir: string): Promise<string>;
  settings?: Record<string, unknown>;
  passes?: number;
  /** Open the workspace untrusted (Restricted Mode). */
  restricted?: boolean;
  /** VS Code's display language (`vscode.env.language`), e.g. 'qps-ploc'. */
  locale?: string;
}

/** Workbench chatter with nothing about our tests: agent host, gallery and auth look-ups, their stack traces. */
function isWorkbenchNoise(line: string): boolean {
  return /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)/.test(line) || /^\s+at .*workbench\.js/m.test(line) || /ENOTFOUND|authentication provider 'github'|connection token|Creating a socket/.test(line);
}

const TIMEOUT_MS = Number(process.env.GLANCE_TEST_TIMEOUT_MS ?? 240_000);
const integrationOut = path.join(repoRoot, 'out', 'test', 'integration');

function suiteNames(requested: string[]): string[] {
  const all = fs
    .readdirSync(integrationOut, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(integrationOut, d.name, 'index.js')))
    .map((d) => d.name)
    .sort();
  const unknown = requested.filter((r) => !all.includes(r));
  if (unknown.length) throw new Error(`Unknown suite(s): ${unknown.join(', ')} (known: ${all.join(', ')})`);
  // bench-* suites measure (npm run bench:blocking); they run only when named.
  return requested.length ? requested : all.filter((name) => !name.startsWith('bench-'));
}

async function runPass(suite: string, workspace: string, dataDir: string, mod: SuiteModule, pass: number, port: number): Promise<{ ok: boolean; summary: string }> {
  const userDir = path.join(dataDir, 'data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        ...OFFLINE_SETTINGS,
        // Deadline reminders only where a suite asks for them (they would add messages to every suite).
        'glanceReleaseCycle.remindDaysBefore': 0,
        ...mod.settings,
      },
      null,
      2,
    ));
  // The same port on every pass: the browser keeps VS Code's global state per origin.
  // Test mode needs the smoke-test driver (without it the payload's extensionTestsPath is ignored).
  const server = await startCodeServer(dataDir, { port, env: { GLANCE_TEST_PASS: String(pass) }, restricted: mod.restricted, locale: mod.locale, smokeTestDriver: true });
  // One browser profile per suite: passes share it, as a user's browser keeps VS Code's global state.
  const browser = await launchPersistentBrowser(path.join(dataDir, 'chromium-profile'));
  let summary = '';
  try {
    const page = await browser.newPage();
    if (mod.locale) {
      // The web workbench takes its display language from _VSCODE_NLS_LANGUAGE, which code-server sets only
      // from an installed language pack (there is none for the pseudo locale): set it before the workbench
      // loads. The extension host gets it as vscode.env.language and loads l10n/bundle.l10n.<locale>.json.
      await page.addInitScript((locale: string) => {
        (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE = locale;
      }, mod.locale);
    }
    let finish!: (code: number | 'timeout') => void;
    const done = new Promise<number | 'timeout'>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = util.format(...(args ?? []));
      if (/^\d+ passed, \d+ failed/.test(line)) summary = line;
      if (!isWorkbenchNoise(line)) console.log(`  [${suite}] ${line}`);
    });
    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', remoteUri(server.host, repoRoot)],
      ['extensionTestsPath', remoteUri(server.host, path.join(integrationOut, suite, 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, workspace, payload));
    const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
    const code = await done;
    clearTimeout(timer);
    if (code === 'timeout') {
      return { ok: false, summary: `TIMEOUT after ${TIMEOUT_MS / 1000} s waiting for the suite to finish (no codeAutomationExit); code-server log: ${server.logFile}` };
    }
    return { ok: code === 0, summary: summary || `exit code ${code}` };
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<number> {
  checkTools();
  const suites = suiteNames(process.argv.slice(2));
  const results: Array<{ suite: string; ok: boolean; summary: string; seconds: number }> = [];
  for (const suite of suites) {
    const started = Date.now();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `glance-rc-${suite}-`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(integrationOut, suite, 'workspace.js')) as SuiteModule;
    console.log(`\n▶ suite ${suite}`);
    let ok = true;
    let summary = '';
    try {
      const workspace = await mod.prepare(path.join(tmp, 'ws'));
      const dataDir = path.join(tmp, 'code-server');
      const port = await freePort();
      for (let pass = 1; pass <= (mod.passes ?? 1) && ok; pass++) {
        const result = await runPass(suite, workspace, dataDir, mod, pass, port);
        ok = result.ok;
        summary += (summary ? ' | ' : '') + (mod.passes ? `pass ${pass}: ` : '') + result.summary;
      }
    } catch (error) {
      ok = false;
      summary = `harness error: ${error instanceof Error ? error.stack : String(error)}`;
    }
    results.push({ suite, ok, summary, seconds: (Date.now() - started) / 1000 });
    if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`  [${suite}] kept ${tmp} for inspection`);
  }
  console.log('\nReal VS Code (code-server) suites:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'} ${r.suite} (${r.seconds.toFixed(1)} s): ${r.summary}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

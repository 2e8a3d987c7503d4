// What the UI checks (uiCheck.ts, toastCheck.ts) share: a code-server with fresh user data and a
// Chromium page on it, steps that save a screenshot and say what was on screen when one fails, and
// the teardown that keeps the temp folder when something failed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistentBrowser } from './browser';
import { startCodeServer } from './codeServer';
import { OFFLINE_SETTINGS } from './offline';
import { checkTools, repoRoot } from './tools';

export const artifacts = path.join(repoRoot, 'artifacts');
/** Keeps screenshots about the extension: no chat side bar, no tips. */
export const QUIET_WORKBENCH = { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'workbench.tips.enabled': false };

export interface UiSession {
  tmp: string;
  page: Page;
  host: string;
  /** Runs a step; on failure saves `<name>-failure.png`, prints `onFailure()`'s words, and throws. */
  step<T>(what: string, action: () => Promise<T>): Promise<T>;
}

export interface UiOptions {
  name: string;
  settings: Record<string, unknown>;
  server: Parameters<typeof startCodeServer>[1];
  stepTimeoutMs: number;
  /** What to print about the screen when a step fails (activity bar labels, notifications…). */
  onFailure(page: Page): Promise<string>;
}

/** Starts code-server and Chromium, runs `body`, and tears both down (keeping `tmp` after a failure). */
export async function withUiSession(options: UiOptions, prepare: (tmp: string) => void, body: (session: UiSession) => Promise<void>): Promise<void> {
  checkTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `glance-rc-${options.name}-`));
  prepare(tmp);
  const dataDir = path.join(tmp, 'code-server');
  fs.mkdirSync(path.join(dataDir, 'data', 'User'), { recursive: true });
  // Offline first (a check may point a setting at its own loopback server).
  fs.writeFileSync(path.join(dataDir, 'data', 'User', 'settings.json'), JSON.stringify({ ...OFFLINE_SETTINGS, ...options.settings }));
  const server = await startCodeServer(dataDir, options.server);
  let browser: BrowserContext | undefined;
  let ok = false;
  try {
    browser = await launchPersistentBrowser(path.join(dataDir, 'chromium-profile'));
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.setDefaultTimeout(options.stepTimeoutMs);
    const step = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try {
        const result = await action();
        console.log(`  ✔ ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return result;
      } catch (error) {
        fs.mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: path.join(artifacts, `${options.name}-failure.png`) }).catch(() => undefined);
        console.log(`  ${await options.onFailure(page).catch(() => '')}; screenshot: artifacts/${options.name}-failure.png`);
        throw new Error(`${options.name} failed at "${what}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    };
    await body({ tmp, page, host: server.host, step });
    ok = true;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`  kept ${tmp} for inspection (code-server log: ${server.logFile})`);
  }
}

/** Runs a check's main and exits non-zero with its message when it fails. */
export function runCheck(passed: string, main: () => Promise<void>): void {
  main().then(
    () => console.log(passed),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

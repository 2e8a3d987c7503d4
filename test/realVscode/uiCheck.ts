// A UI check in the real workbench: the extension loaded for development (no test mode) in code-server,
// driven by Chromium through playwright-core. Looks at what a user sees: the status-bar text, the tree
// drawn in the side bar, a checkbox click; keeps a screenshot in artifacts/.
// Usage: node out/test/realVscode/uiCheck.js
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { copyDemoWorkspace } from '../integration/fixtures';
import { launchPersistentBrowser } from './browser';
import { remoteUri, startCodeServer, workbenchUrl } from './codeServer';
import { checkTools, repoRoot } from './tools';

const STEP_TIMEOUT = 60_000;
/** Keeps the screenshot about the extension: no chat side bar. */
export const QUIET_WORKBENCH = { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'workbench.tips.enabled': false };
const artifacts = path.join(repoRoot, 'artifacts');

let currentPage: Page | undefined;

async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await action();
    console.log(`  ✔ ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    fs.mkdirSync(artifacts, { recursive: true });
    await currentPage?.screenshot({ path: path.join(artifacts, 'ui-check-failure.png') }).catch(() => undefined);
    const labels = await currentPage?.locator('.activitybar .action-item a, .activitybar .action-item .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))).catch(() => []);
    console.log(`  activity bar: ${JSON.stringify(labels)}; screenshot: artifacts/ui-check-failure.png`);
    throw new Error(`UI check failed at "${what}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function rowTexts(page: Page): Promise<string[]> {
  return page.locator('.pane-body .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

async function main(): Promise<void> {
  checkTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-rc-ui-'));
  const workspace = copyDemoWorkspace(path.join(tmp, 'ws'));
  const dataDir = path.join(tmp, 'code-server');
  fs.mkdirSync(path.join(dataDir, 'data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'data', 'User', 'settings.json'),
    JSON.stringify({ 'glanceReleaseCycle.today': '2026-11-25', 'workbench.startupEditor': 'none', 'glanceReleaseCycle.notifyOnNewPhase': false, ...QUIET_WORKBENCH }),
  );
  const server = await startCodeServer(dataDir);
  const browser = await launchPersistentBrowser(path.join(dataDir, 'chromium-profile'));
  let ok = false;
  try {
    const page = await browser.newPage();
    currentPage = page;
    await page.setViewportSize({ width: 1400, height: 900 });
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(workbenchUrl(server.host, workspace, [['extensionDevelopmentPath', remoteUri(server.host, repoRoot)], ['skipWelcome', 'true']]));

    const status = page.locator('.statusbar-item', { hasText: 'Indri: Between Milestone-1 and Milestone-2' });
    await step('the status bar shows the current phase', () => status.first().waitFor());

    await step('the activity-bar icon opens the Release Cycle view', async () => {
      await page.locator('.activitybar .action-item:has([aria-label^="Glance Release Cycle"])').first().click();
      await page.locator('.monaco-list-row', { hasText: 'Review stable backports' }).first().waitFor();
    });

    const rows = await step('the tree lists the 12 phases, the current one expanded', async () => {
      const texts = await rowTexts(page);
      const phases = texts.filter((t) => /\d+\/\d+/.test(t));
      assert.equal(phases.length, 12, texts.join('\n'));
      assert.ok(phases.some((t) => t.startsWith('M1 → M2') && t.includes('0/2 · R-17')), phases.join('\n'));
      return texts;
    });

    await step('ticking a task checkbox updates the phase progress', async () => {
      const row = page.locator('.monaco-list-row', { hasText: 'Review stable backports' }).first();
      await row.locator('.custom-view-tree-node-item-checkbox, .monaco-checkbox, input[type=checkbox]').first().click();
      await page.locator('.monaco-list-row', { hasText: '1/2 · R-17' }).first().waitFor();
    });

    await step('a screenshot is kept in artifacts/ui-check.png', async () => {
      fs.mkdirSync(artifacts, { recursive: true });
      await status.first().hover();
      await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'visible' }); // the tooltip fades in
      await page.screenshot({ path: path.join(artifacts, 'ui-check.png') });
    });
    console.log(`  (${rows.length} rows drawn)`);
    ok = true;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`  kept ${tmp} for inspection (code-server log: ${server.logFile})`);
  }
}

main().then(
  () => console.log('UI check passed'),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

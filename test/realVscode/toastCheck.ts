// A UI check of what `npm start` shows: code-server without the smoke-test driver, the built extension
// installed as npm start installs it (codeServer.ts installExtensionCopy), the demo workspace built as
// start.ts builds it (in a temp folder), fresh user data. The once-per-phase message must pop up as a
// notification TOAST on screen, not only in the Notification Center, from the extension itself.
// Usage: node out/test/realVscode/toastCheck.js
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { workbenchUrl } from './codeServer';
import { ensureDemoWorkspace } from './demoWorkspace';
import { repoRoot } from './tools';
import { artifacts, QUIET_WORKBENCH, runCheck, withUiSession } from './uiSession';

const STEP_TIMEOUT = 90_000;
/** The phase message (src/vscode/calendar/phaseNotifier.ts) for the demo's series (today's). */
const messageFor = (series: string) => `Glance ${series.charAt(0).toUpperCase()}${series.slice(1)} is now in`;
let MESSAGE = messageFor('indri');

async function notificationCenter(page: Page): Promise<string> {
  const center = await page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
  return `Notification Center: ${JSON.stringify(center)}`;
}

async function main(): Promise<void> {
  let workspaceFile = '';
  await withUiSession(
    {
      name: 'toast-check',
      // Fresh user data and browser profile: the extension has never notified this phase. No `today`
      // setting: the real date, as npm start. Only workbench chrome is quieted.
      settings: QUIET_WORKBENCH,
      server: { smokeTestDriver: false, installExtension: repoRoot },
      stepTimeoutMs: STEP_TIMEOUT,
      onFailure: notificationCenter,
    },
    (tmp) => {
      // As npm start: the demo of today's cycle, glance/ and releases/ git repositories.
      const demo = ensureDemoWorkspace(path.join(tmp, 'demo-workspace'));
      MESSAGE = messageFor(demo.series);
      workspaceFile = demo.workspaceFile;
    },
    async ({ page, host, step }) => {
      // The URL npm start prints: the workspace only (without the driver the workbench ignores a payload's
      // extensionDevelopmentPath; the extension is installed instead, as npm start does).
      await page.goto(workbenchUrl(host, workspaceFile));

      await step('the workbench opens the demo workspace', () => page.locator('.monaco-workbench .part.statusbar').first().waitFor());

      const toast = page.locator('.notification-toast', { hasText: MESSAGE }).first();
      await step(`a notification toast "${MESSAGE} …" is visible on screen`, async () => {
        await toast.waitFor({ state: 'visible' });
        // It slides in from the bottom edge: wait (with the step's deadline) until it lies wholly on screen.
        await page.waitForFunction(
          (message) =>
            Array.from(document.querySelectorAll('.notification-toast')).some((el) => {
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              return (el as HTMLElement).innerText.includes(message) && r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && style.visibility !== 'hidden' && Number(style.opacity) > 0.9;
            }),
          MESSAGE,
          { timeout: STEP_TIMEOUT, polling: 100 },
        );
      });

      const text = await step('the toast offers "Show Tasks" and names the extension as its source', async () => {
        await toast.locator('.monaco-button', { hasText: 'Show Tasks' }).first().waitFor({ state: 'visible' });
        const shown = (await toast.innerText()).replace(/\s+/g, ' ').trim();
        // "Null Extension Description" would mean the API calls are not attributed to the installed extension.
        if (!shown.includes('Source: Glance Release Cycle')) throw new Error(`unexpected source: ${shown}`);
        return shown;
      });
      console.log(`  toast: ${text}`);

      await step('a screenshot is kept in artifacts/toast-check.png', async () => {
        fs.mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: path.join(artifacts, 'toast-check.png') });
      });
    },
  );
}

runCheck('Toast check passed', main);

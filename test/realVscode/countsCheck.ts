// One number in three places (issue 18): in Hibiscus' RC1 week with "Finalize cycle-highlights" done by
// evidence (glance.yaml has its highlights), the status bar's tooltip, the view's badge and the current
// phase's row show the same open count, read from the workbench a user sees.
// Usage: node out/test/realVscode/countsCheck.js
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { copyDemoWorkspace } from '../integration/fixtures';
import { remoteUri, workbenchUrl } from './codeServer';
import { repoRoot } from './tools';
import { QUIET_WORKBENCH, runCheck, withUiSession } from './uiSession';

const STEP_TIMEOUT = 60_000;
/** Hibiscus' RC1 week (R-3): four tasks, one of them proven by the highlights below. */
const RC1_WEEK_DAY = '2026-09-08';
const RC1_WEEK_TASKS = 4;

async function main(): Promise<void> {
  let workspace = '';
  await withUiSession(
    {
      name: 'counts-check',
      settings: { 'glanceReleaseCycle.today': RC1_WEEK_DAY, 'workbench.startupEditor': 'none', 'glanceReleaseCycle.notifyOnNewPhase': false, 'glanceReleaseCycle.remindDaysBefore': 0, ...QUIET_WORKBENCH },
      server: {},
      stepTimeoutMs: STEP_TIMEOUT,
      onFailure: async (page) => `status bar: ${JSON.stringify(await page.locator('.statusbar-item').allInnerTexts())}`,
    },
    (tmp) => {
      workspace = copyDemoWorkspace(path.join(tmp, 'ws'));
      const glance = path.join(path.dirname(workspace), 'releases', 'deliverables', 'hibiscus', 'glance.yaml');
      fs.appendFileSync(glance, 'cycle-highlights:\n  - Images can be imported from other regions.\n  - New store drivers.\n  - Faster image uploads.\n');
    },
    async ({ page, host, step }) => {
      await page.goto(workbenchUrl(host, workspace, [['extensionDevelopmentPath', remoteUri(host, repoRoot)], ['skipWelcome', 'true']]));
      const expected = RC1_WEEK_TASKS - 1;

      await step('the Release Cycle view shows RC1 week with the highlights task done by evidence', async () => {
        await page.locator('.activitybar .action-item:has([aria-label^="Glance Release"])').first().click();
        await page.locator('.monaco-list-row', { hasText: 'RC1 week' }).filter({ hasText: `1/${RC1_WEEK_TASKS}` }).first().waitFor();
      });

      await step(`the view's badge says ${expected}`, async () => {
        const badge = page.locator('.activitybar .action-item:has([aria-label^="Glance Release"]) .badge-content');
        await badge.filter({ hasText: String(expected) }).first().waitFor();
      });

      await step(`the status bar's tooltip says "Open tasks in this phase: ${expected} of ${RC1_WEEK_TASKS}"`, async () => {
        const status = page.locator('.statusbar-item', { hasText: 'Hibiscus: RC1 week' }).first();
        await status.waitFor();
        await status.hover();
        const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Open tasks in this phase' }).first();
        await hover.waitFor({ state: 'visible' });
        const text = (await hover.innerText()).replace(/\s+/g, ' ');
        assert.match(text, new RegExp(`Open tasks in this phase: ${expected} of ${RC1_WEEK_TASKS}`), text);
      });
    },
  );
}

runCheck('Counts check passed', main);

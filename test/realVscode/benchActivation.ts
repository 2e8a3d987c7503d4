// Activation cost in a real VS Code (code-server + its Node extension host), next to a 1 KB reference extension.
// Per window: a fresh code-server (fresh user-data and extensions dirs) with two extensions installed the same
// way, unpacked into --extensions-dir: ours (the files the .vsix holds, per .vscodeignore) and a generated
// reference that registers one command on onStartupFinished, like ours. The workbench opens the demo
// workspace; once our status-bar item shows a phase, "Developer: Show Running Extensions" is run from the
// palette and each row's "Startup Activation: N ms" / "Activation: N ms" is read (VS Code's own
// codeLoadingTime + activateCallTime, whole milliseconds).
// Prints ours, reference and the difference per window, then the medians; exits 1 when the median difference
// is over --max-diff ms (default 3).
// Usage: npm run build && npx tsc -p ./ && node out/test/realVscode/benchActivation.js [--windows 5] [--max-diff 3] [--keep]
//        [--screenshot: the last window's Running Extensions editor to artifacts/bench-activation.png]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { copyDemoWorkspace } from '../integration/fixtures';
import { launchBrowser } from './browser';
import { startCodeServer, workbenchUrl } from './codeServer';
import { OFFLINE_SETTINGS } from './offline';
import { checkTools, repoRoot } from './tools';

const STEP_TIMEOUT = 90_000;
const REFERENCE = { publisher: 'bench', name: 'activation-reference', version: '1.0.0', displayName: 'Activation Reference' };

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The 1 KB reference: one command, activated on onStartupFinished. */
function writeReference(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        ...REFERENCE,
        engines: { vscode: '^1.85.0' },
        main: './extension.js',
        activationEvents: ['onStartupFinished'],
        contributes: { commands: [{ command: 'activationReference.hello', title: 'Hello', category: 'Activation Reference' }] },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');\nexports.activate = (context) => {\n  context.subscriptions.push(vscode.commands.registerCommand('activationReference.hello', () => vscode.window.showInformationMessage('Hello')));\n};\nexports.deactivate = () => {};\n`,
  );
}

/** Our extension as the .vsix would hold it: the `!pattern` lines of .vscodeignore. */
function stageOurs(dir: string): { id: string; displayName: string; folder: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const patterns = fs
    .readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => new RegExp(`^${globToRegExp(l.slice(1))}$`));
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(repoRoot, rel), { withFileTypes: true }).flatMap((e) => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') || !rel && !['dist', 'media', 'resources', 'l10n', 'docs'].includes(e.name) ? [] : walk(child);
      return patterns.some((p) => p.test(child)) ? [child] : [];
    });
  const files = walk('');
  if (!files.includes(manifest.main.replace(/^\.\//, ''))) throw new Error(`${manifest.main} is missing: run npm run build first`);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
  }
  // The manifest's texts are `%key%`s: the Running Extensions list shows the English of package.nls.json.
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const displayName = String(manifest.displayName).replace(/^%(.+)%$/, (_m, key: string) => nls[key] ?? key);
  return { id: `${manifest.publisher}.${manifest.name}`, displayName, folder: `${manifest.publisher}.${manifest.name}-${manifest.version}` };
}

/** A .vscodeignore glob (`*`, `**`, `{a,b}`) as a regular expression source. */
function globToRegExp(glob: string): string {
  return glob
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_m, alternatives: string) => `(${alternatives.split(',').join('|')})`)
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\0/g, '.*');
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeout = STEP_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a wait for something to happen
  }
}

interface Row {
  name: string;
  time: string;
}

/**
 * Reads the rows of the Running Extensions editor, scrolling its virtual list until every extension is seen with a
 * time. A row is named by the extension's display name, or its id when the gallery entry is unknown.
 */
async function readActivationTimes(page: Page, extensions: Array<{ id: string; displayName: string }>): Promise<Map<string, number>> {
  const names = extensions.map((e) => e.id);
  const idOf = (name: string) => extensions.find((e) => e.displayName === name || e.id === name)?.id;
  const found = new Map<string, number>();
  const list = page.locator('.runtime-extensions-editor .monaco-list').first();
  await list.waitFor();
  await waitFor(`rows for ${names.join(', ')} in Running Extensions`, async () => {
    const rows: Row[] = await page
      .locator('.runtime-extensions-editor .monaco-list-row')
      .evaluateAll((els) => els.map((e) => ({ name: e.querySelector('.name')?.textContent ?? '', time: e.querySelector('.activation-time')?.textContent ?? '' })));
    for (const row of rows) {
      const ms = /Activation: (\d+)ms/.exec(row.time);
      const id = idOf(row.name.trim());
      if (ms && id) found.set(id, Number(ms[1]));
    }
    if (names.every((n) => found.has(n))) return true;
    // Rows are virtualised: move down (and wrap to the top) so every row is drawn in turn.
    const box = await list.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const atEnd = await list.evaluate((el) => {
        const s = el.querySelector('.monaco-scrollable-element > .monaco-list-rows')?.parentElement;
        return !s || s.scrollHeight - s.clientHeight - s.scrollTop < 2;
      });
      await page.mouse.wheel(0, atEnd ? -100_000 : 300);
    }
    return undefined;
  });
  return found;
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.monaco-workbench').first().click({ position: { x: 700, y: 300 } }).catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await input.press('Enter');
}

async function oneWindow(root: string, index: number, ourSource: string, refSource: string, ours: { id: string; displayName: string; folder: string }, keep: boolean, screenshot?: string): Promise<{ ours: number; reference: number }> {
  const dir = path.join(root, `window-${index}`);
  const dataDir = path.join(dir, 'code-server');
  const extensions = path.join(dataDir, 'extensions');
  fs.cpSync(ourSource, path.join(extensions, ours.folder), { recursive: true });
  fs.cpSync(refSource, path.join(extensions, `${REFERENCE.publisher}.${REFERENCE.name}-${REFERENCE.version}`), { recursive: true });
  const workspace = copyDemoWorkspace(path.join(dir, 'ws'));
  fs.mkdirSync(path.join(dataDir, 'data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'data', 'User', 'settings.json'),
    JSON.stringify({
      ...OFFLINE_SETTINGS,
      'glanceReleaseCycle.today': '2026-11-25',
      'glanceReleaseCycle.notifyOnNewPhase': false,
      'workbench.startupEditor': 'none',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'workbench.tips.enabled': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
    }),
  );
  const server = await startCodeServer(dataDir, { smokeTestDriver: false });
  const browser = await launchBrowser();
  let page: Page | undefined;
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(workbenchUrl(server.host, workspace));
    await page.locator('.statusbar-item', { hasText: /Indri|Hibiscus/ }).first().waitFor();
    await runCommand(page, 'Developer: Show Running Extensions');
    const referenceId = `${REFERENCE.publisher}.${REFERENCE.name}`;
    const times = await readActivationTimes(page, [ours, { id: referenceId, displayName: REFERENCE.displayName }]);
    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    return { ours: times.get(ours.id)!, reference: times.get(referenceId)! };
  } catch (error) {
    const shot = path.join(dir, 'failure.png');
    await page?.screenshot({ path: shot }).catch(() => undefined);
    keep = true;
    throw new Error(`window ${index}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (screenshot ${shot}, code-server log ${server.logFile})`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  checkTools();
  const windows = option('windows', 5);
  const maxDiff = option('max-diff', 3);
  const keep = process.argv.includes('--keep');
  const screenshot = process.argv.includes('--screenshot') ? path.join(repoRoot, 'artifacts', 'bench-activation.png') : undefined;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-rc-bench-activation-'));
  const ourSource = path.join(root, 'ours');
  const refSource = path.join(root, 'reference');
  const ours = stageOurs(ourSource);
  writeReference(refSource);
  console.log(`Activation in code-server, ${windows} fresh window(s); both extensions unpacked into --extensions-dir, both onStartupFinished.`);
  console.log('window   ours ms   reference ms   difference ms');
  const results: Array<{ ours: number; reference: number }> = [];
  try {
    for (let i = 1; i <= windows; i++) {
      const r = await oneWindow(root, i, ourSource, refSource, ours, keep, i === windows ? screenshot : undefined);
      results.push(r);
      console.log(`${String(i).padStart(6)}   ${String(r.ours).padStart(7)}   ${String(r.reference).padStart(12)}   ${String(r.ours - r.reference).padStart(13)}`);
    }
  } finally {
    if (!keep && results.length === windows) fs.rmSync(root, { recursive: true, force: true });
    else console.log(`  kept ${root}`);
  }
  const diff = median(results.map((r) => r.ours - r.reference));
  console.log(`median   ${String(median(results.map((r) => r.ours))).padStart(7)}   ${String(median(results.map((r) => r.reference))).padStart(12)}   ${String(diff).padStart(13)}`);
  if (diff > maxDiff) {
    console.error(`Median activation difference ${diff} ms is over the ${maxDiff} ms budget.`);
    process.exitCode = 1;
  } else {
    console.log(`Median activation difference ${diff} ms is within the ${maxDiff} ms budget.`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

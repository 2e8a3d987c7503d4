// Debian's Chromium driven by playwright-core (never `playwright install`: no browser download here).
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './tools';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 });
}

/**
 * A browser with a profile on disk. The web workbench keeps VS Code's global state (globalState) in the
 * browser's IndexedDB, so an extension-host restart that must keep it reuses the same profile.
 */
export function launchPersistentBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

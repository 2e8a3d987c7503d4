// Activation creates the status bar item, the view and the command registrations (src/vscode/shell.ts)
// and returns; everything else is dist/app.js, loaded on the next turn of the event loop (or at once
// by the first command). Measured in code-server beside a 1 KB extension (npm run bench:real): a
// single 145 KB bundle cost about 33 ms of activation; this shell costs a few KB.
import * as vscode from 'vscode';
import type * as AppModule from './app';
import type { GlanceReleaseCycleApi } from './vscode/api';
import type { ChecklistNode } from './vscode/checklist/checklistView';
import { createShell } from './vscode/shell';

let app: AppModule.App | undefined;
let stopApp: (() => void) | undefined;

export function activate(context: vscode.ExtensionContext): GlanceReleaseCycleApi {
  // A start that failed is not retried by every command (it would register its parts twice): each
  // command then says why the extension is not running.
  let failure: unknown;
  const load = (): AppModule.App => {
    if (failure !== undefined) throw failure;
    if (!app) {
      try {
        // dist/app.js, next to this bundle; esbuild leaves it external (scripts/build.mjs).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require('./app.js') as typeof AppModule;
        stopApp = module.stopApp;
        app = module.startApp(context, shell);
      } catch (error) {
        failure = error;
        throw error;
      }
    }
    return app;
  };
  const shell = createShell<ChecklistNode>(context, (id, args) => load().run(id, args));
  const loaded = new Promise<AppModule.App>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(load());
      } catch (error) {
        shell.statusItem.text = vscode.l10n.t('$(warning) Glance: failed to start');
        shell.statusItem.tooltip = vscode.l10n.t('Glance Release Cycle failed to start: {0}', error instanceof Error ? error.message : String(error));
        reject(error);
      }
    }, 0),
  );
  loaded.catch(() => undefined); // said in the status bar; api.ready() rejects with it
  return apiProxy(loaded, () => app);
}

/** The API: ready() waits for the app; the other calls need it loaded (as they need the data). */
function apiProxy(loaded: Promise<AppModule.App>, current: () => AppModule.App | undefined): GlanceReleaseCycleApi {
  return new Proxy({} as GlanceReleaseCycleApi, {
    get(_target, key: string | symbol) {
      // Not a thenable: VS Code awaits what activate() returns.
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (key === 'ready') return async () => (await loaded).api.ready();
      return (...args: unknown[]) => {
        const loadedApp = current();
        if (!loadedApp) throw new Error('Not loaded yet: await api.ready() first.');
        return (loadedApp.api[key as keyof GlanceReleaseCycleApi] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

export function deactivate(): void {
  stopApp?.();
}

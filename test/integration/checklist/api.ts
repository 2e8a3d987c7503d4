// Getting the running extension's API inside the extension host.
import * as vscode from 'vscode';
import type { GlanceReleaseCycleApi } from '../../../src/vscode/api';

export const EXTENSION_ID = 'openstack-glance.glance-release-cycle';

export async function extensionApi(): Promise<GlanceReleaseCycleApi> {
  const extension = vscode.extensions.getExtension<GlanceReleaseCycleApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

/** Polls until `check` returns a value, or fails with `what` after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// What every integration suite shares: the running extension's API, waiting on a state with a
// deadline, and the stubs that answer messages and prompts inside the extension host.
import * as vscode from 'vscode';
import type { GlanceReleaseCycleApi } from '../../src/vscode/api';
import type { RenderedItem } from '../../src/vscode/checklist/checklistView';
export { captureMessages, type ShownMessage } from './messages';
export { DEFAULT, stubPrompts, type PromptAnswer, type ShownPrompt } from './prompts';

export const EXTENSION_ID = 'openstack-glance.glance-release-cycle';

export async function extensionApi(): Promise<GlanceReleaseCycleApi> {
  const extension = vscode.extensions.getExtension<GlanceReleaseCycleApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

/**
 * Resolves with `check`'s first truthy value; fails with `what` after `ms`. `check` reads state the
 * extension publishes (API, documents, diagnostics), re-read on the next turn of the event loop.
 */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A phase's drawn item: the view draws the phases in the checklist's order. */
export function phaseItem(api: GlanceReleaseCycleApi, phaseId: string): RenderedItem | undefined {
  const order = [...new Set(api.tasks().map((t) => t.phaseId))];
  return api.view().items[order.indexOf(phaseId)];
}

/** A task's drawn item: a phase's children are its tasks first, in the checklist's order. */
export function taskItem(api: GlanceReleaseCycleApi, taskId: string): RenderedItem | undefined {
  const tasks = api.tasks();
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return undefined;
  const index = tasks.filter((t) => t.phaseId === task.phaseId).findIndex((t) => t.id === taskId);
  return phaseItem(api, task.phaseId)?.children[index];
}

/** A task's drawn item, failing the test when the task is not drawn. */
export function drawnTaskItem(api: GlanceReleaseCycleApi, taskId: string): RenderedItem {
  const item = taskItem(api, taskId);
  if (!item) throw new Error(`task ${taskId} is not drawn`);
  return item;
}

/** Sets (or with undefined, removes) one of the extension's settings in the user scope. */
export function setGlobal(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('glanceReleaseCycle').update(key, value, vscode.ConfigurationTarget.Global);
}

// Typed access to the extension's settings (contributed in package.json under glanceReleaseCycle.*).
import * as vscode from 'vscode';
import { isDay, type Day } from '../core/calendar/days';

export const SECTION = 'glanceReleaseCycle';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

export function notifyOnNewPhase(): boolean {
  return config().get<boolean>('notifyOnNewPhase', true);
}

/** The day to treat as today: the `today` setting when it holds a valid date, else undefined. */
export function todayOverride(): { day?: Day; invalid?: string } {
  const value = config().get<string>('today', '').trim();
  if (!value) return {};
  return isDay(value) ? { day: value } : { invalid: value };
}

export function affectsUs(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

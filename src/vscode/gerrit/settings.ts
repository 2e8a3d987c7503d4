// The Gerrit settings as one value: off (no network), a URL that cannot be used, or the base to query.
import * as vscode from 'vscode';
import { checkGerritBase } from '../../core/gerrit/gerrit';

export const SECTION = 'glanceReleaseCycle';
const DEFAULT_GERRIT_URL = 'https://review.opendev.org';
export const NETWORK_OFF = vscode.l10n.t('Network is off (glanceReleaseCycle.upstream.enabled)');

export type GerritSetup = { kind: 'off' } | { kind: 'bad-url'; problem: string } | { kind: 'ok'; base: string };

export function gerritSetup(): GerritSetup {
  const config = vscode.workspace.getConfiguration(SECTION);
  if (!config.get<boolean>('upstream.enabled', true)) return { kind: 'off' };
  const url = config.get<string>('gerrit.url', DEFAULT_GERRIT_URL).trim() || DEFAULT_GERRIT_URL;
  const checked = checkGerritBase(url);
  return checked.ok ? { kind: 'ok', base: checked.base } : { kind: 'bad-url', problem: `glanceReleaseCycle.gerrit.url: ${checked.reason}` };
}

export function teamAccounts(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('gerrit.teamAccounts', []);
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
}

/** Settings that change which server is asked (or whether any is). */
export function affectsClient(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.gerrit.url`) || event.affectsConfiguration(`${SECTION}.upstream.enabled`);
}

export function affectsTeam(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.gerrit.teamAccounts`);
}

// The team whose votes count, from openstack/governance's reference/projects.yaml: a governance checkout
// in the workspace first, else the public raw file (fetched like the schedules: cached a day, kept
// when offline, never with the network off), read on first use and never during activation. The
// setting glanceReleaseCycle.gerrit.teamAccounts, when set, overrides it.
import * as vscode from 'vscode';
import { checkUrl } from '../../adapters/http';
import { yamlReaders } from '../../adapters/lazyReaders';
import { UpstreamStore } from '../../adapters/upstream';
import { urlText } from '../../core/urlText';
import { GOVERNANCE_FILE, readGovernanceTeam, teamAccountsOf, topLevelBlock, TEAM, type GovernanceTeam } from '../../core/reviews/governance';
import { findFolder, type FolderSpec } from '../checkouts';
import type { TeamOrigin } from '../gerrit/children';
import { SECTION, teamAccounts as settingAccounts } from '../gerrit/settings';

const DEFAULT_GOVERNANCE_URL = 'https://opendev.org/openstack/governance/raw/branch/master';
const GOVERNANCE_CHECKOUT: FolderSpec = { markers: [GOVERNANCE_FILE], siblingNames: ['governance'] };

/** The team from the text of projects.yaml; a sentence naming the file (and line) when it is unusable. */
function teamFromText(text: string, origin: string): GovernanceTeam | string {
  const block = topLevelBlock(text, TEAM);
  if (!block) return vscode.l10n.t('{0} has no "{1}:" team', origin, TEAM);
  try {
    const parsed = yamlReaders().parseYamlText(block.text, `${origin}:${block.line}`);
    return readGovernanceTeam(parsed, `${origin}:${block.line}`);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export class TeamSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private team?: GovernanceTeam;
  private reason?: string;
  private loading?: Promise<void>;
  private loadedAt?: number;

  constructor(private readonly cacheDir: string) {}

  /** The accounts whose votes count: the setting's, else the governance e-mails (empty until read). */
  accounts(): string[] {
    const own = settingAccounts();
    if (own.length) return own;
    return this.team ? teamAccountsOf(this.team) : [];
  }

  origin(): TeamOrigin {
    if (settingAccounts().length) return { kind: 'setting' };
    return this.team ? { kind: 'governance', team: this.team } : { kind: 'unknown', reason: this.reason };
  }

  /** Reads the team once a day (or now with `force`); concurrent callers share one read. */
  load(force = false): Promise<void> {
    // The override names the team: nothing to read, nothing to send.
    if (settingAccounts().length) return Promise.resolve();
    if (this.loading) return this.loading;
    if (!force && this.loadedAt !== undefined && Date.now() - this.loadedAt < 24 * 3600 * 1000) return Promise.resolve();
    this.loading = this.read(force).finally(() => {
      this.loading = undefined;
      this.loadedAt = Date.now();
      this.changed.fire();
    });
    return this.loading;
  }

  private async read(force: boolean): Promise<void> {
    const checkout = await findFolder(GOVERNANCE_CHECKOUT);
    if (checkout) {
      const uri = vscode.Uri.joinPath(checkout, GOVERNANCE_FILE);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const team = teamFromText(text, vscode.workspace.asRelativePath(uri));
        if (typeof team !== 'string') return this.set(team);
        this.reason = team; // a broken checkout falls back to upstream, and says why
      } catch (error) {
        this.reason = vscode.l10n.t('{0} could not be read ({1})', uri.fsPath, error instanceof Error ? error.message : String(error));
      }
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    if (!config.get<boolean>('upstream.enabled', true)) {
      this.reason ??= vscode.l10n.t('network is off and no governance checkout is open');
      return;
    }
    const url = config.get<string>('upstream.governanceUrl', DEFAULT_GOVERNANCE_URL).trim() || DEFAULT_GOVERNANCE_URL;
    const problem = checkUrl(url);
    if (problem) {
      this.reason = vscode.l10n.t('glanceReleaseCycle.upstream.governanceUrl ("{0}") is not used: {1}', urlText(url), problem);
      return;
    }
    const store = new UpstreamStore({ baseUrl: url, cacheDir: this.cacheDir });
    const origin = store.urlOf(GOVERNANCE_FILE);
    // A file that does not read is never cached: the last good copy stays.
    const validate = (text: string) => {
      const team = teamFromText(text, origin);
      return typeof team === 'string' ? team : undefined;
    };
    const result = await store.get(GOVERNANCE_FILE, { force, validate });
    if (result.text === undefined) {
      const problem = result.problem ?? vscode.l10n.t('not available');
      this.reason = problem.includes(origin) ? problem : vscode.l10n.t('{0}: {1}', origin, problem);
      return;
    }
    const team = teamFromText(result.text, result.source === 'cache' ? vscode.l10n.t('{0} (cached copy)', origin) : origin);
    if (typeof team === 'string') this.reason = team;
    else this.set(team);
  }

  private set(team: GovernanceTeam): void {
    this.team = team;
    this.reason = undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// The built-in git extension's API, loaded on demand (never during activation).
// Only the part of git.d.ts (microsoft/vscode extensions/git/src/api/git.d.ts) we use is declared here.
import * as vscode from 'vscode';

interface GitInputBox {
  value: string;
}

interface GitBranch {
  name?: string;
  commit?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: GitInputBox;
  readonly state: { readonly HEAD: GitBranch | undefined };
  getCommit?(ref: string): Promise<{ hash: string; message: string }>;
  revParse?(ref: string): Promise<string | undefined>;
}

type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
  readonly repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  /** 'initialized' once the git extension has looked for the workspace's repositories. */
  readonly state?: GitApiState;
  readonly onDidChangeState?: vscode.Event<GitApiState>;
  readonly onDidOpenRepository?: vscode.Event<GitRepository>;
}

interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export type GitAvailability = { api: GitApi } | { reason: string };

/** The git API, or a sentence saying why it is not available (disabled, Restricted Mode, virtual workspace). */
export async function loadGitApi(): Promise<GitAvailability> {
  if (!vscode.workspace.isTrusted) return { reason: vscode.l10n.t('Git is not available in Restricted Mode.') };
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (!extension) return { reason: vscode.l10n.t('The built-in Git extension is not installed or is disabled.') };
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return { reason: vscode.l10n.t('Git is disabled (setting git.enabled).') };
    return { api: exports.getAPI(1) };
  } catch (error) {
    return { reason: vscode.l10n.t('The built-in Git extension failed to start: {0}', error instanceof Error ? error.message : String(error)) };
  }
}

/** The repository holding `uri`, the closest root first. */
export function repositoryFor(api: GitApi, uri: vscode.Uri): GitRepository | undefined {
  return api.getRepository(uri) ?? undefined;
}

const HEX40 = /^[0-9a-f]{40}$/;

/**
 * `git rev-parse <ref>^{commit}` in `folder`: through the git extension, else the git command line
 * (trusted local folders only, execFile without a shell). Undefined when the ref names no commit or
 * git is not available.
 */
export async function revParse(folder: vscode.Uri, ref: string): Promise<string | undefined> {
  const git = await loadGitApi();
  const repository = 'api' in git ? git.api.getRepository(folder) : undefined;
  if (repository) {
    try {
      const hash = repository.revParse ? await repository.revParse(`${ref}^{commit}`) : (await repository.getCommit?.(ref))?.hash;
      if (hash && HEX40.test(hash.trim())) return hash.trim();
    } catch {
      // Unknown ref: the command line below gives the same answer.
    }
  }
  if (!vscode.workspace.isTrusted || folder.scheme !== 'file') return undefined;
  const { execFile } = await import('child_process');
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: folder.fsPath, timeout: 10000 }, (error, stdout) => {
      const hash = stdout?.trim();
      resolve(!error && HEX40.test(hash) ? hash : undefined);
    });
  });
}

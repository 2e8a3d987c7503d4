// Which git repository a commit-message command writes to: the one whose Source Control title-bar icon
// was clicked, else the only one, else the active editor's, else the user's pick (folder and branch).
import * as vscode from 'vscode';
import { chooseOne } from '../chooseFolder';
import type { GitApi, GitRepository } from '../git';

/** Resolves once the git extension has looked for the workspace's repositories (or after `timeoutMs`). */
export function repositoriesReady(api: GitApi, timeoutMs = 5000): Promise<void> {
  const onState = api.onDidChangeState;
  if (!onState || api.state !== 'uninitialized') return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const subscription = onState((state) => state === 'initialized' && finish());
  });
}

function samePlace(a: vscode.Uri, b: vscode.Uri): boolean {
  const trim = (uri: vscode.Uri) => uri.with({ path: uri.path.replace(/\/+$/, '') }).toString();
  return trim(a) === trim(b);
}

/** The repository's folder name and branch, as the pick shows them. */
export function describeRepository(repository: GitRepository): { name: string; branch: string } {
  const name = repository.rootUri.path.replace(/\/+$/, '').split('/').pop() || repository.rootUri.fsPath;
  const head = repository.state.HEAD;
  const branch = head?.name ?? (head?.commit ? vscode.l10n.t('detached at {0}', head.commit.slice(0, 8)) : vscode.l10n.t('no commits yet'));
  return { name, branch };
}

/** The repository at `rootUri` (a SourceControl's root), or the one holding it. */
function repositoryAt(api: GitApi, rootUri: vscode.Uri): GitRepository | undefined {
  return api.repositories.find((r) => samePlace(r.rootUri, rootUri)) ?? api.getRepository(rootUri) ?? undefined;
}

/**
 * The repository to write to, 'none' when the window has no git repository, undefined when the user
 * cancelled the pick.
 */
export async function chooseRepository(api: GitApi, options: { rootUri?: vscode.Uri; title: string }): Promise<GitRepository | 'none' | undefined> {
  await repositoriesReady(api);
  if (options.rootUri) {
    const clicked = repositoryAt(api, options.rootUri);
    if (clicked) return clicked;
  }
  const repositories = api.repositories;
  if (repositories.length === 0) return 'none';
  return chooseOne(repositories, {
    uriOf: (repository) => repository.rootUri,
    item: (repository) => {
      const { name, branch } = describeRepository(repository);
      return { label: `$(repo) ${name}`, description: branch, detail: repository.rootUri.fsPath };
    },
    title: options.title,
    placeHolder: vscode.l10n.t('Repository whose commit message gets it'),
  });
}

// Finding checkouts in the workspace by their known paths: never a workspace scan.
// A workspace holding the whole openstack/releases tree costs a handful of stat calls.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as vscode from 'vscode';
import { msg, type Message } from '../core/l10n';
import { inspectPath } from '../adapters/safeRead';

export const SETTING_RELEASES_PATH = 'releasesCheckoutPath';

/** Counts stat calls of the measurement running in this async context, so the benchmark and tests can show the search stays small. */
const measured = new AsyncLocalStorage<{ stat: number }>();

/**
 * Runs `action` and counts the stat calls made on its behalf only: the release status, the evidence and
 * the parse cache may stat files at the same moment, and those are not the action's.
 */
export async function countStatCalls<T>(action: () => Promise<T>): Promise<{ result: T; statCalls: number }> {
  const counter = { stat: 0 };
  const result = await measured.run(counter, action);
  return { result, statCalls: counter.stat };
}

/**
 * Whether something is at `uri`; one counted call. With `type` File: anything that is not a folder (a
 * named pipe or a link loop is there, and the reader says what it is, rather than "not found").
 * With `type` Directory: a folder. The type is read without opening anything (src/adapters/safeRead.ts).
 */
export async function exists(uri: vscode.Uri, type?: vscode.FileType): Promise<boolean> {
  const counter = measured.getStore();
  if (counter) counter.stat++;
  if (uri.scheme === 'file') {
    const { kind, linkTarget } = await inspectPath(uri.fsPath);
    if (kind === 'missing') return linkTarget !== undefined && type !== vscode.FileType.Directory;
    if (type === vscode.FileType.Directory) return kind === 'directory';
    return type === undefined || kind !== 'directory';
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return type === undefined || (stat.type & type) !== 0;
  } catch {
    return false;
  }
}

export interface FolderSpec {
  /** Relative paths that must all exist (files end in an extension, folders end with '/'). */
  markers: string[];
  /** Folder names to try next to each workspace folder (side-by-side checkouts). */
  siblingNames: string[];
}

async function hasMarkers(folder: vscode.Uri, markers: string[]): Promise<boolean> {
  for (const marker of markers) {
    const isDir = marker.endsWith('/');
    const uri = vscode.Uri.joinPath(folder, marker.replace(/\/$/, ''));
    if (!(await exists(uri, isDir ? vscode.FileType.Directory : vscode.FileType.File))) return false;
  }
  return true;
}

/** Candidate folders, in the order they are tried: explicit path, workspace folders, their siblings. */
function candidates(spec: FolderSpec, explicit?: vscode.Uri): vscode.Uri[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const list: vscode.Uri[] = [];
  if (explicit) list.push(explicit);
  for (const folder of folders) list.push(folder.uri);
  for (const folder of folders) {
    const parent = vscode.Uri.joinPath(folder.uri, '..');
    for (const name of spec.siblingNames) list.push(vscode.Uri.joinPath(parent, name));
  }
  const seen = new Set<string>();
  return list.filter((uri) => !seen.has(uri.toString()) && seen.add(uri.toString()));
}

export async function findFolder(spec: FolderSpec, explicit?: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (const candidate of candidates(spec, explicit)) {
    if (await hasMarkers(candidate, spec.markers)) return candidate;
  }
  return undefined;
}

/** Every folder matching the spec (for a pick when there are several glance checkouts). */
export async function findFolders(spec: FolderSpec, explicit?: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const candidate of candidates(spec, explicit)) {
    if (await hasMarkers(candidate, spec.markers)) found.push(candidate);
  }
  return found;
}

const RELEASES_CHECKOUT: FolderSpec = {
  markers: ['data/series_status.yaml', 'deliverables/'],
  siblingNames: ['releases'],
};

/** Local checkouts of the Glance team's repositories, by repository name. */
export const REPO_CHECKOUTS: Record<string, FolderSpec> = {
  'openstack/glance': { markers: ['glance/db/migration.py'], siblingNames: ['glance'] },
  'openstack/glance_store': { markers: ['glance_store/'], siblingNames: ['glance_store', 'glance-store'] },
  'openstack/python-glanceclient': { markers: ['glanceclient/'], siblingNames: ['python-glanceclient'] },
  'openstack/glance-tempest-plugin': { markers: ['glance_tempest_plugin/'], siblingNames: ['glance-tempest-plugin'] },
};

/** The folder named by the setting, resolved against the first workspace folder when relative. */
function configuredReleasesPath(): vscode.Uri | undefined {
  const value = vscode.workspace.getConfiguration('glanceReleaseCycle').get<string>(SETTING_RELEASES_PATH, '').trim();
  if (!value) return undefined;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) {
    return base ? base.with({ path: value.replace(/\\/g, '/') }) : vscode.Uri.file(value);
  }
  return base ? vscode.Uri.joinPath(base, value) : undefined;
}

export async function findReleasesCheckout(): Promise<{ uri?: vscode.Uri; problems: Message[] }> {
  const configured = configuredReleasesPath();
  const uri = await findFolder(RELEASES_CHECKOUT, configured);
  // A setting that names the wrong folder is said out loud, not silently skipped.
  const problems =
    configured && uri?.toString() !== configured.toString()
      ? [msg('The setting glanceReleaseCycle.{0} names {1}, which holds no data/series_status.yaml and deliverables/.', SETTING_RELEASES_PATH, configured.path)]
      : [];
  return { uri, problems };
}

export function findRepoCheckout(repo: keyof typeof REPO_CHECKOUTS | string): Promise<vscode.Uri | undefined> {
  const spec = REPO_CHECKOUTS[repo];
  if (!spec) return Promise.resolve(undefined);
  return findFolder(spec);
}

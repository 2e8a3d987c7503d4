// Where the local clones of Glance's four repositories are: the known folder names (in the workspace or
// next to it, as the releases checkout is found), or the folder the setting
// glanceReleaseCycle.releaseStatus.clones maps the repository to. A handful of stat calls, no scan.
import * as vscode from 'vscode';
import { GLANCE_DELIVERABLES, type GlanceDeliverable } from '../../core/deliverables/deliverables';
import { findFolder, REPO_CHECKOUTS } from '../checkouts';

export const CLONES_SETTING = 'releaseStatus.clones';

export interface FoundClone {
  deliverable: GlanceDeliverable;
  /** The clone's folder (file scheme). */
  uri?: vscode.Uri;
  /** The setting names a folder that is not a clone of it. */
  problem?: string;
}

function mapped(repo: string): vscode.Uri | undefined {
  const map = vscode.workspace.getConfiguration('glanceReleaseCycle').get<Record<string, unknown>>(CLONES_SETTING, {});
  const short = repo.split('/').pop()!;
  const value = map?.[repo] ?? map?.[short];
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const text = value.trim();
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) return vscode.Uri.file(text);
  return base ? vscode.Uri.joinPath(base, text) : undefined;
}

export async function findClones(): Promise<FoundClone[]> {
  return Promise.all(
    GLANCE_DELIVERABLES.map(async (deliverable): Promise<FoundClone> => {
      const spec = REPO_CHECKOUTS[deliverable.repo];
      const explicit = mapped(deliverable.repo);
      const uri = spec ? await findFolder(spec, explicit) : undefined;
      const problem =
        explicit && uri?.toString() !== explicit.toString()
          ? vscode.l10n.t('The setting glanceReleaseCycle.{0} maps {1} to {2}, which is not a clone of it.', CLONES_SETTING, deliverable.repo, explicit.fsPath)
          : undefined;
      return { deliverable, uri: uri?.scheme === 'file' ? uri : undefined, problem };
    }),
  );
}

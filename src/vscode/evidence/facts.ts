// Reads the facts the evidence rules need, from known paths only: glance/db/migration.py and the
// releasenotes/notes/ folder of the glance checkout, deliverables/<series>/*.yaml of the releases checkout.
import * as vscode from 'vscode';
import type { EvidenceDeliverable, EvidenceFacts, FileFact, MissingFact } from '../../core/evidence';
import { deliverablePath } from '../../core/deliverables/deliverables';
import { MIGRATION_FILE } from '../../core/commits/migrationConstant';
import { NOTES_DIR } from '../../core/notes/releaseNotes';
import { findRepoCheckout } from '../checkouts';
import { readText } from '../documents';
import { readSeriesNotes } from '../notes/seriesNotes';

/** The deliverables the default task evidence reads. */
const READ_DELIVERABLES: readonly EvidenceDeliverable[] = ['glance', 'glance-store', 'python-glanceclient'];

export interface ReadFacts {
  facts: EvidenceFacts;
  /** The file each label in the facts (and so in Evidence.file) stands for. */
  files: Map<string, vscode.Uri>;
  /** What to watch: the few files and folders read. */
  watch: vscode.RelativePattern[];
  /** Whether a saved or changed file is one of those read (or could become one). */
  isRelevant(uri: vscode.Uri): boolean;
}

const label = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, true);
const under = (uri: vscode.Uri, folder: vscode.Uri) => uri.toString().startsWith(`${folder.toString()}/`);

/** A file's text, or why there is none: "does not exist" only when nothing is there. */
async function fileFact(uri: vscode.Uri, files: Map<string, vscode.Uri>, missing: string, kind: string): Promise<FileFact | MissingFact> {
  const read = await readText(uri, { kind, consequence: vscode.l10n.t('it was not read') });
  if ('missing' in read) return { missing };
  if ('problem' in read) return { missing: read.problem };
  const file = label(uri);
  files.set(file, uri);
  return { text: read.text, file };
}

export async function readFacts(series: string, releasesCheckout: vscode.Uri | undefined): Promise<ReadFacts> {
  const files = new Map<string, vscode.Uri>();
  const watch: vscode.RelativePattern[] = [];
  const folders: vscode.Uri[] = [];
  const exact: string[] = [];
  const facts: EvidenceFacts = { deliverables: {} };

  const glance = await findRepoCheckout('openstack/glance');
  if (!glance) {
    const missing = vscode.l10n.t('No openstack/glance checkout in the workspace (a folder holding {0}).', MIGRATION_FILE);
    facts.migrationPy = { missing };
    facts.notes = { missing };
  } else {
    const migration = vscode.Uri.joinPath(glance, MIGRATION_FILE);
    exact.push(migration.toString());
    watch.push(new vscode.RelativePattern(glance, MIGRATION_FILE), new vscode.RelativePattern(glance, `${NOTES_DIR}/*.yaml`));
    facts.migrationPy = await fileFact(migration, files, vscode.l10n.t('{0} does not exist.', label(migration)), 'Python');
    const notesDir = vscode.Uri.joinPath(glance, NOTES_DIR);
    folders.push(notesDir);
    const read = await readSeriesNotes(notesDir, series);
    if (read) {
      const dir = label(notesDir);
      for (const note of read.notes) files.set(`${dir}/${note.name}`, vscode.Uri.joinPath(notesDir, note.name));
      facts.notes = { files: read.notes, dir, unreadable: read.unreadable, capped: read.capped };
    } else {
      facts.notes = { missing: vscode.l10n.t('{0} does not exist or cannot be read.', label(notesDir)) };
    }
  }

  const releases = releasesCheckout;
  for (const name of READ_DELIVERABLES) {
    if (!releases) {
      facts.deliverables[name] = { missing: vscode.l10n.t('No openstack/releases checkout in the workspace, so {0} was not read.', deliverablePath(series, name)) };
      continue;
    }
    const uri = vscode.Uri.joinPath(releases, deliverablePath(series, name));
    facts.deliverables[name] = await fileFact(uri, files, vscode.l10n.t('{0} does not exist yet.', label(uri)), 'YAML');
  }
  if (releases) {
    watch.push(new vscode.RelativePattern(releases, `deliverables/${series}/{${READ_DELIVERABLES.join(',')}}.yaml`));
    folders.push(vscode.Uri.joinPath(releases, 'deliverables', series));
  }

  return {
    facts,
    files,
    watch,
    isRelevant: (uri) => exact.includes(uri.toString()) || (uri.path.endsWith('.yaml') && folders.some((f) => under(uri, f))),
  };
}

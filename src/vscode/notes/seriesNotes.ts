// The notes of one series in a checkout's releasenotes/notes/ (the files that can be its prelude),
// read with caps: the folder listing, how many notes are read and how big each may be. The evidence
// and New Release Prelude both read them here, so both say the same about an unreadable or capped note.
import * as vscode from 'vscode';
import type { NoteFile } from '../../core/evidence';
import { isPreludeCandidate } from '../../core/notes/releaseNotes';
import { listFolder, readText } from '../documents';

/** A real releasenotes/notes/ holds about a thousand notes; more entries are not listed. */
export const MAX_LISTED_NOTES = 20_000;
/** Notes named after the series (its preludes): a handful in practice; more are not read. */
const MAX_SERIES_NOTES = 100;
/** A prelude note is a few KB. */
const NOTE_MAX_BYTES = 256 * 1024;
/** Reads in flight at once: enough to hide the latency, few enough to leave the host free. */
const CONCURRENCY = 8;

export interface SeriesNotes {
  /** Every listed file name of the folder (for unique new names). */
  names: string[];
  /** The series' notes that could be read, by name. */
  notes: NoteFile[];
  /** The series' notes that could not be read, with the sentence saying why (naming the file). */
  unreadable: Array<{ name: string; problem: string }>;
  /** Sentences on what was too big to list or read in full. */
  capped: string[];
}

/** The series' notes in `notesDir`, or undefined when it is not a readable folder. */
export async function readSeriesNotes(notesDir: vscode.Uri, series: string): Promise<SeriesNotes | undefined> {
  const listing = await listFolder(notesDir, MAX_LISTED_NOTES);
  if (!listing) return undefined;
  const dir = vscode.workspace.asRelativePath(notesDir, true);
  const capped: string[] = [];
  if (listing.truncated) capped.push(vscode.l10n.t('{0} holds more than {1} entries: only the first {1} were listed.', dir, MAX_LISTED_NOTES));
  // Anything but a folder is a candidate: a named pipe or a link loop is said, not skipped.
  const candidates = listing.entries.filter((e) => e.kind !== 'directory' && isPreludeCandidate(e.name, series)).map((e) => e.name).sort();
  if (candidates.length > MAX_SERIES_NOTES) {
    capped.push(vscode.l10n.t('{0} holds {1} notes named {2}-…: only the first {3} were read.', dir, candidates.length, series, MAX_SERIES_NOTES));
  }
  const chosen = candidates.slice(0, MAX_SERIES_NOTES);
  const results = new Array<{ name: string; text?: string; problem?: string }>(chosen.length);
  let next = 0;
  const worker = async () => {
    while (next < chosen.length) {
      const i = next++;
      const read = await readText(vscode.Uri.joinPath(notesDir, chosen[i]), { maxBytes: NOTE_MAX_BYTES, kind: 'release note', consequence: vscode.l10n.t('it was not read') });
      results[i] = 'text' in read ? { name: chosen[i], text: read.text } : { name: chosen[i], problem: 'missing' in read ? read.missing : read.problem };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chosen.length) }, worker));
  return {
    names: listing.entries.map((e) => e.name),
    notes: results.filter((r) => r.text !== undefined).map((r) => ({ name: r.name, text: r.text! })),
    unreadable: results.filter((r) => r.problem !== undefined).map((r) => ({ name: r.name, problem: r.problem! })),
    capped,
  };
}

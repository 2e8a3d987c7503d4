// Loads the bundled data (dist/data/*.json) and, when the workspace has one, the openstack/releases
// checkout's series_status.yaml as a catalog whose schedules are read when a date needs them.
// Runs after activation, never on the startup path.
import * as vscode from 'vscode';
import { localizeChecklist, type Checklist } from '../../core/checklist/checklist';
import type { SeriesCatalog } from '../../core/calendar/seriesCatalog';
import type { Problem } from '../../core/problem';
import { msg, verbatim } from '../../core/l10n';
import { problemOfError } from '../../core/dataErrors';
import type { ParseCache } from '../../adapters/parseCache';
import { mergeScheduleSets, type Schedule, type ScheduleSet } from '../../core/calendar/schedule';
import { currentText, readText } from '../documents';
import { catalogOf, SCHEDULE_MAX_BYTES, SERIES_STATUS, SERIES_STATUS_MAX_BYTES } from './upstreamData';

export interface BundledData {
  checklist: Checklist;
  schedules: ScheduleSet;
  /** When the bundled data was built (the data file's modification time). */
  builtAt: Date;
}

export async function loadBundledData(extensionUri: vscode.Uri): Promise<BundledData> {
  const dataDir = vscode.Uri.joinPath(extensionUri, 'dist', 'data');
  const schedulesFile = vscode.Uri.joinPath(dataDir, 'schedules.json');
  const [checklist, schedules, stat] = await Promise.all([
    currentText(vscode.Uri.joinPath(dataDir, 'release-cycle.json')),
    currentText(schedulesFile),
    Promise.resolve(vscode.workspace.fs.stat(schedulesFile)).catch(() => undefined),
  ]);
  return {
    checklist: localizeChecklist(JSON.parse(checklist) as Checklist),
    schedules: JSON.parse(schedules) as ScheduleSet,
    builtAt: stat?.mtime ? new Date(stat.mtime) : new Date(),
  };
}

export interface CheckoutCatalog {
  catalog?: SeriesCatalog;
  /** How messages name the checkout (its workspace folder name). */
  label: string;
  /** One per file or entry that could not be used (the bundled data stands in for it). */
  problems: Problem[];
}

/**
 * Reads data/series_status.yaml of a releases checkout, every series of it: entries that break a rule are
 * reported with their line and ignored. doc/source/<series>/schedule.yaml (+ .rst titles) are read later,
 * by the catalog, for the series a date needs.
 */
export async function loadCheckoutCatalog(checkout: vscode.Uri, cache?: ParseCache): Promise<CheckoutCatalog> {
  const label = folderLabel(checkout);
  const fileLabel = (relPath: string) => `${label}/${relPath}`;
  const status = await readText(vscode.Uri.joinPath(checkout, ...SERIES_STATUS.split('/')), {
    maxBytes: SERIES_STATUS_MAX_BYTES,
    kind: 'series_status.yaml',
    consequence: vscode.l10n.t('the bundled schedule data is used instead'),
  });
  // The reader's sentence names the path and what it is ("… is a named pipe, not a file").
  if (!('text' in status)) return { label, problems: [{ rule: 'unreadable', severity: 'warning', file: SERIES_STATUS, root: label, message: 'missing' in status ? msg('could not be read.') : verbatim(status.problem) }] };
  // A schedule that is missing is a series without one; one that is there but unreadable is said.
  const read = async (relPath: string) => {
    const found = await readText(vscode.Uri.joinPath(checkout, ...relPath.split('/')), { maxBytes: SCHEDULE_MAX_BYTES, consequence: vscode.l10n.t('the bundled schedule is used instead') });
    if ('missing' in found) return undefined;
    if ('problem' in found) throw new Error(found.problem);
    return found.text;
  };
  try {
    return { label, ...catalogOf(status.text, label, fileLabel, read, cache) };
  } catch (error) {
    return { label, problems: [problemOfError(error, { rule: 'series-status', severity: 'warning', file: SERIES_STATUS, root: label })] };
  }
}

export function combine(bundled: ScheduleSet, override: ScheduleSet | undefined): ScheduleSet {
  return override ? mergeScheduleSets(bundled, override) : bundled;
}

/** The set with more schedules parsed (a later day, the series picker): same series, same origin. */
export function withSchedules(set: ScheduleSet, more: readonly Schedule[]): ScheduleSet {
  if (more.length === 0) return set;
  const schedules = new Map(set.schedules.map((s) => [s.series, s]));
  for (const s of more) schedules.set(s.series, s);
  return { ...set, schedules: [...schedules.values()] };
}

/** How messages name a checkout: its workspace folder name, else its folder's base name. */
function folderLabel(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && folder.uri.toString() === uri.toString()) return folder.name;
  return folder ? `${folder.name}/${vscode.workspace.asRelativePath(uri, false)}` : uri.path.split('/').pop() || uri.path;
}

// Loads the bundled data (dist/data/*.json) and, when the workspace has one, the openstack/releases
// checkout's series_status.yaml and schedules. Runs after activation, never on the startup path.
import * as vscode from 'vscode';
import type { Checklist } from '../core/checklist';
import { mergeScheduleSets, scheduleRstTitles, type Schedule, type ScheduleSet } from '../core/schedule';
import { currentText, optionalText } from './documents';
import { yamlReaders } from './lazyReaders';

export interface BundledData {
  checklist: Checklist;
  schedules: ScheduleSet;
}

export async function loadBundledData(extensionUri: vscode.Uri): Promise<BundledData> {
  const dataDir = vscode.Uri.joinPath(extensionUri, 'dist', 'data');
  const [checklist, schedules] = await Promise.all([
    currentText(vscode.Uri.joinPath(dataDir, 'release-cycle.json')),
    currentText(vscode.Uri.joinPath(dataDir, 'schedules.json')),
  ]);
  return { checklist: JSON.parse(checklist) as Checklist, schedules: JSON.parse(schedules) as ScheduleSet };
}

/** How many of the newest series in series_status.yaml to read schedules for. */
const SERIES_TO_READ = 4;

export interface CheckoutSchedules {
  set?: ScheduleSet;
  /** One sentence per file that could not be used (the bundled data stands in for it). */
  problems: string[];
}

/** Reads data/series_status.yaml and doc/source/<series>/schedule.yaml (+ .rst titles) of a releases checkout. */
export async function loadCheckoutSchedules(checkout: vscode.Uri): Promise<CheckoutSchedules> {
  const { parseSeriesStatus, parseSchedule } = yamlReaders();
  const problems: string[] = [];
  const label = folderLabel(checkout);
  let seriesText: string;
  try {
    seriesText = await currentText(vscode.Uri.joinPath(checkout, 'data', 'series_status.yaml'));
  } catch {
    return { problems: [`${label}/data/series_status.yaml could not be read.`] };
  }
  let series;
  try {
    series = parseSeriesStatus(seriesText, `${label}/data/series_status.yaml`);
  } catch (error) {
    return { problems: [String((error as Error).message)] };
  }
  const schedules: Schedule[] = [];
  await Promise.all(
    series.slice(0, SERIES_TO_READ).map(async ({ name }) => {
      const dir = vscode.Uri.joinPath(checkout, 'doc', 'source', name);
      const yamlText = await optionalText(vscode.Uri.joinPath(dir, 'schedule.yaml'));
      if (yamlText === undefined) return; // a series without a schedule yet: nothing to read
      const rst = await optionalText(vscode.Uri.joinPath(dir, 'schedule.rst'));
      try {
        schedules.push(parseSchedule(name, yamlText, `${label}/doc/source/${name}/schedule.yaml`, rst ? scheduleRstTitles(rst) : {}));
      } catch (error) {
        problems.push(String((error as Error).message));
      }
    }),
  );
  return { set: { series, schedules, origin: label }, problems };
}

export function combine(bundled: ScheduleSet, checkout: ScheduleSet | undefined): ScheduleSet {
  return checkout ? mergeScheduleSets(bundled, checkout) : bundled;
}

/** How messages name a checkout: its workspace folder name, else its folder's base name. */
function folderLabel(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && folder.uri.toString() === uri.toString()) return folder.name;
  return folder ? `${folder.name}/${vscode.workspace.asRelativePath(uri, false)}` : uri.path.split('/').pop() || uri.path;
}

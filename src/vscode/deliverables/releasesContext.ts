// What every openstack/releases command needs first: the checkout, the series it acts on, a
// deliverable file (offering an older series' file when asked), and the picks among them.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import { GLANCE_DELIVERABLES, deliverablePath } from '../../core/deliverables/deliverables';
import { olderSeries } from '../../core/deliverables/releasePolicy';
import { exists, SETTING_RELEASES_PATH } from '../checkouts';
import type { ReleaseCycleModel } from '../model';
import { optionalText } from '../documents';

/** A file of the checkout, from a path relative to it (`deliverables/indri/glance.yaml`). */
export function checkoutFile(checkout: vscode.Uri, relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(checkout, ...relativePath.split('/'));
}

/** The releases checkout, or undefined after a message offering to open a folder or set the setting. */
export async function releasesCheckout(model: ReleaseCycleModel, web?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = await model.releasesCheckout();
  if (found.uri) return found.uri;
  const openFolder = vscode.l10n.t('Add Folder to Workspace…');
  const setPath = vscode.l10n.t('Set Path…');
  const openWeb = vscode.l10n.t('Open releases.openstack.org');
  const why = found.problem ?? vscode.l10n.t('No openstack/releases checkout found: open a folder holding data/series_status.yaml and deliverables/ (or put a "releases" folder next to a workspace folder), or set "glanceReleaseCycle.releasesCheckoutPath".');
  void vscode.window.showWarningMessage(why, openFolder, setPath, ...(web ? [openWeb] : [])).then((answer) => {
    if (answer === openFolder) void vscode.commands.executeCommand('workbench.action.addRootFolder');
    if (answer === setPath) void vscode.commands.executeCommand('workbench.action.openSettings', `glanceReleaseCycle.${SETTING_RELEASES_PATH}`);
    if (answer === openWeb && web) void vscode.env.openExternal(web);
  });
  return undefined;
}

/** The series a command acts on: given, else the one the view shows (said when none is known). */
export function seriesFor(model: ReleaseCycleModel, given: string | undefined): string | undefined {
  const series = given ?? model.shownSeries() ?? model.currentSeries();
  if (!series) void vscode.window.showWarningMessage(vscode.l10n.t('No series is known for today: pick one with "Show Series…" in the Release Cycle view.'));
  return series;
}

/** Series names from series_status.yaml, newest first. */
function allSeries(model: ReleaseCycleModel): string[] {
  return model.data?.schedules.series.map((info) => info.name) ?? [];
}

/** The newest series older than `series` whose folder holds `<name>.yaml`. */
export async function newestSeriesWithFile(model: ReleaseCycleModel, checkout: vscode.Uri, series: string, name: string): Promise<string | undefined> {
  for (const candidate of olderSeries(allSeries(model), series)) {
    if (await exists(checkoutFile(checkout, deliverablePath(candidate, name)))) return candidate;
  }
  return undefined;
}

/**
 * The file the release rules compare with: `<name>.yaml` of the newest series before `series` (in
 * `allSeries`, newest first) that has one, with its text.
 */
export async function previousSeriesFile(checkout: vscode.Uri, allSeries: readonly string[], series: string, name: string): Promise<{ series: string; text: string } | undefined> {
  for (const older of olderSeries(allSeries, series)) {
    const text = await optionalText(checkoutFile(checkout, deliverablePath(older, name)));
    if (text !== undefined) return { series: older, text };
  }
  return undefined;
}

/**
 * The deliverable file of a series, or undefined after saying what is missing (and offering the
 * newest series that has the file when `offerOlder`).
 */
export async function deliverableFile(model: ReleaseCycleModel, checkout: vscode.Uri, series: string, name: string, offerOlder: boolean): Promise<vscode.Uri | undefined> {
  const uri = checkoutFile(checkout, deliverablePath(series, name));
  if (await exists(uri)) return uri;
  const folderExists = await exists(checkoutFile(checkout, `deliverables/${series}`));
  const older = await newestSeriesWithFile(model, checkout, series, name);
  const what = folderExists
    ? vscode.l10n.t('{0} does not exist.', deliverablePath(series, name))
    : vscode.l10n.t('deliverables/{0}/ does not exist yet: the release team creates it at the start of the {1} cycle.', series, displayName(series));
  if (offerOlder && older) {
    const open = `Open ${displayName(older)}'s ${name}.yaml`;
    const answer = await vscode.window.showWarningMessage(what, open);
    return answer === open ? checkoutFile(checkout, deliverablePath(older, name)) : undefined;
  }
  void vscode.window.showWarningMessage(older ? vscode.l10n.t('{0} The newest series that has it is {1}.', what, displayName(older)) : what);
  return undefined;
}

export type DeliverablePick = { name: string } | { otherSeries: true };

/** A pick among Glance's deliverables (skipped when there is one), optionally with "Other series…". */
export async function pickDeliverable(title: string, names: readonly string[], withOtherSeries: boolean): Promise<DeliverablePick | undefined> {
  type Item = vscode.QuickPickItem & { name?: string; other?: boolean };
  const items: Item[] = GLANCE_DELIVERABLES.filter((d) => names.includes(d.name)).map((d) => ({ label: `${d.name}.yaml`, description: d.description, detail: d.repo, name: d.name }));
  if (withOtherSeries) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('$(versions) Other series…'), other: true });
  const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title });
  if (!pick) return undefined;
  return pick.other ? { otherSeries: true } : { name: pick.name! };
}

export async function pickSeries(model: ReleaseCycleModel, title: string): Promise<string | undefined> {
  const items = (model.data?.schedules.series ?? []).map((info) => ({
    label: displayName(info.name),
    description: [info.releaseId, info.status].filter(Boolean).join(' · '),
    series: info.name,
  }));
  return (await vscode.window.showQuickPick(items, { title }))?.series;
}

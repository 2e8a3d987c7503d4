// Open Deliverable File…: a Glance deliverable of the series shown (or another series).
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import { GLANCE_DELIVERABLES } from '../../core/deliverables/deliverables';
import { countStatCalls, findReleasesCheckout } from '../checkouts';
import { releaseArgs } from '../../core/deliverables/releaseArgs';
import { deliverableFile, pickDeliverable, pickSeries, releasesCheckout, seriesFor } from './releasesContext';
import type { Services } from '../services';

const ALL = GLANCE_DELIVERABLES.map((d) => d.name);

export function register(s: Services): vscode.Disposable[] {
  const { model } = s;

  async function openDeliverable(raw?: unknown): Promise<{ uri: string; statCalls: number; locateStatCalls?: number; locateMs?: number } | undefined> {
    const args = releaseArgs(raw);
    let locate: { locateStatCalls: number; locateMs: number } | undefined;
    if (args.measureLocate) {
      const start = Date.now();
      const { statCalls } = await countStatCalls(() => findReleasesCheckout());
      locate = { locateStatCalls: statCalls, locateMs: Date.now() - start };
    }
    const { result, statCalls } = await countStatCalls(() => open(args));
    return result === undefined ? undefined : { uri: result, statCalls, ...locate };
  }

  /** Opens the file; its URI (the caller counts the stat calls). */
  async function open(args: ReturnType<typeof releaseArgs>): Promise<string | undefined> {
    const checkout = await releasesCheckout(model);
    if (!checkout) return undefined;
    let series = seriesFor(model, args.series);
    if (!series) return undefined;
    let name = args.deliverable;
    if (!name) {
      const pick = await pickDeliverable(vscode.l10n.t('Open a Glance deliverable file ({0})', displayName(series)), ALL, true);
      if (!pick) return undefined;
      if ('otherSeries' in pick) {
        const other = await pickSeries(model, vscode.l10n.t('Series of the deliverable file'));
        if (!other) return undefined;
        series = other;
        const again = await pickDeliverable(vscode.l10n.t('Open a Glance deliverable file ({0})', displayName(series)), ALL, false);
        if (!again || !('name' in again)) return undefined;
        name = again.name;
      } else {
        name = pick.name;
      }
    }
    const uri = await deliverableFile(model, checkout, series, name, true);
    if (!uri) return undefined;
    const readable = await s.readableDocument(uri);
    if (!readable) return undefined;
    await vscode.window.showTextDocument(readable, { preview: false });
    return uri.toString();
  }

  return [s.registerCommand('glanceReleaseCycle.openDeliverable', openDeliverable)];
}

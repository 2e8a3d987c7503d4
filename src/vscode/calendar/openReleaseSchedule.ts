// Open Release Schedule: the series' schedule.rst in the releases checkout, at the next deadline's label.
import * as vscode from 'vscode';
import { releaseArgs } from '../../core/deliverables/releaseArgs';
import { checkoutFile, releasesCheckout, seriesFor } from '../deliverables/releasesContext';
import { exists } from '../checkouts';
import type { Services } from '../services';

export function register(s: Services): vscode.Disposable[] {
  const { model } = s;

  async function openReleaseSchedule(raw?: unknown): Promise<{ uri: string; line: number } | undefined> {
    const args = releaseArgs(raw);
    await model.ready();
    const phase = model.snapshot?.phase;
    const series = args.series ?? (phase?.kind === 'phase' ? phase.series : undefined) ?? seriesFor(model, undefined);
    if (!series) return undefined;
    const eventId = phase?.kind === 'phase' && phase.nextDeadline?.series === series ? phase.nextDeadline.eventId : undefined;
    const web = vscode.Uri.parse(`https://releases.openstack.org/${series}/schedule.html${eventId ? `#${eventId}` : ''}`, true);
    const checkout = await releasesCheckout(model, web);
    if (!checkout) return undefined;
    const uri = checkoutFile(checkout, `doc/source/${series}/schedule.rst`);
    if (!(await exists(uri))) {
      const openWeb = vscode.l10n.t('Open releases.openstack.org');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('doc/source/{0}/schedule.rst is not in the releases checkout.', series), openWeb);
      if (answer === openWeb) await vscode.env.openExternal(web);
      return undefined;
    }
    const document = await s.readableDocument(uri);
    if (!document) return undefined;
    const labelLine = eventId ? document.getText().split(/\r?\n/).findIndex((l) => l.trim() === `.. _${eventId}:`) : -1;
    const position = new vscode.Position(Math.max(labelLine, 0), 0);
    await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
    vscode.window.activeTextEditor?.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    return { uri: uri.toString(), line: position.line };
  }

  return [s.registerCommand('glanceReleaseCycle.openReleaseSchedule', openReleaseSchedule)];
}

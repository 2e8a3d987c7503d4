// Validate Deliverable File: the checks of the Problems view, on demand, with a one-line summary.
import * as vscode from 'vscode';
import { parseDeliverablePath } from '../../core/deliverables/deliverables';
import { isDeliverableFile } from './deliverableDiagnostics';
import type { Services } from '../services';
import { tPlural } from '../../core/l10n';

export function register(s: Services): vscode.Disposable[] {
  async function validateDeliverable(uri?: unknown): Promise<number | undefined> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || !isDeliverableFile(target)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a deliverable file (deliverables/<series>/<name>.yaml of an openstack/releases checkout) first.'));
      return undefined;
    }
    const document = await s.readableDocument(target);
    if (!document) return undefined;
    const found = await s.deliverableDiagnostics.check(document);
    const parsed = parseDeliverablePath(target.path);
    void vscode.window.setStatusBarMessage(
      found.length ? tPlural(found.length, '$(warning) {0}.yaml: {1} problem (Problems view)', '$(warning) {0}.yaml: {1} problems (Problems view)', parsed?.name ?? '', found.length) : vscode.l10n.t('$(check) {0}.yaml passes the schema and yamllint.yml', parsed?.name ?? ''),
      5000,
    );
    return found.length;
  }

  return [s.registerCommand('glanceReleaseCycle.validateDeliverable', validateDeliverable)];
}

// api.validateDeliverable(path): the Problems view's list for a deliverable file named by a path
// (absolute, or relative to the releases checkout).
import * as vscode from 'vscode';
import type { DeliverableDiagnostics, DeliverableFinding } from './deliverableDiagnostics';
import { readableDocument } from '../documents';
import type { ReleaseCycleModel } from '../model';

export async function validateDeliverableAt(path: string, model: ReleaseCycleModel, diagnostics: DeliverableDiagnostics): Promise<DeliverableFinding[]> {
  let uri: vscode.Uri;
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) uri = vscode.Uri.file(path);
  else {
    const checkout = (await model.releasesCheckout()).uri;
    if (!checkout) throw new Error(vscode.l10n.t('No openstack/releases checkout to resolve "{0}" against: pass an absolute path.', path.slice(0, 80)));
    uri = vscode.Uri.joinPath(checkout, ...path.split(/[\\/]/).filter(Boolean));
  }
  const readable = await readableDocument(uri);
  if ('problem' in readable) return [{ rule: 'parse', severity: 'error', message: readable.problem, line: 1 }];
  if (!(await diagnostics.inputsFor(uri))) throw new Error(vscode.l10n.t('{0} is not a deliverable file of an openstack/releases checkout (deliverables/<series>/<name>.yaml).', vscode.workspace.asRelativePath(uri, true)));
  return diagnostics.findings(readable.document);
}

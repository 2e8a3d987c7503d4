// Evidence in the editor (issue 14): the service, its tree wiring, and the commands that open an
// evidence's file and re-read the evidence on demand. Nothing here reads a file during activation.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { EvidenceService } from './service';

const OPEN_EVIDENCE_COMMAND = 'glanceReleaseCycle.openEvidence';
const REFRESH_EVIDENCE_COMMAND = 'glanceReleaseCycle.refreshEvidence';

export function register(s: Services): vscode.Disposable[] {
  const service = new EvidenceService(s.model, s.context.globalState, s.liveFacts);
  // This part loads after the first snapshot (dist/features.js): start from the one already shown.
  if (s.model.snapshot) service.onSnapshot(s.model.snapshot);
  return [
    service,
    s.liveFacts.onDidChange(() => void service.refresh()),
    s.provider.setEvidence(service),
    s.model.onDidChange((snapshot) => service.onSnapshot(snapshot)),
    vscode.workspace.onDidSaveTextDocument((document) => service.onFile(document.uri)),
    s.registerCommand(OPEN_EVIDENCE_COMMAND, async (arg?: { series?: unknown; taskId?: unknown }) => {
      if (typeof arg?.series !== 'string' || typeof arg.taskId !== 'string') return undefined;
      const target = service.fileOf(arg.series, arg.taskId);
      if (!target) return undefined;
      const position = new vscode.Position(target.line ?? 0, 0);
      const editor = await vscode.window.showTextDocument(target.uri, { selection: new vscode.Range(position, position), preview: true });
      return { uri: editor.document.uri.toString(), line: target.line };
    }),
    s.registerCommand(REFRESH_EVIDENCE_COMMAND, () => service.refresh()),
  ];
}

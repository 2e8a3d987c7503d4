// Checks deliverable files of an openstack/releases checkout (deliverables/<series>/<name>.yaml) on save
// and after our edits, against the checkout's openstack_releases/schema.yaml and yamllint.yml; the
// problems go to the Problems view. The validator (yaml + ajv) lives in dist/readers.js, loaded on first use.
import * as vscode from 'vscode';
import { parseDeliverablePath } from '../core/deliverables';
import { optionalText } from './documents';
import { readers } from './lazyReaders';

export const DELIVERABLE_DIAGNOSTICS = 'glance-deliverables';
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

export function isDeliverableFile(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && parseDeliverablePath(uri.path) !== undefined;
}

export class DeliverableDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DELIVERABLE_DIAGNOSTICS);

  dispose(): void {
    this.collection.dispose();
  }

  /**
   * Validates one deliverable document (its current text, saved or not). Files outside a releases
   * checkout (no schema.yaml nor yamllint.yml beside `deliverables/`) are left alone.
   */
  async check(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const parsed = parseDeliverablePath(document.uri.path);
    if (!parsed || !SCHEMES.has(document.uri.scheme)) return [];
    const root = document.uri.with({ path: parsed.root || '/' });
    const [schemaText, yamllintText] = await Promise.all([
      optionalText(vscode.Uri.joinPath(root, 'openstack_releases', 'schema.yaml')),
      optionalText(vscode.Uri.joinPath(root, 'yamllint.yml')),
    ]);
    if (schemaText === undefined && yamllintText === undefined) return [];
    let diagnostics: vscode.Diagnostic[];
    try {
      // ajv compiles the schema into code: only for a trusted workspace. Layout rules still apply.
      const problems = readers().validateDeliverable(document.getText(), { schemaText: vscode.workspace.isTrusted ? schemaText : undefined, yamllintText });
      diagnostics = problems.map((p) => {
        const line = Math.min(Math.max(p.line - 1, 0), Math.max(document.lineCount - 1, 0));
        const text = document.lineAt(line).text;
        const start = Math.min(Math.max(p.column - 1, 0), text.length);
        const range = new vscode.Range(line, start, line, Math.max(text.length, start));
        const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = p.rule === 'schema' ? 'schema.yaml' : p.rule === 'syntax' ? 'YAML' : 'yamllint';
        if (p.rule !== 'schema' && p.rule !== 'syntax') d.code = p.rule;
        return d;
      });
    } catch (error) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `The deliverable file could not be checked: ${error instanceof Error ? error.message : String(error)}`,
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Glance Release Cycle';
      diagnostics = [d];
    }
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }
}

/** The collection and its listeners (on save; cleared on close and delete). */
export function registerDeliverableDiagnostics(diagnostics: DeliverableDiagnostics): vscode.Disposable[] {
  const onSave = (document: vscode.TextDocument) => {
    if (isDeliverableFile(document.uri)) void diagnostics.check(document);
  };
  return [
    diagnostics,
    vscode.workspace.onDidSaveTextDocument(onSave),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.collection.delete(document.uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => diagnostics.collection.delete(uri))),
  ];
}

// Checks deliverable files of an openstack/releases checkout (deliverables/<series>/<name>.yaml) on save
// and after our edits, against the checkout's openstack_releases/schema.yaml and yamllint.yml; the
// problems go to the Problems view. The validator (yaml + ajv) lives in dist/validators.js, loaded on first validation.
import * as vscode from 'vscode';
import { parseDeliverablePath } from '../core/deliverables';
import type { DeliverableProblem } from '../core/deliverableValidation';
import { optionalText } from './documents';
import { validators } from './lazyReaders';

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
   * The validator for a deliverable file: the checkout's schema.yaml and yamllint.yml rules, or
   * undefined for files outside a releases checkout (neither file beside `deliverables/`).
   */
  async validatorFor(uri: vscode.Uri): Promise<((text: string) => DeliverableProblem[]) | undefined> {
    const parsed = parseDeliverablePath(uri.path);
    if (!parsed || !SCHEMES.has(uri.scheme)) return undefined;
    const root = uri.with({ path: parsed.root || '/' });
    const [schemaText, yamllintText] = await Promise.all([
      optionalText(vscode.Uri.joinPath(root, 'openstack_releases', 'schema.yaml')),
      optionalText(vscode.Uri.joinPath(root, 'yamllint.yml')),
    ]);
    if (schemaText === undefined && yamllintText === undefined) return undefined;
    // ajv compiles the schema into code: only for a trusted workspace. Layout rules still apply.
    const input = { schemaText: vscode.workspace.isTrusted ? schemaText : undefined, yamllintText };
    return (text) => validators().validateDeliverable(text, input);
  }

  /** Validates one deliverable document (its current text, saved or not) into the Problems view. */
  async check(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const validate = await this.validatorFor(document.uri);
    if (!validate) return [];
    let diagnostics: vscode.Diagnostic[];
    try {
      diagnostics = validate(document.getText()).map((p) => toDiagnostic(document, p));
    } catch (error) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `The deliverable file could not be checked: ${error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200)}`,
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Glance Release Cycle';
      diagnostics = [d];
    }
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  /** Checks the document and counts its errors (warnings left out). */
  async errorCount(document: vscode.TextDocument): Promise<number> {
    return (await this.check(document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }
}

function toDiagnostic(document: vscode.TextDocument, p: DeliverableProblem): vscode.Diagnostic {
  const line = Math.min(Math.max(p.line - 1, 0), Math.max(document.lineCount - 1, 0));
  const text = document.lineAt(line).text;
  const start = Math.min(Math.max(p.column - 1, 0), text.length);
  const range = new vscode.Range(line, start, line, Math.max(text.length, start));
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = p.rule === 'schema' ? 'schema.yaml' : p.rule === 'syntax' ? 'YAML' : 'yamllint';
  if (p.rule !== 'schema' && p.rule !== 'syntax') d.code = p.rule;
  return d;
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

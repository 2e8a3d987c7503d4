// Checks deliverable files of an openstack/releases checkout (deliverables/<series>/<name>.yaml) when
// opened, while edited (debounced), on save and after our edits: the checkout's schema.yaml and
// yamllint.yml, and the release team's validation rules (each diagnostic's code names its rule). The validator (yaml + ajv) lives in dist/validators.js, loaded on first validation.
import * as vscode from 'vscode';
import { parseDeliverablePath } from '../../core/deliverables/deliverables';
import type { DeliverableProblem, DeliverableValidationInput } from '../../core/deliverables/deliverableValidation';
import { findingAsProblem } from '../../core/deliverables/validationJobs';
import { optionalText } from '../documents';
import { ruleInputs, runReleaseChecks, type RuleInputs } from './releaseRules';

export const DELIVERABLE_DIAGNOSTICS = 'glance-deliverables';
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

export function isDeliverableFile(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && parseDeliverablePath(uri.path) !== undefined;
}

/** One problem as the API reports it; `line` is 1-based. */
export interface DeliverableFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  line: number;
}

export class DeliverableDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DELIVERABLE_DIAGNOSTICS);

  dispose(): void {
    this.collection.dispose();
  }

  /** What the checks of a deliverable file need besides its text; undefined outside a releases checkout. */
  async inputsFor(uri: vscode.Uri): Promise<{ layout: DeliverableValidationInput; rules?: RuleInputs } | undefined> {
    const parsed = parseDeliverablePath(uri.path);
    if (!parsed || !SCHEMES.has(uri.scheme)) return undefined;
    const root = uri.with({ path: parsed.root || '/' });
    const [schemaText, yamllintText, rules] = await Promise.all([
      optionalText(vscode.Uri.joinPath(root, 'openstack_releases', 'schema.yaml')),
      optionalText(vscode.Uri.joinPath(root, 'yamllint.yml')),
      ruleInputs(uri),
    ]);
    if (schemaText === undefined && yamllintText === undefined && !rules) return undefined;
    // The schema is interpreted, not compiled into code: safe in Restricted Mode too.
    return { layout: { schemaText, yamllintText }, rules };
  }

  /**
   * Validates one deliverable document (its current text, saved or not) into the Problems view, on the
   * validation thread; with a local clone, a second pass answers the git questions of the rules.
   */
  async check(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const inputs = await this.inputsFor(document.uri);
    if (!inputs) return [];
    const text = document.getText();
    const version = document.version;
    let diagnostics: vscode.Diagnostic[];
    try {
      const { problems, findings } = await runReleaseChecks(text, inputs.layout, inputs.rules);
      diagnostics = [...problems, ...findings.map(findingAsProblem)].map((p) => toDiagnostic(document, p));
      const skipped = gitChecksSkipped(document, text, inputs.rules);
      if (skipped) diagnostics.push(skipped);
    } catch (error) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t('The deliverable file could not be checked: {0}', error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200)),
        vscode.DiagnosticSeverity.Information,
      );
      d.source = 'Glance Release Cycle';
      diagnostics = [d];
    }
    // A newer check of a later edit wins; a file closed meanwhile keeps no problems in the view.
    if (document.isClosed) this.collection.delete(document.uri);
    else if (document.version === version) this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  /** Checks the document and counts its errors (warnings left out). */
  async errorCount(document: vscode.TextDocument): Promise<number> {
    return (await this.check(document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }

  /** What `api.validateDeliverable` returns: the Problems view's list for the file. */
  async findings(document: vscode.TextDocument): Promise<DeliverableFinding[]> {
    return (await this.check(document)).map((d) => ({
      rule: typeof d.code === 'string' ? d.code : typeof d.code === 'object' ? String(d.code.value) : d.source ?? 'schema',
      severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'information',
      message: d.message,
      line: d.range.start.line + 1,
    }));
  }
}

/**
 * While a request is being prepared (the file differs from its committed or saved version) and git
 * could not answer, one information line says which rules were not checked and why.
 */
function gitChecksSkipped(document: vscode.TextDocument, text: string, rules: RuleInputs | undefined): vscode.Diagnostic | undefined {
  if (!rules || 'folder' in rules.git) return undefined;
  const changed = rules.input.committedText !== undefined ? rules.input.committedText !== text : document.isDirty;
  if (!changed) return undefined;
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    vscode.l10n.t('Not checked here: {0} need a local clone of the repository and a releases checkout that is a git repository ({1}).', GIT_RULES.join(', '), rules.git.skipped),
    vscode.DiagnosticSeverity.Information,
  );
  d.source = 'openstack/releases validate';
  d.code = 'git-checks-skipped';
  return d;
}

const GIT_RULES = ['release-sha-exists', 'release-branch-membership', 'branch-points'];

function toDiagnostic(document: vscode.TextDocument, p: DeliverableProblem): vscode.Diagnostic {
  const line = Math.min(Math.max(p.line - 1, 0), Math.max(document.lineCount - 1, 0));
  const text = document.lineAt(line).text;
  const start = Math.min(Math.max(p.column - 1, 0), text.length);
  const range = new vscode.Range(line, start, line, Math.max(text.length, start));
  const severity = p.severity === 'information' ? vscode.DiagnosticSeverity.Information : p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const d = new vscode.Diagnostic(range, p.message, severity);
  d.source = p.source ?? (p.rule === 'schema' ? 'schema.yaml' : p.rule === 'syntax' ? 'YAML' : 'yamllint');
  if (p.rule !== 'schema' && p.rule !== 'syntax') d.code = p.rule;
  return d;
}

/** The collection and its listeners (on save; cleared on close and delete). */
export function registerDeliverableDiagnostics(diagnostics: DeliverableDiagnostics): vscode.Disposable[] {
  const onSave = (document: vscode.TextDocument) => {
    if (isDeliverableFile(document.uri)) void diagnostics.check(document);
  };
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const onChange = (document: vscode.TextDocument) => {
    if (!isDeliverableFile(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => (pending.delete(key), void diagnostics.check(document)), 400));
  };
  return [
    diagnostics,
    new vscode.Disposable(() => pending.forEach((timer) => clearTimeout(timer))),
    vscode.workspace.onDidOpenTextDocument(onChange),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && onChange(event.document)),
    vscode.workspace.onDidSaveTextDocument(onSave),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(pending.get(document.uri.toString()));
      pending.delete(document.uri.toString());
      diagnostics.collection.delete(document.uri);
    }),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => diagnostics.collection.delete(uri))),
  ];
}

// Checks deliverable files of an openstack/releases checkout (deliverables/<series>/<name>.yaml) when
// opened, while edited (debounced), on save and after our edits: the checkout's schema.yaml and
// yamllint.yml, and the release team's validation rules (each diagnostic's code names its rule). The validator (yaml and the schema interpreter) lives in dist/validators.js, loaded on first validation.
import * as vscode from 'vscode';
import { parseDeliverablePath } from '../../core/deliverables/deliverables';
import type { DeliverableValidationInput } from '../../core/deliverables/deliverableValidation';
import { toDiagnostic } from '../problems';
import { isError, type Problem } from '../../core/problem';
import { messageText, msg } from '../../core/l10n';
import { optionalText } from '../documents';
import { ruleInputs, runReleaseChecks, type RuleInputs } from './releaseRules';

const DELIVERABLE_DIAGNOSTICS = 'glance-deliverables';
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

export function isDeliverableFile(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && parseDeliverablePath(uri.path) !== undefined;
}

/** One problem as the API reports it; `line` is 1-based. */
/** The API's shape of a problem (README, "API"): kept stable for scripts. */
export interface DeliverableFinding {
  rule: string;
  severity: Problem['severity'];
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
   * Returns the problems the view now shows for it.
   */
  async check(document: vscode.TextDocument): Promise<Problem[]> {
    const inputs = await this.inputsFor(document.uri);
    if (!inputs) return [];
    const text = document.getText();
    const version = document.version;
    let problems: Problem[];
    try {
      const checked = await runReleaseChecks(text, inputs.layout, inputs.rules);
      problems = [...checked.problems, ...checked.findings];
      const skipped = gitChecksSkipped(document, text, inputs.rules);
      if (skipped) problems.push(skipped);
    } catch (error) {
      const why = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
      problems = [{ rule: 'unchecked', severity: 'information', line: 1, source: 'Glance Release Cycle', message: msg('The deliverable file could not be checked: {0}', why) }];
    }
    // A newer check of a later edit wins; a file closed meanwhile keeps no problems in the view.
    if (document.isClosed) this.collection.delete(document.uri);
    else if (document.version === version) this.collection.set(document.uri, problems.map((p) => toDiagnostic(p, document)));
    return problems;
  }

  /** Checks the document and counts its errors (warnings left out). */
  async errorCount(document: vscode.TextDocument): Promise<number> {
    return (await this.check(document)).filter(isError).length;
  }

  /** What `api.validateDeliverable` returns: the Problems view's list for the file. */
  async findings(document: vscode.TextDocument): Promise<DeliverableFinding[]> {
    return (await this.check(document)).map((p) => ({ rule: p.rule, severity: p.severity, message: messageText(p.message), line: p.line ?? 1 }));
  }
}

/**
 * While a request is being prepared (the file differs from its committed or saved version) and git
 * could not answer, one information line says which rules were not checked and why.
 */
function gitChecksSkipped(document: vscode.TextDocument, text: string, rules: RuleInputs | undefined): Problem | undefined {
  if (!rules || 'folder' in rules.git) return undefined;
  const changed = rules.input.committedText !== undefined ? rules.input.committedText !== text : document.isDirty;
  if (!changed) return undefined;
  return {
    rule: 'git-checks-skipped',
    severity: 'information',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    source: 'openstack/releases validate',
    message: msg('Not checked here: {0} need a local clone of the repository and a releases checkout that is a git repository ({1}).', GIT_RULES.join(', '), rules.git.skipped),
  };
}

const GIT_RULES = ['release-sha-exists', 'release-branch-membership', 'branch-points'];

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
  // The files already open (restored with the window, or opened before this part of the extension loaded).
  vscode.workspace.textDocuments.forEach(onChange);
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

// The one place a core Problem becomes a Problems-view diagnostic: same range, severity and source rules
// for deliverable files, release notes and the releases data files.
import * as vscode from 'vscode';
import type { Problem } from '../core/problem';
import { messageText } from '../core/l10n';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Who says it, as the Problems view's source column shows it. */
function sourceOf(problem: Problem): string {
  if (problem.source) return problem.source;
  if (problem.rule === 'schema') return 'schema.yaml';
  if (problem.rule === 'syntax') return 'YAML';
  return 'yamllint';
}

/**
 * The diagnostic for a problem. With the document, the range is clamped to its text (the rest of the line
 * from the column, or the problem's own span); without, the whole line.
 */
export function toDiagnostic(problem: Problem, document?: Pick<vscode.TextDocument, 'lineCount' | 'lineAt'>, source?: string): vscode.Diagnostic {
  const lastLine = document ? Math.max(document.lineCount - 1, 0) : Number.MAX_SAFE_INTEGER;
  const line = Math.min(Math.max((problem.line ?? 1) - 1, 0), lastLine);
  const lineLength = document ? document.lineAt(line).text.length : 1000;
  const start = Math.min(Math.max((problem.column ?? 1) - 1, 0), lineLength);
  const range =
    problem.endLine !== undefined
      ? new vscode.Range(line, start, Math.min(Math.max(problem.endLine - 1, line), lastLine), Math.max((problem.endColumn ?? 1) - 1, 0))
      : new vscode.Range(line, start, line, Math.max(lineLength, start));
  const diagnostic = new vscode.Diagnostic(range, messageText(problem.message), SEVERITY[problem.severity]);
  diagnostic.source = source ?? sourceOf(problem);
  if (!source && problem.rule !== 'schema' && problem.rule !== 'syntax') diagnostic.code = problem.rule;
  return diagnostic;
}

// Problems in the releases checkout's data files (series_status.yaml, doc/source/<series>/schedule.yaml)
// go to the Problems view on the file and line, as well as into the status bar's tooltip. The
// problems are the model's sentences, which start "<checkout>/<file>[:<line>]: ".
import * as vscode from 'vscode';
import { optionalText } from '../documents';
import { yamlReaders } from '../../adapters/lazyReaders';

export const DATA_DIAGNOSTICS = 'glance-release-data';

export interface LocatedProblem {
  relativePath: string;
  /** 1-based, when the sentence names one. */
  line?: number;
  message: string;
}

/** The file (relative to the checkout) and line a problem sentence names, or undefined for other problems. */
export function locateProblem(problem: string, checkoutLabel: string): LocatedProblem | undefined {
  const prefix = `${checkoutLabel}/`;
  if (!problem.startsWith(prefix)) return undefined;
  const match = /^([^\s:]+\.(?:yaml|rst))(?::(\d+))?:\s*(.*)$/s.exec(problem.slice(prefix.length));
  if (!match) return undefined;
  const lineInText = /\bline (\d+)\b/.exec(match[3]);
  const line = match[2] ? Number(match[2]) : lineInText ? Number(lineInText[1]) : undefined;
  return { relativePath: match[1], line, message: match[3] };
}

export class DataDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DATA_DIAGNOSTICS);
  private generation = 0;
  private last: { checkout?: { uri: vscode.Uri; label: string }; problems?: readonly string[] } = {};

  async update(checkout: { uri: vscode.Uri; label: string } | undefined, problems: readonly string[]): Promise<void> {
    // Every snapshot (a tick, a new day) brings the same problems until the data reloads: nothing to redo.
    if (checkout === this.last.checkout && problems === this.last.problems) return;
    this.last = { checkout, problems };
    const generation = ++this.generation;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of checkout ? problems : []) {
      const located = locateProblem(problem, checkout!.label);
      if (!located) continue;
      // A schema problem names a field (`cycle[2].start: …`): find its line in the file.
      const field = located.line === undefined ? /^([\w-]+(?:\[\d+\]|\.[\w-]+)*):/.exec(located.message)?.[1] : undefined;
      if (field) {
        const text = await optionalText(vscode.Uri.joinPath(checkout!.uri, ...located.relativePath.split('/')));
        located.line = text === undefined ? undefined : yamlReaders().lineOfField(text, field);
      }
      const line = Math.max((located.line ?? 1) - 1, 0);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), located.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Glance Release Cycle';
      byFile.set(located.relativePath, [...(byFile.get(located.relativePath) ?? []), diagnostic]);
    }
    if (generation !== this.generation) return; // a newer update is on its way
    this.collection.clear();
    for (const [relativePath, diagnostics] of byFile) this.collection.set(vscode.Uri.joinPath(checkout!.uri, ...relativePath.split('/')), diagnostics);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

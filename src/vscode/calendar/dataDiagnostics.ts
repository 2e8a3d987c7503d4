// Problems in the releases checkout's data files (series_status.yaml, doc/source/<series>/schedule.yaml)
// go to the Problems view on their file and line, as well as into the status bar's tooltip. The problems
// carry their place: one the parser only knows as a field (`cycle[2].start`) is put on that field's line.
import * as vscode from 'vscode';
import type { Problem } from '../../core/problem';
import { optionalText } from '../documents';
import { yamlReaders } from '../../adapters/lazyReaders';
import { toDiagnostic } from '../problems';

const DATA_DIAGNOSTICS = 'glance-release-data';

export class DataDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DATA_DIAGNOSTICS);
  private generation = 0;
  private last: { checkout?: { uri?: vscode.Uri; label?: string }; problems?: readonly Problem[] } = {};

  async update(checkout: { uri?: vscode.Uri; label?: string }, problems: readonly Problem[]): Promise<void> {
    // Every snapshot (a tick, a new day) brings the same problems until the data reloads: nothing to redo.
    if (checkout === this.last.checkout && problems === this.last.problems) return;
    this.last = { checkout, problems };
    const generation = ++this.generation;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const { uri, label } = checkout;
    for (const problem of uri && label ? problems : []) {
      if (problem.root !== label || problem.file === undefined) continue;
      const file = vscode.Uri.joinPath(uri!, ...problem.file.split('/'));
      let line = problem.line;
      if (line === undefined && problem.field) {
        const text = await optionalText(file);
        line = text === undefined ? undefined : yamlReaders().lineOfField(text, problem.field);
      }
      const diagnostic = toDiagnostic({ ...problem, line, column: undefined }, undefined, 'Glance Release Cycle');
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), diagnostic]);
    }
    if (generation !== this.generation) return; // a newer update is on its way
    this.collection.clear();
    for (const [relativePath, diagnostics] of byFile) this.collection.set(vscode.Uri.joinPath(uri!, ...relativePath.split('/')), diagnostics);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

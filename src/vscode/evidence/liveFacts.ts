// Facts the evidence rules get from live sources rather than files (the bot patches from Gerrit and the
// clones): sources register a reader; the evidence service merges their facts into each evaluation and
// evaluates again when a source says its facts changed.
import * as vscode from 'vscode';
import type { EvidenceFacts } from '../../core/evidence';

export type LiveFactsReader = (series: string) => Partial<Omit<EvidenceFacts, 'deliverables'>>;

export class LiveFacts implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly readers: LiveFactsReader[] = [];

  add(reader: LiveFactsReader): vscode.Disposable {
    this.readers.push(reader);
    return new vscode.Disposable(() => this.readers.splice(this.readers.indexOf(reader), 1));
  }

  /** A source's facts changed: the evidence is evaluated again. */
  fire(): void {
    this.changed.fire();
  }

  read(series: string): Partial<EvidenceFacts> {
    return Object.assign({}, ...this.readers.map((r) => r(series))) as Partial<EvidenceFacts>;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

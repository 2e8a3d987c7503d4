// The YAML reading of a deliverable file, one parse for everyone who needs the document: the release
// team's rules (validation/parse.ts builds their model from it) and the edit guard (editGuard.ts checks
// its shape). Failsafe schema, so `2026.10` stays text; duplicate keys are errors, as in the gate.
// The other reading is line-based (deliverables.ts: readDeliverable, the edits), for the startup bundle
// and the evidence; yamllint's layout rules and schema.yaml's check work on the tokens
// (deliverableValidation.ts).
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface DeliverableYaml {
  doc: Document.Parsed;
  /** The 1-based line of an offset in the text. */
  lineAt(offset: number): number;
}

export function readDeliverableYaml(text: string): DeliverableYaml {
  const counter = new LineCounter();
  // The nodes are walked directly by the readers (never a full toJS), so an alias bomb is never expanded.
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false, lineCounter: counter });
  return { doc, lineAt: (offset) => counter.linePos(offset).line };
}

// The YAML readings of a deliverable file, all from one lex of the text (yaml's CST tokens, kept for
// the last text read, so one validation round lexes a file once):
//   - lexDeliverable: the tokens and line starts, which yamllint's layout rules walk
//     (deliverableValidation.ts);
//   - readDeliverableYaml: the model document, failsafe (`2026.10` stays text; duplicate keys are
//     errors, as in the gate), which the release team's rules (validation/parse.ts) and the edit guard
//     (editGuard.ts) read;
//   - readDeliverableTyped: the document as the gate's check-schema reads it (ruamel.yaml, YAML 1.2:
//     `4.9` is a number, `yes` is text, dates are dates), which schema.yaml is checked against.
// The other reading of the file is line-based (deliverables.ts: readDeliverable and the edits), for
// the startup bundle and the evidence, without YAML.
import { Composer, Parser, YAMLParseError, type Document } from 'yaml';

/** A CST token as yaml's Parser yields it (the fields the layout rules read). */
export interface CstToken {
  type: string;
  offset: number;
  source?: string;
  items?: CstItem[];
  indent?: number;
  value?: CstToken;
  start?: CstToken[];
  end?: CstToken[];
}

interface CstItem {
  start: CstToken[];
  key?: CstToken | null;
  sep?: CstToken[];
  value?: CstToken | null;
}

/** The text once lexed and parsed: what every reading below starts from. */
export interface DeliverableTokens {
  text: string;
  tokens: CstToken[];
  /** The offset where each line starts (line 1 at index 0). */
  starts: number[];
}

export interface DeliverableYaml {
  doc: Document.Parsed;
  /** The 1-based line of an offset in the text. */
  lineAt(offset: number): number;
}

let last: DeliverableTokens | undefined;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** yaml's CST of the text, with its line starts; the last text's is reused (the readings are pure). */
export function lexDeliverable(text: string): DeliverableTokens {
  if (last?.text !== text) last = { text, tokens: [...new Parser().parse(text)] as CstToken[], starts: lineStarts(text) };
  return last;
}

/** The 1-based line and column of an offset. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** The first document of the tokens, as yaml's parseDocument composes it (a second document is an error). */
function compose(lexed: DeliverableTokens, options: ConstructorParameters<typeof Composer>[0]): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(lexed.tokens as Parameters<Composer['compose']>[0], true, lexed.text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/** The model reading: failsafe, duplicate keys are errors. The nodes are walked directly by the readers (never a full toJS), so an alias bomb is never expanded. */
export function readDeliverableYaml(text: string): DeliverableYaml {
  const lexed = lexDeliverable(text);
  const doc = compose(lexed, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  return { doc, lineAt: (offset) => positionIn(lexed.starts, offset).line };
}

/** check-schema's reading: YAML 1.2 with timestamps, as ruamel.yaml gives the gate. */
export function readDeliverableTyped(lexed: DeliverableTokens): Document.Parsed {
  return compose(lexed, { version: '1.2', customTags: ['timestamp'], uniqueKeys: true, prettyErrors: false });
}

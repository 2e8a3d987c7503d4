// Splitting text into lines with their offsets, keeping `\r\n` and `\n` ends intact, so edits can
// touch one line and leave every other byte as it was (commit messages, deliverable files).

export interface Line {
  /** The line without its terminator (and without a trailing `\r`). */
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's text (before `\r\n` / `\n`). */
  end: number;
  /** Whether a line break follows. */
  eol: boolean;
  /** Offset of the next line (after the line break). */
  next: number;
}

/** The lines of `text`; a final line break does not start another line, and '' has no lines. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    const next = nl === -1 ? text.length : nl + 1;
    lines.push({ text: text.slice(start, end), start, end, eol: nl !== -1, next });
    start = next;
  }
  return lines;
}

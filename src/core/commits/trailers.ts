// Commit-message trailers, the way git finds them (trailer.c: find_end_of_log_message,
// find_trailer_block_start, find_separators), and pbr's Sem-Ver pseudo-header (docs/domain.md#sem-ver-header).
// Plain text in, plain text out: the editor glue applies the result as an edit.
import { applyEdits, type TextEdit } from '../textEdit';
import { splitLines, type Line } from '../lines';
import { t } from '../l10n';

/** The values pbr understands, in the order the quick pick offers them. */
export const SEM_VER_VALUES = ['api-break', 'feature', 'deprecation', 'bugfix'] as const;
export type SemVerValue = (typeof SEM_VER_VALUES)[number];

/** One line each on what pbr does with a value (pbr/packaging.py, _get_increment_kwargs). */
export function semVerEffect(value: SemVerValue): string {
  switch (value) {
    case 'api-break':
      return t('pbr bumps the major version, 32.0.0 → 33.0.0 (Glance: the CURRENT_RELEASE change)');
    case 'feature':
      return t('pbr bumps the minor version, 32.0.0 → 32.1.0: a new feature');
    case 'deprecation':
      return t('pbr bumps the minor version, like feature: something is deprecated');
    case 'bugfix':
      return t('pbr bumps the patch version, 32.0.0 → 32.0.1: a fix only (pbr’s default)');
  }
}

const SEM_VER_KEY = 'Sem-Ver';

/** What an empty message gets as its first line, so that the header does not become the subject. */
export const SUBJECT_PLACEHOLDER = 'Summarize the change in one line';

/** Keys that git itself writes; one of them makes a mostly-trailer paragraph count as the trailer block. */
const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];

/** Trailers that conventionally end the block (Gerrit's hook puts Change-Id last): Sem-Ver goes above them. */
const KEEP_LAST = ['change-id', 'signed-off-by'];

export interface MessageOptions {
  /** git's core.commentChar; `#` unless configured otherwise. */
  commentChar?: string;
}

/** The message's lines; an empty message is one empty line (where a subject would go). */
function messageLines(message: string): Line[] {
  const lines = splitLines(message);
  return lines.length ? lines : [{ text: '', start: 0, end: 0, eol: false, next: 0 }];
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * The position of the separator if `text` is a `Token: value` line by git's rule (a token of letters,
 * digits and `-`, optionally followed by blanks, then `:`), else -1.
 */
function trailerSeparator(text: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ':') return i;
    if (!whitespaceFound && /[A-Za-z0-9-]/.test(c)) continue;
    if (i > 0 && (c === ' ' || c === '\t')) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

/** The trailer key of a line (`Change-Id`), or undefined when it is not a `Token: value` line. */
export function trailerKey(text: string): string | undefined {
  const separator = trailerSeparator(text);
  return separator >= 1 && !/^\s/.test(text) ? text.slice(0, separator).trim() : undefined;
}

export interface MessageLayout {
  lines: Line[];
  /** Index of the last line of the message proper (before trailing blank and comment lines), or -1 when empty. */
  last: number;
  /** Index of the first line after the subject paragraph. */
  endOfTitle: number;
  /** Index of the first line of the trailer block, when the last paragraph is one. */
  blockStart?: number;
}

/**
 * commit.c's ignored_log_message_bytes: where the trailing run of comment lines, empty lines and an
 * old-style `Conflicts:` block (tab-indented paths) starts, before `cutoff`.
 */
function ignoredFrom(lines: Line[], cutoff: number, isComment: (text: string) => boolean): number {
  let boc: number | undefined;
  let inConflicts = false;
  for (let i = 0; i < cutoff; i++) {
    const text = lines[i].text;
    if (isComment(text) || text === '') boc ??= i;
    else if (text === 'Conflicts:') {
      inConflicts = true;
      boc ??= i;
    } else if (inConflicts && text.startsWith('\t')) {
      // a path of the conflicts block
    } else {
      boc = undefined;
      inConflicts = false;
    }
  }
  return boc ?? cutoff;
}

/** Where git sees the message end, the subject end and the trailer block. */
export function layout(message: string, options: MessageOptions = {}): MessageLayout {
  const comment = options.commentChar ?? '#';
  const lines = messageLines(message);
  const isComment = (text: string) => text.startsWith(comment);

  // Everything from the scissors line on is ignored (git commit --verbose), then trailing comment and
  // empty lines and an old-style conflicts block; `last` also steps over lines of blanks.
  const scissors = lines.findIndex((l) => isComment(l.text) && l.text.slice(comment.length) === ' ------------------------ >8 ------------------------');
  let last = ignoredFrom(lines, scissors < 0 ? lines.length : scissors, isComment) - 1;
  while (last >= 0 && isBlank(lines[last].text)) last--;

  // The first paragraph is the title and cannot hold trailers: it ends at the first blank line that
  // is not a comment, even the very first line (git: an empty title, the next paragraph is the body).
  let endOfTitle = 0;
  while (endOfTitle <= last && (isComment(lines[endOfTitle].text) || !isBlank(lines[endOfTitle].text))) endOfTitle++;

  return { lines, last, endOfTitle, blockStart: trailerBlockStart(lines, endOfTitle, last, isComment) };
}

/** git's find_trailer_block_start: the last paragraph, when it is made of trailers. */
function trailerBlockStart(lines: Line[], endOfTitle: number, last: number, isComment: (t: string) => boolean): number | undefined {
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuationLines = 0;
  for (let i = last; i >= endOfTitle; i--) {
    const text = lines[i].text;
    if (isComment(text)) {
      nonTrailerLines += possibleContinuationLines;
      possibleContinuationLines = 0;
      continue;
    }
    if (isBlank(text)) {
      nonTrailerLines += possibleContinuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return i + 1;
      if (trailerLines > 0 && nonTrailerLines === 0) return i + 1;
      return undefined;
    }
    if (GIT_GENERATED_PREFIXES.some((p) => text.startsWith(p))) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
    } else if (trailerKey(text) !== undefined) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else if (/^\s/.test(text)) {
      possibleContinuationLines++;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return undefined;
}

/** Trailers of the message's trailer block, as git would list them (`git interpret-trailers --parse`). */
export function trailers(message: string, options: MessageOptions = {}): Array<{ key: string; value: string }> {
  const { lines, last, blockStart } = layout(message, options);
  if (blockStart === undefined) return [];
  const comment = options.commentChar ?? '#';
  const result: Array<{ key: string; value: string }> = [];
  // Continuation lines join the trailer right above them (not a line that is no trailer), and are
  // unfolded as git's unfold_value does: each line break and the blanks after it become one space.
  let current: { key: string; parts: string[] } | undefined;
  const parts: Array<{ key: string; parts: string[] }> = [];
  for (let i = blockStart; i <= last; i++) {
    const text = lines[i].text;
    if (text.startsWith(comment)) continue;
    if (current && /^\s/.test(text)) {
      current.parts.push(text.trim());
      continue;
    }
    const key = trailerKey(text);
    current = key !== undefined ? { key, parts: [text.slice(text.indexOf(':') + 1).trim()] } : undefined;
    if (current) parts.push(current);
  }
  for (const p of parts) result.push({ key: p.key, value: p.parts.filter(Boolean).join(' ') });
  return result;
}

/** pbr's test: any line of the message that, stripped, starts with `sem-ver:` in any case. */
function isSemVerLine(text: string): boolean {
  return text.trim().toLowerCase().startsWith('sem-ver:');
}

/** pbr's symbols of one line: the line lower-cased and stripped, after `sem-ver:`, split at commas. */
function semVerSymbols(text: string): string[] {
  return text.trim().toLowerCase().slice('sem-ver:'.length).split(',').map((v) => v.trim());
}

/** The Sem-Ver values the message already carries (comment lines excluded), in pbr's reading: `API-Break` is api-break. */
export function semVerValues(message: string, options: MessageOptions = {}): string[] {
  const { lines, last } = layout(message, options);
  const comment = options.commentChar ?? '#';
  const values = lines
    .slice(0, last + 1)
    .filter((l) => !l.text.startsWith(comment) && isSemVerLine(l.text))
    .flatMap((l) => semVerSymbols(l.text))
    .filter(Boolean);
  return [...new Set(values)];
}

/**
 * pbr's _get_increment_kwargs over the messages since the last tag: `major` for api-break, `minor`
 * for feature or deprecation (bugfix is the default patch bump), and the symbols pbr ignores.
 */
export function semVerIncrement(messages: readonly string[]): { major?: true; minor?: true; unknown: string[] } {
  const symbols = new Set<string>();
  for (const message of messages) for (const line of message.split('\n')) if (isSemVerLine(line)) for (const s of semVerSymbols(line)) symbols.add(s);
  const result: { major?: true; minor?: true; unknown: string[] } = { unknown: [] };
  if (symbols.delete('feature')) result.minor = true;
  if (symbols.delete('deprecation')) result.minor = true;
  if (symbols.delete('api-break')) result.major = true;
  symbols.delete('bugfix');
  result.unknown = [...symbols];
  return result;
}

/** `Sem-Ver: api-break, feature`, values in pbr's order, unknown ones after them. */
export function semVerHeader(values: readonly string[]): string {
  const unique = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const known = SEM_VER_VALUES.filter((v) => unique.includes(v));
  const other = unique.filter((v) => !(SEM_VER_VALUES as readonly string[]).includes(v));
  if (known.length + other.length === 0) throw new Error(t('A Sem-Ver header needs at least one value.'));
  return `${SEM_VER_KEY}: ${[...known, ...other].join(', ')}`;
}

export interface SetHeaderResult {
  /** The whole message afterwards. */
  text: string;
  /** The edits to the original message (empty when nothing changes). */
  changes: TextEdit[];
  /** Whether an existing Sem-Ver line was rewritten rather than a new one added. */
  updated: boolean;
  /** Whether the subject placeholder was added (an empty message). */
  addedSubject: boolean;
}

/**
 * Puts `Sem-Ver: <values>` into a commit message by git's trailer rules:
 * - an existing `Sem-Ver:` line (any case, as pbr reads it) is rewritten in place, and further ones removed;
 * - else it joins the trailer block at the end, above `Change-Id:` / `Signed-off-by:`;
 * - else it starts a trailer block after the body, one blank line below it;
 * - an empty message gets a subject placeholder first.
 * Comment lines, the scissors line and what follows, and trailing blank lines stay where they are.
 */
export function setSemVer(message: string, values: readonly string[], options: MessageOptions = {}): SetHeaderResult {
  const header = semVerHeader(values);
  const comment = options.commentChar ?? '#';
  const eol = message.includes('\r\n') ? '\r\n' : '\n';
  const { lines, last, blockStart } = layout(message, options);
  const changes: TextEdit[] = [];
  const done = (updated: boolean, addedSubject = false): SetHeaderResult => ({
    text: applyEdits(message, changes),
    changes,
    updated,
    addedSubject,
  });

  if (last < 0) {
    if (isBlank(message)) {
      changes.push({ start: 0, end: message.length, text: `${SUBJECT_PLACEHOLDER}${eol}${eol}${header}` });
    } else {
      changes.push({ start: 0, end: 0, text: `${SUBJECT_PLACEHOLDER}${eol}${eol}${header}${eol}` });
    }
    return done(false, true);
  }

  const existing = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index <= last && !line.text.startsWith(comment) && isSemVerLine(line.text));
  if (existing.length > 0) {
    const [first, ...rest] = existing;
    const indent = /^\s*/.exec(first.line.text)![0];
    if (first.line.text !== indent + header) {
      changes.push({ start: first.line.start, end: first.line.end, text: indent + header });
    }
    for (const { index, line } of rest) {
      // The whole line goes, with one line terminator (the previous one when it is the last line).
      const next = lines[index + 1];
      const from = next ? line.start : lines[index - 1].end;
      changes.push({ start: from, end: next ? next.start : line.end, text: '' });
    }
    return done(true);
  }

  if (blockStart !== undefined) {
    for (let i = blockStart; i <= last; i++) {
      const key = trailerKey(lines[i].text);
      if (key && KEEP_LAST.includes(key.toLowerCase())) {
        changes.push({ start: lines[i].start, end: lines[i].start, text: `${header}${eol}` });
        return done(false);
      }
    }
    changes.push({ start: lines[last].end, end: lines[last].end, text: `${eol}${header}` });
    return done(false);
  }

  // No trailer block: a new paragraph after the last line of the message (the subject alone included).
  changes.push({ start: lines[last].end, end: lines[last].end, text: `${eol}${eol}${header}` });
  return done(false);
}

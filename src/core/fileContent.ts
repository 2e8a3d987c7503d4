import { t } from './l10n';
// Bytes of a user's file turned into text only when it is text: a binary, non-UTF-8 or oversized file
// at a deliverable (or release note) path gets a one-sentence problem naming the file, never a crash
// and never its contents echoed back. Pure: the editor glue reads the bytes, this decides.

export type ReadableText = { text: string; bom: boolean } | { problem: string };

export interface ReadableOptions {
  /** Larger files are refused (default 1 MB: the biggest real deliverable is under 100 KB). */
  maxBytes?: number;
  /** What the file should be, for the message ("YAML", "a release note"). */
  kind?: string;
  /** What the refusal means for the user, ending the sentence. */
  consequence?: string;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Binary detection looks at this much, as git and grep do. */
const SNIFF_BYTES = 8192;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The text of `bytes` (UTF-8, BOM removed and reported so edits can keep it), or why it is not text. */
export function readableText(bytes: Uint8Array, fileLabel: string, options: ReadableOptions = {}): ReadableText {
  const { maxBytes = DEFAULT_MAX_BYTES, kind = 'YAML', consequence = t('nothing was written') } = options;
  if (bytes.length > maxBytes) return { problem: t('{0} is {1}, more than the {2} a {3} file here can be: {4}.', fileLabel, size(bytes.length), size(maxBytes), kind, consequence) };
  const head = bytes.subarray(0, SNIFF_BYTES);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let binary = head.includes(0);
  if (!binary) {
    try {
      // stream: a character cut at the 8 KB boundary is not an error.
      decoder.decode(head, { stream: true });
    } catch {
      binary = true;
    }
  }
  if (binary) return { problem: t('{0} is a binary file, not {1}: {2}.', fileLabel, kind, consequence) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { problem: t('{0} is not valid UTF-8 text: {1}.', fileLabel, consequence) };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/** Characters that must not reach a message as they are: controls, line/paragraph separators, bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"\\]/gu;

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/** `value` in double quotes for a message: escaped, at most `max` characters of it, `…` when cut. */
export function quote(value: string, max = 40): string {
  const chars = [...value];
  const kept = chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') : value;
  const escaped = kept.replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}${chars.length > max ? '…' : ''}"`;
}

/** What a path is when it is not a regular file (the kinds src/adapters/safeRead.ts reports). */
export type NotAFile = 'directory' | 'missing' | 'fifo' | 'socket' | 'device' | 'loop' | 'denied' | 'other';

/**
 * Why a path was not read, naming it and what it is ("is a named pipe, not a file"), ending with what
 * that means for the user. `linkTarget`: the path is a symbolic link to that.
 */
export function notAFileText(fileLabel: string, kind: NotAFile, consequence: string, linkTarget?: string, code?: string): string {
  if (kind === 'loop') return t('{0} is a symbolic link that leads back to itself (a link loop), not a file: {1}.', fileLabel, consequence);
  if (linkTarget !== undefined) {
    const target = quote(linkTarget, 80);
    switch (kind) {
      case 'directory':
        return t('{0} is a symbolic link to the folder {1}, not a file: {2}.', fileLabel, target, consequence);
      case 'fifo':
        return t('{0} is a symbolic link to the named pipe {1}, not a file: {2}.', fileLabel, target, consequence);
      case 'socket':
        return t('{0} is a symbolic link to the socket {1}, not a file: {2}.', fileLabel, target, consequence);
      case 'device':
        return t('{0} is a symbolic link to the device {1}, not a file: {2}.', fileLabel, target, consequence);
      case 'missing':
        return t('{0} is a symbolic link to {1}, which does not exist: {2}.', fileLabel, target, consequence);
      default:
        break;
    }
  }
  switch (kind) {
    case 'directory':
      return t('{0} is a folder, not a file: {1}.', fileLabel, consequence);
    case 'fifo':
      return t('{0} is a named pipe, not a file: {1}.', fileLabel, consequence);
    case 'socket':
      return t('{0} is a socket, not a file: {1}.', fileLabel, consequence);
    case 'device':
      return t('{0} is a device, not a file: {1}.', fileLabel, consequence);
    case 'missing':
      return t('{0} does not exist: {1}.', fileLabel, consequence);
    case 'denied':
      return t('{0} cannot be read (permission denied): {1}.', fileLabel, consequence);
    default:
      return t('{0} could not be read ({1}): {2}.', fileLabel, code ?? t('not a regular file'), consequence);
  }
}

/** Why a file was not read because it is over the cap (its real size is not known: reading stopped). */
export function tooBigText(fileLabel: string, maxBytes: number, kind: string, consequence: string): string {
  return t('{0} is more than {1}, the most a {2} file here can be: {3}.', fileLabel, size(maxBytes), kind, consequence);
}

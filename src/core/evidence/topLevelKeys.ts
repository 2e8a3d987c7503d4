// The column-0 keys of a YAML mapping file, read line by line (no YAML library): what the evidence
// rules check before trusting a line-based reading of a deliverable file or a release note.
import { t } from '../l10n';

export interface TopLevelKey {
  /** Without quotes. */
  name: string;
  /** What follows the colon on its line, comments removed. */
  inline: string;
  /** 0-based. */
  index: number;
}

const TOP_LEVEL = /^([A-Za-z0-9_][\w.-]*|'[^']*'|"[^"]*")[ \t]*:(?=\s|$)(.*)$/;

/** The keys in order, or the first line that makes the file unreadable (a tab, a stray line, a repeated key). */
export function topLevelKeys(lines: readonly string[]): { keys: TopLevelKey[] } | { problem: string } {
  const keys: TopLevelKey[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ *\t/.test(line)) return { problem: t('line {0} is indented with a tab, which YAML does not allow', i + 1) };
    if (line.trim() === '' || /^\s*#/.test(line) || /^(---|\.\.\.)\s*$/.test(line) || /^[\s-]/.test(line)) continue;
    const key = TOP_LEVEL.exec(line);
    if (!key) return { problem: t('line {0} ("{1}") is not a top-level key', i + 1, line.slice(0, 40)) };
    const name = key[1].replace(/^['"]|['"]$/g, '');
    if (seen.has(name)) return { problem: t('the key "{0}" appears twice (line {1})', name, i + 1) };
    seen.add(name);
    keys.push({ name, inline: key[2].replace(/\s#.*$/, '').trim(), index: i });
  }
  return { keys };
}

// Parses what the git adapter asks `git log` for: one record per commit, fields separated by US
// (\x1f), records by RS (\x1e), then --name-status lines. Plain text in, data out; tested on output
// of real repositories.
import type { CommitFile, RawCommit } from './types';

/** The --format the parser expects (keep the two together). */
export const LOG_FORMAT = '%x1e%H%x1f%an%x1f%aI%x1f%s%x1f%b%x1f';

export function parseLog(text: string): RawCommit[] {
  const out: RawCommit[] = [];
  for (const record of text.split('\x1e')) {
    if (!record.trim()) continue;
    const parts = record.split('\x1f');
    if (parts.length < 6) continue;
    const [hash, author, date, subject, body, rest] = [parts[0], parts[1], parts[2], parts[3], parts[4], parts.slice(5).join('\x1f')];
    if (!/^[0-9a-f]{40}$/.test(hash.trim())) continue;
    out.push({ hash: hash.trim(), author, date, subject, body: body.trim(), files: parseNameStatus(rest) });
  }
  return out;
}

/** `M\tpath`, `R100\told\tnew` lines: a rename counts as its new path. */
function parseNameStatus(text: string): CommitFile[] {
  const files: CommitFile[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const fields = line.split('\t');
    if (fields.length < 2) continue;
    const status = fields[0].charAt(0);
    files.push({ status, path: fields[fields.length - 1] });
  }
  return files;
}

// Checks of series_status.yaml's entries before anything is computed from them: an entry that breaks a rule
// is reported (with its line when known) and left out, so one bad entry cannot misplace every date.
import { compareDays } from './days';
import type { SeriesInfo } from './schedule';
import { msg, type Message } from '../l10n';
import { byPlace, type Problem } from '../problem';

export interface SeriesCheck {
  valid: SeriesInfo[];
  /** Without file: the caller knows which file it read. */
  problems: Problem[];
}

export interface EntryPositions {
  /** Entry index -> 1-based line of its `- ` item. */
  lines?: Array<number | undefined>;
  /** Entry index -> the name as written (series_status readers lower-case it). */
  rawNames?: Array<string | undefined>;
}

const RELEASE_ID = /^(\d{4})\.([12])$/;
const NAME = /^[a-z]+$/;
/** Series released before 2023 have no release-id. */
const RELEASE_IDS_FROM = '2023-01-01';

/**
 * Where each top-level entry of series_status.yaml starts and the name it gives, by a plain line scan
 * (the YAML parser drops positions). Block-style lists only, which is what the file uses.
 */
export function scanSeriesStatus(text: string): Required<EntryPositions> {
  const lines: number[] = [];
  const rawNames: Array<string | undefined> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const item = /^-(\s+|$)(.*)$/.exec(line);
    if (item) {
      lines.push(i + 1);
      rawNames.push(undefined);
    }
    const name = /^(?:-\s+|\s+)name:\s*['"]?([^'"#\s]+)/.exec(line);
    if (name && rawNames.length && rawNames[rawNames.length - 1] === undefined && (item || /^\s{1,2}name:/.test(line))) {
      rawNames[rawNames.length - 1] = name[1];
    }
  });
  return { lines, rawNames };
}

/** Rules that one entry breaks on its own. */
function entryProblems(entry: SeriesInfo, rawName: string | undefined): Message[] {
  const problems: Message[] = [];
  const name = rawName ?? entry.name;
  if (!NAME.test(name)) problems.push(msg('series name "{0}" must be one lower-case word (a-z only)', name));
  if (!entry.initialRelease) problems.push(msg('series {0} has no initial-release date, so no date can be placed in it', name));
  const id = entry.releaseId;
  if (id === undefined) {
    if (entry.initialRelease && compareDays(entry.initialRelease, RELEASE_IDS_FROM) >= 0) {
      problems.push(msg('series {0} has no release-id (YYYY.1 or YYYY.2)', name));
    }
    return problems;
  }
  const match = RELEASE_ID.exec(id);
  if (!match) {
    problems.push(msg('series {0}: release-id "{1}" must be YYYY.1 or YYYY.2', name, id));
  } else if (entry.initialRelease) {
    const year = entry.initialRelease.slice(0, 4);
    const half = Number(entry.initialRelease.slice(5, 7)) <= 6 ? '1' : '2';
    if (match[1] !== year || match[2] !== half) {
      problems.push(msg('series {0}: release-id {1} does not match its initial-release {2} (expected {3}.{4})', name, id, entry.initialRelease, year, half));
    }
  }
  return problems;
}

/**
 * Checks series_status.yaml's newest-first entries: names, release-ids, and that release days strictly
 * decrease down the list. For the order, the longest run of entries in order is kept and the others are
 * reported, so one misplaced entry is blamed rather than all its neighbours.
 */
export function checkSeries(entries: SeriesInfo[], positions: EntryPositions = {}): SeriesCheck {
  const problems: Problem[] = [];
  const report = (i: number, message: Message) => problems.push({ rule: 'series-entry', severity: 'warning', message, line: positions.lines?.[i], series: entries[i].name });
  const seen = new Set<string>();
  const candidates: number[] = [];
  entries.forEach((entry, i) => {
    const own = entryProblems(entry, positions.rawNames?.[i]);
    if (seen.has(entry.name)) own.push(msg('series {0} is listed twice; the first entry is used', entry.name));
    seen.add(entry.name);
    own.forEach((m) => report(i, m));
    if (own.length === 0) candidates.push(i);
  });

  // Longest strictly decreasing run of initial-release days (O(n²); the file has a few dozen entries).
  const best: number[] = candidates.map(() => 1);
  const previous: number[] = candidates.map(() => -1);
  for (let b = 0; b < candidates.length; b++) {
    for (let a = 0; a < b; a++) {
      const newer = entries[candidates[a]].initialRelease!;
      const older = entries[candidates[b]].initialRelease!;
      if (compareDays(older, newer) < 0 && best[a] + 1 > best[b]) {
        best[b] = best[a] + 1;
        previous[b] = a;
      }
    }
  }
  const kept = new Set<number>();
  let end = best.indexOf(Math.max(0, ...best));
  while (end >= 0) {
    kept.add(candidates[end]);
    end = previous[end];
  }
  for (const i of candidates) {
    if (kept.has(i)) continue;
    const entry = entries[i];
    report(i, msg('series {0} (initial-release {1}) is out of date order: the list goes newest first', entry.name, entry.initialRelease ?? ''));
  }
  const valid = entries.filter((_, i) => kept.has(i));
  problems.sort(byPlace);
  return { valid, problems };
}

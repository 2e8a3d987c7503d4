// Which schedule data to trust, in order: a releases checkout in the workspace (the team's own, maybe with
// unmerged changes), upstream data checked within the day, the cached copy however old, the bundled data.
// Also the tooltip's line saying where the data came from.
import { t } from '../l10n';
import { agoText, monthYear, shortDate } from './dateText';

export type ScheduleSource =
  | { kind: 'checkout'; folder: string }
  | { kind: 'upstream'; host: string; checkedAt: Date }
  | { kind: 'cache'; host: string; fetchedAt: Date; problem?: string }
  | { kind: 'bundled'; builtAt: Date };

export interface SourceCandidates {
  checkout?: { folder: string };
  /** The upstream store's answer for series_status.yaml (UpstreamResult). */
  upstream?: { text?: string; source: 'upstream' | 'cache'; fetchedAt?: Date; problem?: string };
  host?: string;
  bundled: { builtAt: Date };
}

/** The most trusted source that has data. */
export function chooseSource(c: SourceCandidates): ScheduleSource {
  if (c.checkout) return { kind: 'checkout', folder: c.checkout.folder };
  const up = c.upstream;
  const host = c.host ?? 'upstream';
  if (up?.text !== undefined && up.fetchedAt) {
    if (up.source === 'upstream') return { kind: 'upstream', host, checkedAt: up.fetchedAt };
    return { kind: 'cache', host, fetchedAt: up.fetchedAt, problem: up.problem };
  }
  return { kind: 'bundled', builtAt: c.bundled.builtAt };
}

/** The tooltip's source line. */
export function sourceLine(source: ScheduleSource, now: Date): string {
  switch (source.kind) {
    case 'checkout':
      return t('releases checkout {0}', source.folder);
    case 'upstream':
      return t('from {0}, checked {1}', source.host, agoText(source.checkedAt, now));
    case 'cache':
      return t('cached copy from {0}, offline{1}', shortDate(source.fetchedAt, now), source.problem ? ` (${source.problem})` : '');
    case 'bundled':
      return t('bundled with the extension ({0})', monthYear(source.builtAt));
  }
}

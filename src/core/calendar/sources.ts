import { t } from '../l10n';
// Which schedule data to trust, in order: a releases checkout in the workspace (the team's own, maybe with
// unmerged changes), upstream data checked within the day, the cached copy however old, the bundled data.
// Also the tooltip's line saying where the data came from.

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "just now", "12 min ago", "3 h ago", "5 days ago". */
export function agoText(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return t('{0} days ago', Math.floor(hours / 24));
}

/** "12 Oct", with the year when it is not this year's. */
function dayText(date: Date, now: Date): string {
  const text = `${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return date.getFullYear() === now.getFullYear() ? text : `${text} ${date.getFullYear()}`;
}

/** The tooltip's source line. */
export function sourceLine(source: ScheduleSource, now: Date): string {
  switch (source.kind) {
    case 'checkout':
      return t('releases checkout {0}', source.folder);
    case 'upstream':
      return t('from {0}, checked {1}', source.host, agoText(source.checkedAt, now));
    case 'cache':
      return t('cached copy from {0}, offline{1}', dayText(source.fetchedAt, now), source.problem ? ` (${source.problem})` : '');
    case 'bundled':
      return t('bundled with the extension ({0} {1})', MONTHS[source.builtAt.getMonth()], source.builtAt.getFullYear());
  }
}

// When an unanswered release-team proposal merges: the release team merges proposals nobody from the
// team answered on the Friday of the week they were proposed in (doc/source/process.rst in
// openstack/releases). Pure; dates in UTC, like Gerrit's.
import { t } from '../l10n';
import { time, type ReviewChange } from '../gerrit/gerrit';

const DAY_MS = 24 * 3600 * 1000;

/** The Friday of the (Monday to Sunday) week of `day`; a weekend proposal waits for the next Friday. */
export function mergeFriday(day: Date): Date {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = d.getUTCDay(); // 0 Sunday .. 6 Saturday
  const toFriday = weekday === 6 ? 6 : weekday === 0 ? 5 : 5 - weekday;
  return new Date(d.getTime() + toFriday * DAY_MS);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Fri 12 Mar" */
export function shortDay(d: Date): string {
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/**
 * "merges Fri 12 Mar unless the team answers" for a proposal the team did not make and did not answer,
 * up to and including that Friday; undefined otherwise.
 */
export function autoMergeText(change: ReviewChange, proposedByTeam: boolean, answeredByTeam: boolean, now: Date): string | undefined {
  if (proposedByTeam || answeredByTeam) return undefined;
  const since = time(change.created) ?? time(change.updated);
  if (since === undefined) return undefined;
  const friday = mergeFriday(new Date(since));
  if (now.getTime() >= friday.getTime() + DAY_MS) return undefined;
  return t('merges {0} unless the team answers', shortDay(friday));
}

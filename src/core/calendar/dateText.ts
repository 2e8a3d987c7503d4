// Dates as text, the one place for it: the tree's week spans, the status bar's deadlines, "3 days ago" and
// the data-source line. English by hand: date-fns' format() would pull its whole locale machinery into the
// bundle, and the first Intl.DateTimeFormat costs milliseconds on the status bar's first update. In another
// display language (src/core/l10n.ts's currentLanguage) the dates come from Intl.DateTimeFormat, made once.
import { currentLanguage, t, tPlural } from '../l10n';
import { fromDay, type Day } from './days';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Style = 'long' | 'dayMonth' | 'dayMonthYear' | 'monthYear';
const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'short' },
  dayMonthYear: { day: 'numeric', month: 'short', year: 'numeric' },
  monthYear: { month: 'short', year: 'numeric' },
};
let formats: { language: string; byStyle: Map<Style, Intl.DateTimeFormat | undefined> } | undefined;

/** The display language's format, or undefined for English (and for a language Intl does not know, e.g. qps-ploc). */
function localFormat(style: Style): Intl.DateTimeFormat | undefined {
  const language = currentLanguage();
  if (!language || language === 'en' || language.startsWith('en-')) return undefined;
  if (formats?.language !== language) formats = { language, byStyle: new Map() };
  if (!formats.byStyle.has(style)) {
    let made: Intl.DateTimeFormat | undefined;
    try {
      // Only with the language's own data: Intl would write a language it has no data for in en-US.
      if (Intl.DateTimeFormat.supportedLocalesOf(language).length) made = new Intl.DateTimeFormat(language, OPTIONS[style]);
    } catch {
      made = undefined;
    }
    formats.byStyle.set(style, made);
  }
  return formats.byStyle.get(style);
}

function english(date: Date, style: Style): string {
  const dayMonth = `${date.getDate()} ${MONTHS[date.getMonth()]}`;
  switch (style) {
    case 'long':
      return `${WEEKDAYS[date.getDay()]} ${dayMonth} ${date.getFullYear()}`;
    case 'dayMonth':
      return dayMonth;
    case 'dayMonthYear':
      return `${dayMonth} ${date.getFullYear()}`;
    case 'monthYear':
      return `${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  }
}

function dateText(date: Date, style: Style): string {
  return localFormat(style)?.format(date) ?? english(date, style);
}

/** "Thu 14 Jan 2027" */
export function longDay(day: Day): string {
  return dateText(fromDay(day), 'long');
}

/** "14 Jan" */
export function dayMonth(day: Day): string {
  return dateText(fromDay(day), 'dayMonth');
}

/** "12–18 Jan", "28 Sep – 4 Oct": a span of days, short enough for a tree row. */
export function spanText(from: Day, to: Day): string {
  if (from === to) return dayMonth(from);
  const a = fromDay(from);
  const b = fromDay(to);
  const local = localFormat('dayMonth');
  if (local) return local.formatRange(a, b);
  return a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear() ? `${a.getDate()}–${dayMonth(to)}` : `${dayMonth(from)} – ${dayMonth(to)}`;
}

/** "12 Oct", with the year when it is not `now`'s. */
export function shortDate(date: Date, now: Date): string {
  return dateText(date, date.getFullYear() === now.getFullYear() ? 'dayMonth' : 'dayMonthYear');
}

/** "Nov 2026" */
export function monthYear(date: Date): string {
  return dateText(date, 'monthYear');
}

/** "today", "tomorrow", "in 50 days", "3 days ago" for a distance in calendar days. */
export function distanceText(n: number): string {
  if (n === 0) return t('today');
  if (n === 1) return t('tomorrow');
  if (n === -1) return t('yesterday');
  return n > 0 ? tPlural(n, 'in {0} day', 'in {0} days', n) : tPlural(-n, '{0} day ago', '{0} days ago', -n);
}

/** "just now", "12 min ago", "3 h ago", "5 days ago". */
export function agoText(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('{0} h ago', hours);
  const days = Math.floor(hours / 24);
  return tPlural(days, '{0} day ago', '{0} days ago', days);
}

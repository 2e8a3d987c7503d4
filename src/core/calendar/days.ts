// Calendar days as 'YYYY-MM-DD' strings: schedules are day-granular, so no time zones leak in.
// Their texts ("Thu 14 Jan 2027", "in 3 days") are dateText.ts.
import { addDays, differenceInCalendarDays, isValid, parseISO, startOfISOWeek } from 'date-fns';

export type Day = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && DAY_PATTERN.test(value) && isValid(parseISO(value));
}

/**
 * Orders 'YYYY-MM-DD' days. A plain comparison, not localeCompare: the first localeCompare call builds
 * an ICU collator (about 15 ms), which would land on the status bar's first update.
 */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toDay(date: Date): Day {
  // By hand rather than lightFormat(): this runs for every week of every schedule, and is this simple.
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Local midnight of a valid day. Built directly rather than with parseISO: this runs for every week
 * of every schedule, and parseISO's general ISO-8601 parser costs most of the first phase computation.
 */
export function fromDay(day: Day): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function addDaysTo(day: Day, days: number): Day {
  return toDay(addDays(fromDay(day), days));
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: Day): Day {
  return toDay(startOfISOWeek(fromDay(day)));
}

export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(fromDay(to), fromDay(from));
}

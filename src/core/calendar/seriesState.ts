// Where each series stands on a given day, worked out from dates (the schedule's first week, the release day,
// next-phase dates) rather than from series_status.yaml's `status:` field, which upstream updates late.
import { compareDays, type Day } from './days';
import { longDay } from './dateText';
import type { Schedule, SeriesInfo } from './schedule';
import { t } from '../l10n';

type SeriesStateKind = 'future' | 'development' | 'released';

export interface SeriesState {
  name: string;
  releaseId?: string;
  kind: SeriesStateKind;
  /** "starts Mon 5 Oct 2026", "in development", "released on Wed 30 Sep 2026", "maintained", "unmaintained", "end of life". */
  label: string;
  /** First day of its schedule (or the day after the previous series' release). */
  start?: Day;
  release?: Day;
  /** After release: maintained, unmaintained or end of life, per dates and the support status upstream gives. */
  support?: string;
}

/** Support phases only move forward; the `status:` field is trusted only to say a series is further along. */
const SUPPORT_ORDER = ['maintained', 'extended maintenance', 'unmaintained', 'end of life'];

function firstNamedMonday(schedule: Schedule | undefined): Day | undefined {
  return schedule?.weeks.find((w) => w.name)?.monday;
}

/** The release day: series_status' initial-release, else the schedule's last named week. */
function releaseOf(info: SeriesInfo, schedule: Schedule | undefined): Day | undefined {
  if (info.initialRelease) return info.initialRelease;
  const named = schedule?.weeks.filter((w) => w.name) ?? [];
  return named.length ? named[named.length - 1].thursday : undefined;
}

function supportAt(info: SeriesInfo, today: Day): string {
  let support = 'maintained';
  const later = (candidate: string | undefined) => {
    const at = candidate ? SUPPORT_ORDER.indexOf(candidate) : -1;
    if (at > SUPPORT_ORDER.indexOf(support)) support = candidate!;
  };
  if (info.nextPhase?.date && compareDays(info.nextPhase.date, today) <= 0) later(info.nextPhase.status);
  later(info.status);
  return support;
}

/**
 * The state of every series on `today`, newest first. `series` is series_status.yaml's list; `schedules`
 * those known (a series without one starts the day after the previous release).
 */
export function seriesStates(series: SeriesInfo[], schedules: Schedule[], today: Day): SeriesState[] {
  const bySeries = new Map(schedules.map((s) => [s.series, s]));
  const withDates = series.map((info) => {
    const schedule = bySeries.get(info.name);
    return { info, schedule, release: releaseOf(info, schedule) };
  });
  // Newest first by release day; series without any date keep their place at the top (announced, not planned).
  withDates.sort((a, b) => (a.release && b.release ? compareDays(b.release, a.release) : a.release ? 1 : b.release ? -1 : 0));
  const newestReleased = withDates.find((s) => s.release && compareDays(s.release, today) <= 0)?.info.name;

  return withDates.map(({ info, schedule, release }, i): SeriesState => {
    const older = withDates.slice(i + 1).find((s) => s.release)?.release;
    const start = firstNamedMonday(schedule) ?? older;
    const base = { name: info.name, releaseId: info.releaseId, start, release };
    if (start && compareDays(today, start) < 0) return { ...base, kind: 'future', label: `starts ${longDay(start)}` };
    if (!release || compareDays(today, release) < 0) {
      // No start known and no release yet: only a series upstream calls future is future.
      if (!start && info.status === 'future') return { ...base, kind: 'future', label: 'future' };
      return { ...base, kind: 'development', label: t('in development') };
    }
    const support = supportAt(info, today);
    const label = support === 'maintained' && info.name === newestReleased ? t('released on {0}', longDay(release)) : support;
    return { ...base, kind: 'released', label, support };
  });
}

/** The one state of a series, or undefined when series_status.yaml does not list it. */
export function seriesStateOf(name: string, series: SeriesInfo[], schedules: Schedule[], today: Day): SeriesState | undefined {
  return seriesStates(series, schedules, today).find((s) => s.name === name);
}

// Series and their week-by-week schedules, as plain data. Parsing from YAML text lives in
// scheduleYaml.ts so that the extension's startup bundle carries no YAML parser.
import { addDaysTo, compareDays, isDay, mondayOf, type Day } from './days';
import { FieldReader } from '../dataErrors';
import { t } from '../l10n';

export interface Week {
  start: Day;
  end: Day;
  /** R-24 … R+0; the first week of a file may have none. */
  name?: string;
  /** Event ids (x-project and project-specific), e.g. i-1, i-vptg, h-final. */
  events: string[];
  /** The week as it counts: Monday to Sunday (files list Monday–Friday); deadlines are its Thursday.
   * Worked out once when the file is read, so the phase computation does no date parsing. */
  monday: Day;
  thursday: Day;
  sunday: Day;
}

export interface Schedule {
  /** Lower-case code name. */
  series: string;
  weeks: Week[];
  /** Event id -> section title in schedule.rst ("Indri-2 milestone"), when known. */
  eventTitles: Record<string, string>;
}

export interface SeriesInfo {
  name: string;
  /** Text, never a number: 2026.10 is not 2026.1. Missing before 2023. */
  releaseId?: string;
  status: string;
  initialRelease?: Day;
  nextPhase?: { status: string; date?: Day };
}

/** Everything the phase computation needs: what series_status.yaml and the schedules say. */
export interface ScheduleSet {
  series: SeriesInfo[];
  schedules: Schedule[];
  /** Where the data came from, for messages: "bundled schedule data" or the checkout's folder name. */
  origin: string;
}

function day(r: FieldReader, value: unknown, field: string): Day {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!isDay(text)) r.fail(field, t('expected a date YYYY-MM-DD, got {0}', JSON.stringify(text ?? null)));
  return text;
}

/** Validates one parsed schedule.yaml (any key order, quoted or unquoted dates). */
export function validateSchedule(series: string, data: unknown, source: string, eventTitles: Record<string, string> = {}): Schedule {
  const r = new FieldReader(source);
  const root = r.mapping(data, '(root)');
  const weeks = r.list(root.cycle, 'cycle').map((raw, i): Week => {
    const at = `cycle[${i}]`;
    const week = r.mapping(raw, at);
    const events = [
      ...r.optionalList(week['x-project'], `${at}.x-project`),
      ...r.optionalList(week['project-specific'], `${at}.project-specific`),
    ].map((e, j) => r.text(e, `${at} event ${j}`));
    const start = day(r, week.start, `${at}.start`);
    const monday = mondayOf(start);
    return {
      start,
      end: day(r, week.end, `${at}.end`),
      name: r.optionalText(week.name, `${at}.name`),
      events,
      monday,
      thursday: addDaysTo(monday, 3),
      sunday: addDaysTo(monday, 6),
    };
  });
  if (!weeks.some((w) => w.name)) r.fail('cycle', t('no week has a name (R-n), so no date belongs to this series'));
  const x = series.charAt(0).toLowerCase();
  const milestones = [`${x}-1`, `${x}-2`, `${x}-3`, `${x}-rc1`, `${x}-final`];
  if (!weeks.some((w) => w.events.some((e) => milestones.includes(e)))) {
    r.fail('cycle', t('none of the events {0} is listed, so no phase can be placed', milestones.join(', ')));
  }
  weeks.sort((a, b) => compareDays(a.start, b.start));
  return { series: series.toLowerCase(), weeks, eventTitles };
}

/** Validates parsed data/series_status.yaml. */
export function validateSeriesStatus(data: unknown, source: string): SeriesInfo[] {
  const r = new FieldReader(source);
  return r.list(data, '(root)').map((raw, i): SeriesInfo => {
    const at = `[${i}]`;
    const entry = r.mapping(raw, at);
    const next = entry['next-phase'] === undefined ? undefined : r.mapping(entry['next-phase'], `${at}.next-phase`);
    return {
      name: r.text(entry.name, `${at}.name`).toLowerCase(),
      releaseId: r.optionalText(entry['release-id'], `${at}.release-id`),
      status: r.text(entry.status, `${at}.status`),
      initialRelease:
        entry['initial-release'] === undefined ? undefined : day(r, entry['initial-release'], `${at}.initial-release`),
      nextPhase: next && {
        status: r.text(next.status, `${at}.next-phase.status`),
        date: next.date === undefined ? undefined : day(r, next.date, `${at}.next-phase.date`),
      },
    };
  });
}

/**
 * Section titles of schedule.rst by label: `.. _i-2:` followed by a titled section
 * gives { 'i-2': 'Indri-2 milestone' }. Labels that are link targets are ignored.
 */
export function scheduleRstTitles(rst: string): Record<string, string> {
  const titles: Record<string, string> = {};
  const lines = rst.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const label = /^\.\. _([\w-]+):\s*$/.exec(lines[i]);
    if (!label) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const title = lines[j]?.trim();
    const underline = lines[j + 1]?.trim() ?? '';
    if (title && /^([-=~^"'`#*+])\1+$/.test(underline)) titles[label[1]] = title;
  }
  return titles;
}

/**
 * Merges sets: a later set wins for a series both know (the checkout is newer than the bundled data).
 * Series keep series_status.yaml's newest-first order: the override's list first (it may know a newer
 * series than the bundle), then the series only the base knows.
 */
export function mergeScheduleSets(base: ScheduleSet, override: ScheduleSet): ScheduleSet {
  const overrideNames = new Set(override.series.map((s) => s.name));
  const series = [...override.series, ...base.series.filter((s) => !overrideNames.has(s.name))];
  const schedules = new Map(base.schedules.map((s) => [s.series, s]));
  for (const s of override.schedules) schedules.set(s.series, s);
  return { series, schedules: [...schedules.values()], origin: override.origin };
}

export function seriesInfo(set: ScheduleSet, name: string): SeriesInfo | undefined {
  return set.series.find((s) => s.name === name);
}

/** Series the user can pick: series_status.yaml's newest-first list, then any series known only by a schedule. */
export function knownSeries(set: ScheduleSet): string[] {
  const names = new Set(set.series.map((s) => s.name));
  const scheduleOnly = set.schedules.filter((s) => !names.has(s.series)).sort((a, b) => compareDays(b.weeks[0].start, a.weeks[0].start));
  return [...names, ...scheduleOnly.map((s) => s.series)];
}

// Paths and loaders shared by the unit tests (plain Node, no VS Code).
import * as fs from 'fs';
import * as path from 'path';
import { validateChecklist, type Checklist } from '../../src/core/checklist/checklist';
import { scheduleRstTitles, type ScheduleSet } from '../../src/core/calendar/schedule';
import { parseSchedule, parseSeriesStatus, parseYamlText } from '../../src/core/calendar/scheduleYaml';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures');
const releasesFixture = path.join(fixtures, 'releases');

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(fixtures, ...parts), 'utf8');
}

export function loadChecklist(): Checklist {
  const file = path.join(repoRoot, 'resources', 'release-cycle.yaml');
  return validateChecklist(parseYamlText(fs.readFileSync(file, 'utf8'), file));
}

/** The real hibiscus and indri schedules and series_status.yaml of the releases fixture. */
export function realScheduleSet(): ScheduleSet {
  const doc = (series: string, file: string) => fs.readFileSync(path.join(releasesFixture, 'doc', 'source', series, file), 'utf8');
  const schedules = ['hibiscus', 'indri'].map((series) =>
    parseSchedule(series, doc(series, 'schedule.yaml'), `${series}/schedule.yaml`, scheduleRstTitles(doc(series, 'schedule.rst'))),
  );
  const series = parseSeriesStatus(fs.readFileSync(path.join(releasesFixture, 'data', 'series_status.yaml'), 'utf8'), 'series_status.yaml');
  return { series, schedules, origin: 'fixture' };
}

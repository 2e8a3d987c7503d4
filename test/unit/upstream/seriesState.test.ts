import * as assert from 'node:assert/strict';
import { scheduleRstTitles, type SeriesInfo } from '../../../src/core/calendar/schedule';
import { parseSchedule, parseSeriesStatus } from '../../../src/core/calendar/scheduleYaml';
import { seriesStateOf, seriesStates } from '../../../src/core/calendar/seriesState';
import { fixtureText, SERIES } from './server';

const series = parseSeriesStatus(fixtureText('data/series_status.yaml'), 'series_status.yaml');
const schedules = SERIES.map((s) =>
  parseSchedule(s, fixtureText(`doc/source/${s}/schedule.yaml`), s, scheduleRstTitles(fixtureText(`doc/source/${s}/schedule.rst`))),
);
const labels = (day: string, names: string[]) =>
  Object.fromEntries(seriesStates(series, schedules, day).filter((s) => names.includes(s.name)).map((s) => [s.name, s.label]));

describe('series states from dates, not from the status: field', () => {
  it('2026-11-25: indri in development (status says future), hibiscus just released, older ones maintained or further', () => {
    assert.deepEqual(labels('2026-11-25', ['indri', 'hibiscus', 'gazpacho', 'epoxy', 'dalmatian']), {
      indri: 'in development',
      hibiscus: 'released on Wed 30 Sep 2026',
      gazpacho: 'maintained',
      epoxy: 'unmaintained', // next-phase unmaintained on 2026-10-02
      dalmatian: 'end of life',
    });
  });

  it('2026-06-01: indri starts with its first week, hibiscus in development, gazpacho the newest release', () => {
    assert.deepEqual(labels('2026-06-01', ['indri', 'hibiscus', 'gazpacho', 'epoxy']), {
      indri: 'starts Mon 5 Oct 2026',
      hibiscus: 'in development',
      gazpacho: 'released on Wed 1 Apr 2026',
      epoxy: 'maintained',
    });
    const indri = seriesStateOf('indri', series, schedules, '2026-06-01')!;
    assert.equal(indri.kind, 'future');
    assert.equal(indri.start, '2026-10-05');
    assert.equal(indri.release, '2027-03-24');
  });

  it('the release day itself counts as released; the day before as in development', () => {
    assert.equal(seriesStateOf('hibiscus', series, schedules, '2026-09-29')!.label, 'in development');
    assert.equal(seriesStateOf('hibiscus', series, schedules, '2026-09-30')!.label, 'released on Wed 30 Sep 2026');
  });

  it('a series without a schedule starts the day after its predecessor\'s release', () => {
    const withJasmine: SeriesInfo[] = [{ name: 'jasmine', releaseId: '2027.2', status: 'future', initialRelease: '2027-09-29' }, ...series];
    assert.equal(seriesStateOf('jasmine', withJasmine, schedules, '2027-01-04')!.label, 'starts Wed 24 Mar 2027');
    assert.equal(seriesStateOf('jasmine', withJasmine, schedules, '2027-05-03')!.label, 'in development');
  });

  it('orders newest first by release day, whatever the list order', () => {
    const shuffled = [...series].reverse();
    assert.deepEqual(seriesStates(shuffled, schedules, '2026-11-25').slice(0, 4).map((s) => s.name), ['indri', 'hibiscus', 'gazpacho', 'flamingo']);
  });
});

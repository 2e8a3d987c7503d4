// Every date of every known series gets a phase when the schedules are parsed on demand (what the
// API's phaseOn does over a checkout or upstream data): each Monday, Thursday and Sunday from
// January 2023 to April 2027, Antelope to Indri, from the real schedules of the fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDaysTo } from '../../../src/core/calendar/days';
import { phaseAt } from '../../../src/core/calendar/phase';
import { SeriesCatalog } from '../../../src/core/calendar/seriesCatalog';
import { parseSchedule, parseSeriesStatus } from '../../../src/core/calendar/scheduleYaml';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/upstream');

function catalog(): SeriesCatalog {
  return new SeriesCatalog({
    series: parseSeriesStatus(fs.readFileSync(path.join(ROOT, 'data/series_status.yaml'), 'utf8'), 'data/series_status.yaml'),
    read: async (rel) => (fs.existsSync(path.join(ROOT, rel)) ? fs.readFileSync(path.join(ROOT, rel), 'utf8') : undefined),
    parse: parseSchedule,
  });
}

describe('calendar: a phase for every date of every known series, parsed on demand', () => {
  it('answers for each Monday, Thursday and Sunday from 2023-01-02 to 2027-04-25', async () => {
    const c = catalog();
    const days: string[] = [];
    for (let monday = '2023-01-02'; monday <= '2027-04-25'; monday = addDaysTo(monday, 7)) days.push(monday, addDaysTo(monday, 3), addDaysTo(monday, 6));
    const unanswered: string[] = [];
    const series = new Set<string>();
    for (const day of days) {
      const result = phaseAt(day, await c.setFor(day, 'fixture'));
      if (result.kind === 'phase') series.add(result.series);
      else unanswered.push(day);
    }
    assert.deepEqual(unanswered, []);
    assert.equal(days.length, 675);
    assert.deepEqual([...series].sort(), ['antelope', 'bobcat', 'caracal', 'dalmatian', 'epoxy', 'flamingo', 'gazpacho', 'hibiscus', 'indri']);
  });
});

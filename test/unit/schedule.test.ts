import * as assert from 'node:assert/strict';
import { DataError } from '../../src/core/dataErrors';
import { knownSeries, mergeScheduleSets, scheduleRstTitles } from '../../src/core/calendar/schedule';
import { parseSchedule, parseSeriesStatus } from '../../src/core/calendar/scheduleYaml';
import { readFixture, realScheduleSet } from './helpers';

describe('schedule files', () => {
  it('reads quoted dates (indri) and other key orders', () => {
    const quoted = parseSchedule('indri', readFixture('releases/doc/source/indri/schedule.yaml'), 'indri');
    const reordered = parseSchedule(
      'indri',
      `cycle:
- name: R-1
  end: 2027-03-19
  start: 2027-03-15
  project-specific: [i-glance-x]
  x-project:
  - i-finalrc
- x-project: [i-final]
  start: '2027-03-22'
  name: R+0
  end: '2027-03-26'
release-week: 2027-03-22
start-week: 2026-10-05
`,
      'reordered',
    );
    assert.equal(quoted.weeks.length, 26);
    assert.deepEqual(quoted.weeks[0], {
      start: '2026-09-28', end: '2026-10-02', name: undefined, events: ['h-final'],
      monday: '2026-09-28', thursday: '2026-10-01', sunday: '2026-10-04',
    });
    assert.deepEqual(reordered.weeks, [
      { start: '2027-03-15', end: '2027-03-19', name: 'R-1', events: ['i-finalrc', 'i-glance-x'], monday: '2027-03-15', thursday: '2027-03-18', sunday: '2027-03-21' },
      { start: '2027-03-22', end: '2027-03-26', name: 'R+0', events: ['i-final'], monday: '2027-03-22', thursday: '2027-03-25', sunday: '2027-03-28' },
    ]);
    // A week listed from a Tuesday still counts from its Monday.
    const tuesday = parseSchedule('indri', 'cycle:\n  - start: 2026-11-17\n    end: 2026-11-20\n    name: R-18\n    x-project: [i-1]\n', 'x');
    assert.deepEqual([tuesday.weeks[0].monday, tuesday.weeks[0].thursday, tuesday.weeks[0].sunday], ['2026-11-16', '2026-11-19', '2026-11-22']);
  });

  it('reads unquoted dates the same as quoted ones', () => {
    const text = readFixture('releases/doc/source/hibiscus/schedule.yaml');
    const unquoted = text.replace(/'(\d{4}-\d{2}-\d{2})'/g, '$1');
    assert.notEqual(unquoted, text);
    assert.deepEqual(parseSchedule('hibiscus', unquoted, 'x'), parseSchedule('hibiscus', text, 'x'));
  });

  it('names the file and the field of malformed data', () => {
    const cases: Array<[string, RegExp]> = [
      ['cycle:\n  - start: 2026-13-45\n    end: 2026-10-09\n    name: R-1\n', /^bad\.yaml: cycle\[0\]\.start: expected a date YYYY-MM-DD, got "2026-13-45"$/],
      ['cycle:\n  - end: 2026-10-09\n    name: R-1\n', /cycle\[0\]\.start: expected a date/],
      ['cycle: {}\n', /^bad\.yaml: cycle: expected a list, got a mapping$/],
      ['cycle:\n  - start: 2026-10-05\n    end: 2026-10-09\n', /cycle: no week has a name/],
      ['cycle:\n  - start: 2026-10-05\n    end: 2026-10-09\n    name: R-1\n    x-project: [h-final]\n', /^bad\.yaml: cycle: none of the events i-1, i-2, i-3, i-rc1, i-final is listed/],
      ['cycle: [\n', /^bad\.yaml: \(YAML\): /],
      ['', /\(root\): expected a mapping/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseSchedule('indri', text, 'bad.yaml'), (e: unknown) => e instanceof DataError && message.test(e.message), text);
    }
  });

  it('reads series_status.yaml with release-ids as text', () => {
    const series = parseSeriesStatus(readFixture('releases/data/series_status.yaml'), 'series_status.yaml');
    assert.deepEqual(series[0], { name: 'indri', releaseId: '2027.1', status: 'future', initialRelease: '2027-03-24', nextPhase: { status: 'development', date: '2026-10-01' } });
    assert.equal(parseSeriesStatus('- name: zeta\n  release-id: 2026.10\n  status: future\n', 'x')[0].releaseId, '2026.10');
    assert.equal(series.find((s) => s.name === 'zed')?.releaseId, undefined, 'series before 2023 have none');
    assert.throws(() => parseSeriesStatus('- name: x\n', 'ss.yaml'), /^DataError: |ss\.yaml: \[0\]\.status: expected text/);
  });

  it('takes section titles from schedule.rst labels', () => {
    const titles = scheduleRstTitles(readFixture('releases/doc/source/indri/schedule.rst'));
    assert.equal(titles['i-2'], 'Indri-2 milestone');
    assert.equal(titles['i-vptg'], 'PTG (virtual)');
    assert.equal(titles['i-final'], '2027.1 Indri release');
    assert.equal(titles['release:cycle-with-rc'], undefined, 'a link target is not a section');
  });

  it('lets a checkout win over bundled data for a series both know', () => {
    const bundled = realScheduleSet();
    const indri = bundled.schedules.find((s) => s.series === 'indri')!;
    const moved = { ...indri, weeks: indri.weeks.map((w) => ({ ...w, events: w.events.map((e) => (e === 'i-2' ? 'i-3' : e)) })) };
    const merged = mergeScheduleSets(bundled, { series: [], schedules: [moved], origin: 'releases' });
    assert.equal(merged.schedules.find((s) => s.series === 'indri'), moved);
    assert.ok(merged.schedules.some((s) => s.series === 'hibiscus'));
    assert.equal(merged.origin, 'releases');
    assert.deepEqual(knownSeries(merged).slice(0, 3), ['indri', 'hibiscus', 'gazpacho']);
  });

  it('puts a series only the checkout knows first, in series_status order', () => {
    const bundled = realScheduleSet();
    const checkoutSeries = [{ name: 'juniper', releaseId: '2027.2', status: 'future' }, ...bundled.series.slice(0, 2)];
    const merged = mergeScheduleSets(bundled, { series: checkoutSeries, schedules: [], origin: 'releases' });
    assert.deepEqual(merged.series.slice(0, 4).map((s) => s.name), ['juniper', 'indri', 'hibiscus', 'gazpacho']);
    assert.equal(merged.series.length, bundled.series.length + 1);
    assert.deepEqual(knownSeries(merged).slice(0, 3), ['juniper', 'indri', 'hibiscus']);
    assert.deepEqual(knownSeries({ series: [], schedules: bundled.schedules, origin: 'x' }), ['indri', 'hibiscus'], 'schedule-only series, newest first');
  });
});

describe('YAML error messages', () => {
  it('say the line and column in one sentence, without quoting the file', async () => {
    const { parseYamlText } = await import('../../src/core/calendar/scheduleYaml');
    const secret = 'team: glance\n\tsecret-token-here: x\n';
    assert.throws(
      () => parseYamlText(secret, 'deliverables/indri/glance.yaml'),
      (error: Error) => /^deliverables\/indri\/glance\.yaml: \(YAML\): line 2, column 1: /.test(error.message) && !error.message.includes('secret-token') && !error.message.endsWith(':'),
    );
  });
});

describe('the line of a field a data error names', () => {
  it('finds cycle[2].start in a real schedule, and nothing for a path that is not there', async () => {
    const { lineOfField } = await import('../../src/core/calendar/scheduleYaml');
    const text = readFixture('releases/doc/source/indri/schedule.yaml');
    assert.equal(text.split('\n')[lineOfField(text, 'cycle[2].start')! - 1].trim(), "- start: '2026-10-12'");
    assert.equal(lineOfField(text, 'cycle[999].start'), undefined);
    assert.equal(lineOfField('\t:bad', 'cycle'), undefined);
  });
});

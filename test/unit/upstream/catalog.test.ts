import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { addDaysTo } from '../../../src/core/calendar/days';
import { phaseAt, type PhaseAt } from '../../../src/core/calendar/phase';
import { scheduleRstTitles, type Schedule } from '../../../src/core/calendar/schedule';
import { SeriesCatalog, type ParseSchedule } from '../../../src/core/calendar/seriesCatalog';
import { parseSchedule, parseSeriesStatus } from '../../../src/core/calendar/scheduleYaml';
import { UpstreamStore } from '../../../src/adapters/upstream';
import { fixtureText, serveText, SERIES, status, TestServer } from './server';
import { messageText } from '../../../src/core/l10n';

/** The catalog as the glue builds it: upstream store -> read(), parseSchedule injected. */
function catalogOver(store: UpstreamStore, seriesText: string, parseCount = { n: 0 }): SeriesCatalog {
  const counting: ParseSchedule = (...args) => {
    parseCount.n++;
    return parseSchedule(...args);
  };
  return new SeriesCatalog({
    series: parseSeriesStatus(seriesText, 'data/series_status.yaml'),
    read: async (relPath) => {
      const r = await store.get(relPath);
      if (r.text !== undefined) return r.text;
      if (r.status === 404) return undefined;
      throw new Error(r.problem);
    },
    parse: counting,
  });
}

/** Every schedule of the fixture, parsed up front: what phaseAt gave before the catalog. */
function fullSet() {
  const schedules = SERIES.map((s) =>
    parseSchedule(s, fixtureText(`doc/source/${s}/schedule.yaml`), s, scheduleRstTitles(fixtureText(`doc/source/${s}/schedule.rst`))),
  );
  return { series: parseSeriesStatus(fixtureText('data/series_status.yaml'), 'series_status.yaml'), schedules, origin: 'fixture' };
}

describe('SeriesCatalog over the upstream store: every series, parsed on need', () => {
  let server: TestServer;
  let cacheDir: string;
  let store: UpstreamStore;
  before(async () => {
    server = await new TestServer().start();
  });
  after(() => server.stop());
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-catalog-'));
    store = new UpstreamStore({ baseUrl: server.base, cacheDir, timeoutMs: 2000 });
  });
  afterEach(() => {
    for (const s of SERIES) server.unroute(`/doc/source/${s}/schedule.yaml`);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  async function at(catalog: SeriesCatalog, day: string): Promise<PhaseAt> {
    const result = phaseAt(day, await catalog.setFor(day, 'upstream'));
    assert.equal(result.kind, 'phase', `${day} should be inside a schedule`);
    return result as PhaseAt;
  }

  // The milestone-2 and RC1 Thursdays and a Post-Final day of every series in the fixture.
  const table: Array<[string, string, string, string, string | undefined]> = [
    ['antelope', '2023-01-05', 'milestone-2', '2023-03-02', '2023.1'],
    ['bobcat', '2023-07-06', 'milestone-2', '2023-09-14', '2023.2'],
    ['caracal', '2024-01-11', 'milestone-2', '2024-03-14', '2024.1'],
    ['dalmatian', '2024-07-04', 'milestone-2', '2024-09-12', '2024.2'],
    ['epoxy', '2025-01-09', 'milestone-2', '2025-03-13', '2025.1'],
    ['flamingo', '2025-07-03', 'milestone-2', '2025-09-11', '2025.2'],
    ['gazpacho', '2026-01-08', 'milestone-2', '2026-03-12', '2026.1'],
    ['hibiscus', '2026-07-02', 'milestone-2', '2026-09-10', '2026.2'],
    ['indri', '2027-01-14', 'milestone-2', '2027-03-04', '2027.1'],
  ];
  for (const [series, m2, phase, rc1, releaseId] of table) {
    it(`${series}: ${m2} is its Milestone-2 week, ${rc1} its RC1 week`, async () => {
      const parsed = { n: 0 };
      const catalog = catalogOver(store, fixtureText('data/series_status.yaml'), parsed);
      const r = await at(catalog, m2);
      assert.equal(r.series, series);
      assert.equal(r.releaseId, releaseId);
      assert.equal(r.phaseId, phase);
      assert.equal(r.nextDeadline?.eventId, `${series[0]}-2`, "the milestone itself is due that day");
      assert.equal(r.nextDeadline?.daysAway, 0);
      const rc = await at(catalog, rc1);
      assert.equal(rc.series, series);
      assert.equal(rc.phaseId, 'rc1-week');
      assert.ok(parsed.n <= 4, `parsed ${parsed.n} schedules, not all ${SERIES.length}`);
    });
  }

  it('gives the same phase as the full set for every week from antelope to indri', async () => {
    const catalog = catalogOver(store, fixtureText('data/series_status.yaml'));
    const full = fullSet();
    for (let day = '2022-10-10'; day <= '2027-06-30'; day = addDaysTo(day, 3)) {
      const expected = phaseAt(day, full);
      const actual = phaseAt(day, await catalog.setFor(day, 'fixture'));
      assert.equal(actual.kind, expected.kind, day);
      if (actual.kind !== 'phase' || expected.kind !== 'phase') continue;
      const pick = (r: PhaseAt) => [r.series, r.phaseId, r.week, r.nextDeadline?.eventId, r.nextDeadline?.day, r.previousSeries, r.upcoming.map((u) => u.eventId)];
      assert.deepEqual(pick(actual), pick(expected), day);
    }
    assert.deepEqual(catalog.problems(), []);
  });

  it('parses only the series a date needs: the window\'s series and its neighbours', async () => {
    const parsed = { n: 0 };
    const antelopeRequests = server.requestsTo('/doc/source/antelope/schedule.yaml').length;
    const catalog = catalogOver(store, fixtureText('data/series_status.yaml'), parsed);
    assert.deepEqual(catalog.seriesFor('2026-11-25'), ['indri', 'hibiscus']);
    assert.deepEqual(catalog.seriesFor('2025-01-09'), ['flamingo', 'epoxy', 'dalmatian']);
    assert.deepEqual(catalog.seriesFor('2030-01-01'), ['indri', 'hibiscus']);
    const schedules = await catalog.schedulesFor('2026-11-25');
    assert.deepEqual(schedules.map((s) => s.series), ['indri', 'hibiscus']);
    assert.equal(parsed.n, 2);
    await catalog.schedulesFor('2026-12-01');
    assert.equal(parsed.n, 2, 'memoized');
    assert.equal(server.requestsTo('/doc/source/antelope/schedule.yaml').length, antelopeRequests, 'other series are not even fetched');
  });

  it('a series listed in series_status.yaml without a schedule: reported as missing, the phase still works', async () => {
    const withJasmine = `---\n- name: jasmine\n  release-id: 2027.2\n  status: future\n  initial-release: 2027-09-29\n${fixtureText('data/series_status.yaml').replace(/^---\n/, '')}`;
    const catalog = catalogOver(store, withJasmine);
    const r = await at(catalog, '2027-05-03');
    assert.equal(r.series, 'indri');
    assert.equal(r.phaseId, 'post-final');
    assert.equal(r.nextScheduleUnknown, true);
    assert.deepEqual(catalog.missing(), ['jasmine']);
    assert.deepEqual(catalog.problems(), []);
  });

  it('a 404 for one schedule: that series is missing, its neighbour\'s Post-Final covers the gap', async () => {
    server.route('/doc/source/epoxy/schedule.yaml', status(404));
    const catalog = catalogOver(store, fixtureText('data/series_status.yaml'));
    const r = await at(catalog, '2025-01-09');
    assert.equal(r.series, 'dalmatian');
    assert.equal(r.phaseId, 'post-final');
    assert.deepEqual(catalog.missing(), ['epoxy']);
  });

  it('a 500 or malformed YAML for one schedule: one problem for that file, the others still work', async () => {
    server.route('/doc/source/epoxy/schedule.yaml', status(500));
    server.route('/doc/source/flamingo/schedule.yaml', serveText(fixtureText('doc/source/flamingo/schedule.yaml').slice(0, 400) + '\n  - start: [\n'));
    const catalog = catalogOver(store, fixtureText('data/series_status.yaml'));
    const r = await at(catalog, '2024-07-04');
    assert.equal(r.series, 'dalmatian');
    assert.equal(r.phaseId, 'milestone-2');
    await catalog.schedulesFor('2025-07-03');
    const problems = catalog.problems();
    assert.deepEqual(problems.map((p) => p.series).sort(), ['epoxy', 'flamingo']);
    assert.match(messageText(problems.find((p) => p.series === 'epoxy')!.message), /HTTP 500/);
    // The place is structured (file and line), never parsed back out of the sentence.
    const flamingo = problems.find((p) => p.series === 'flamingo')!;
    assert.equal(flamingo.file, 'doc/source/flamingo/schedule.yaml');
    assert.equal(flamingo.line, 24);
    assert.match(messageText(flamingo.message), /^not valid YAML: line 24, column 1: /);
  });

  it('a schedule whose weeks are not in order is read in date order', async () => {
    const data = parse(fixtureText('doc/source/flamingo/schedule.yaml')) as { cycle: unknown[] };
    data.cycle.reverse();
    server.route('/doc/source/flamingo/schedule.yaml', serveText(stringify(data)));
    const catalog = catalogOver(store, fixtureText('data/series_status.yaml'));
    const schedule = (await catalog.scheduleFor('flamingo')) as Schedule;
    const starts = schedule.weeks.map((w) => w.start);
    assert.deepEqual(starts, [...starts].sort());
    const r = await at(catalog, '2025-07-03');
    assert.equal(r.series, 'flamingo');
    assert.equal(r.phaseId, 'milestone-2');
  });
});

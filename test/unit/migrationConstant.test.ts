import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  constantCommitMessage,
  constantForReleaseId,
  findCurrentRelease,
  nextConstant,
  parseConstant,
  proposeValue,
  rewriteCurrentRelease,
  seriesInDevelopment,
} from '../../src/core/commits/migrationConstant';
import type { ScheduleSet, SeriesInfo } from '../../src/core/calendar/schedule';
import { parseSchedule } from '../../src/core/calendar/scheduleYaml';
import { semVerValues, trailers } from '../../src/core/commits/trailers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MIGRATION_PY = fs.readFileSync(path.join(ROOT, 'test/fixtures/demo-workspace/glance/glance/db/migration.py'), 'utf8');

function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'no line added or removed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
}

describe('migrationConstant: CURRENT_RELEASE', () => {
  describe('findCurrentRelease', () => {
    it('finds the value in the real migration.py', () => {
      const found = findCurrentRelease(MIGRATION_PY);
      assert.equal(found.kind, 'found');
      if (found.kind !== 'found') return;
      assert.equal(found.value, '2026_2');
      assert.equal(found.lineText, "CURRENT_RELEASE = '2026_2'");
      assert.equal(MIGRATION_PY.split('\n')[found.line], "CURRENT_RELEASE = '2026_2'");
      assert.equal(MIGRATION_PY.slice(found.valueOffset, found.valueOffset + found.valueLength), '2026_2');
    });
    it('reads double quotes, a trailing comment and CRLF', () => {
      const found = findCurrentRelease('X = 1\r\nCURRENT_RELEASE = "2025_1"  # the release\r\nY = 2\r\n');
      assert.equal(found.kind === 'found' && found.value, '2025_1');
      assert.equal(found.kind === 'found' && found.line, 1);
    });
    it('ignores mentions in comments, indented code and longer names', () => {
      const source = "# CURRENT_RELEASE = 'old'\nOLD_CURRENT_RELEASE = '1'\n    CURRENT_RELEASE = 'inner'\n";
      assert.deepEqual(findCurrentRelease(source), { kind: 'missing' });
    });
    it('takes the last module-level assignment, as Python does, and lists the earlier ones', () => {
      const found = findCurrentRelease("CURRENT_RELEASE = '2026_2'\nX = 1\nCURRENT_RELEASE = '2026_1'\n");
      assert.equal(found.kind === 'found' && found.value, '2026_1');
      assert.equal(found.kind === 'found' && found.line, 2);
      assert.deepEqual(found.kind === 'found' && found.earlier, [0]);
      assert.deepEqual(findCurrentRelease("CURRENT_RELEASE = '2026_2'\n").kind === 'found' && (findCurrentRelease("CURRENT_RELEASE = '2026_2'\n") as { earlier: number[] }).earlier, []);
    });
    it('says when the assignment is not a string literal', () => {
      assert.equal(findCurrentRelease('CURRENT_RELEASE = compute()\n').kind, 'not-a-string');
    });
  });

  describe('rewriteCurrentRelease', () => {
    it('changes only the value on that line of migration.py', () => {
      const { text, change } = rewriteCurrentRelease(MIGRATION_PY, '2027_1');
      assert.deepEqual(changedLines(MIGRATION_PY, text), [["CURRENT_RELEASE = '2026_2'", "CURRENT_RELEASE = '2027_1'"]]);
      assert.equal(change.end - change.start, '2026_2'.length);
      assert.match(text, /^EXPAND_BRANCH = 'expand'$/m);
      assert.match(text, /^ALEMBIC_INIT_VERSION = 'liberty'$/m);
      assert.match(text, /^# Migration-related constants$/m);
    });
    it('keeps quotes, comment and CRLF of the line', () => {
      const source = 'A = 1\r\nCURRENT_RELEASE = "2025_2"  # bump each cycle\r\nB = 2\r\n';
      assert.equal(rewriteCurrentRelease(source, '2026_1').text, 'A = 1\r\nCURRENT_RELEASE = "2026_1"  # bump each cycle\r\nB = 2\r\n');
    });
    it('refuses a value of the wrong shape and a file without the constant', () => {
      assert.throws(() => rewriteCurrentRelease(MIGRATION_PY, '2027.1'), /not a CURRENT_RELEASE value/);
      assert.throws(() => rewriteCurrentRelease('A = 1\n', '2027_1'), /no CURRENT_RELEASE/);
    });
  });

  describe('values', () => {
    it('maps release-ids to constants', () => {
      assert.equal(constantForReleaseId('2027.1'), '2027_1');
      assert.equal(constantForReleaseId('2026.2'), '2026_2');
      assert.equal(constantForReleaseId('2026.10'), '2026_10');
      assert.equal(constantForReleaseId('zed'), undefined);
    });
    it('steps YYYY_1 -> YYYY_2 -> (YYYY+1)_1', () => {
      assert.equal(nextConstant('2026_1'), '2026_2');
      assert.equal(nextConstant('2026_2'), '2027_1');
      assert.equal(nextConstant('zed'), undefined);
    });
    it('tells code names from release values', () => {
      assert.equal(parseConstant('zed').kind, 'codename');
      assert.equal(parseConstant('2023_1').kind, 'release');
      assert.equal(parseConstant('2023-1').kind, 'other');
    });
  });

  describe('proposeValue', () => {
    const indri = { series: 'indri', releaseId: '2027.1' };
    it('proposes the release-id of the series in development', () => {
      assert.deepEqual(proposeValue('2026_2', indri), { kind: 'propose', current: '2026_2', proposed: '2027_1', basis: 'series', target: indri });
    });
    it('proposes it even several cycles ahead', () => {
      assert.deepEqual(proposeValue('2025_2', indri), { kind: 'propose', current: '2025_2', proposed: '2027_1', basis: 'series', target: indri });
    });
    it('says when the value is already current, or ahead of the schedule data', () => {
      assert.deepEqual(proposeValue('2027_1', indri), { kind: 'current', current: '2027_1', target: indri, ahead: false });
      assert.deepEqual(proposeValue('2027_2', indri), { kind: 'current', current: '2027_2', target: indri, ahead: true });
    });
    it('falls back on the rule without a schedule', () => {
      assert.deepEqual(proposeValue('2026_2'), { kind: 'propose', current: '2026_2', proposed: '2027_1', basis: 'rule' });
      assert.deepEqual(proposeValue('2027_1'), { kind: 'propose', current: '2027_1', proposed: '2027_2', basis: 'rule' });
    });
    it('leaves code names and other values alone', () => {
      assert.deepEqual(proposeValue('zed', indri), { kind: 'codename', current: 'zed' });
      assert.deepEqual(proposeValue('2027', indri), { kind: 'unrecognized', current: '2027' });
    });
  });

  describe('seriesInDevelopment', () => {
    const series: SeriesInfo[] = [
      { name: 'indri', releaseId: '2027.1', status: 'future', nextPhase: { status: 'development', date: '2026-10-01' } },
      { name: 'hibiscus', releaseId: '2026.2', status: 'development', nextPhase: { status: 'maintained', date: '2026-09-30' } },
      { name: 'gazpacho', releaseId: '2026.1', status: 'maintained' },
    ];
    const set: ScheduleSet = { series, schedules: [], origin: 'test' };
    it('applies next-phase dates of series_status.yaml', () => {
      assert.deepEqual(seriesInDevelopment(set, '2026-11-25'), { series: 'indri', releaseId: '2027.1' });
      assert.deepEqual(seriesInDevelopment(set, '2026-06-01'), { series: 'hibiscus', releaseId: '2026.2' });
    });
    it('takes the series whose schedule holds the day first (the real hibiscus and indri schedules)', () => {
      const dir = path.join(ROOT, 'resources/schedules');
      const real: ScheduleSet = {
        // series_status.yaml as if never updated: hibiscus still in development, indri without next-phase dates
        series: series.map((s) => ({ ...s, nextPhase: undefined })),
        schedules: ['hibiscus', 'indri'].map((name) => parseSchedule(name, fs.readFileSync(path.join(dir, `${name}.yaml`), 'utf8'), name)),
        origin: 'test',
      };
      assert.deepEqual(seriesInDevelopment(real, '2026-11-25'), { series: 'indri', releaseId: '2027.1' });
      assert.deepEqual(seriesInDevelopment(real, '2026-05-20'), { series: 'hibiscus', releaseId: '2026.2' });
      // after the newest schedule's final release the schedule says nothing: series_status.yaml does
      assert.deepEqual(seriesInDevelopment(real, '2027-06-01'), { series: 'hibiscus', releaseId: '2026.2' });
    });
    it('knows none without data', () => {
      assert.equal(seriesInDevelopment({ series: [], schedules: [], origin: 'none' }, '2026-11-25'), undefined);
    });
  });

  describe('constantCommitMessage', () => {
    it('has a subject, a body naming the value and Sem-Ver: api-break as its trailer', () => {
      const message = constantCommitMessage('2027_1', { series: 'indri', releaseId: '2027.1' });
      const lines = message.split('\n');
      assert.match(lines[0], /^Update migration constant/);
      assert.ok(lines[0].length <= 72);
      assert.equal(lines[1], '');
      assert.match(message, /'2027_1'/);
      assert.match(message, /2027\.1 Indri/);
      assert.deepEqual(trailers(message), [{ key: 'Sem-Ver', value: 'api-break' }]);
      assert.deepEqual(semVerValues(message), ['api-break']);
    });
  });
});

import * as assert from 'node:assert/strict';
import { parseSeriesStatus } from '../../../src/core/calendar/scheduleYaml';
import { checkSeries, scanSeriesStatus } from '../../../src/core/calendar/seriesRules';
import { fixtureText } from './server';
import { messageText } from '../../../src/core/l10n';

function check(text: string) {
  return checkSeries(parseSeriesStatus(text, 'series_status.yaml'), scanSeriesStatus(text));
}

const HEAD = `---
- name: indri
  release-id: 2027.1
  status: future
  initial-release: 2027-03-24
- name: hibiscus
  release-id: 2026.2
  status: development
  initial-release: 2026-09-30
`;

describe('series_status.yaml rules (issue 10)', () => {
  it('the real file passes: every entry valid, no problems', () => {
    const text = fixtureText('data/series_status.yaml');
    const r = check(text);
    assert.deepEqual(r.problems, []);
    assert.equal(r.valid.length, parseSeriesStatus(text, 's').length);
  });

  it('release-id 2026.10 is not 2026.1 (read as text), and is reported with its line', () => {
    const r = check(HEAD.replace('2026.2', '2026.10'));
    assert.deepEqual(r.problems.map((p) => ({ ...p, message: messageText(p.message) })), [{ rule: 'series-entry', severity: 'warning', message: 'series hibiscus: release-id "2026.10" must be YYYY.1 or YYYY.2', line: 6, series: 'hibiscus' }]);
    assert.deepEqual(r.valid.map((s) => s.name), ['indri']);
  });

  it('a release-id must match the release date\'s year and half', () => {
    const r = check(HEAD.replace('2026.2', '2026.1'));
    assert.match(messageText(r.problems[0].message), /release-id 2026\.1 does not match its initial-release 2026-09-30 \(expected 2026\.2\)/);
    assert.match(messageText(check(HEAD.replace('2027.1', '2028.1')).problems[0].message), /expected 2027\.1/);
  });

  it('names are one lower-case word, as written in the file', () => {
    const r = check(HEAD.replace('name: indri', 'name: Indri').replace('name: hibiscus', 'name: hibiscus-2'));
    assert.deepEqual(r.problems.map((p) => [p.line, messageText(p.message)]), [
      [2, 'series name "Indri" must be one lower-case word (a-z only)'],
      [6, 'series name "hibiscus-2" must be one lower-case word (a-z only)'],
    ]);
    assert.deepEqual(r.valid, []);
  });

  it('release days decrease down the list: the one misplaced entry is blamed, not its neighbours', () => {
    const text = `${HEAD}- name: zzz\n  release-id: 2027.2\n  status: future\n  initial-release: 2027-09-29\n- name: gazpacho\n  release-id: 2026.1\n  status: maintained\n  initial-release: 2026-04-01\n`;
    const r = check(text);
    assert.deepEqual(r.problems.map((p) => [p.series, p.line]), [['zzz', 10]]);
    assert.match(messageText(r.problems[0].message), /out of date order/);
    assert.deepEqual(r.valid.map((s) => s.name), ['indri', 'hibiscus', 'gazpacho']);
  });

  it('equal release days are not in order either; duplicates and missing dates are reported', () => {
    const same = check(HEAD.replace('2027-03-24', '2026-09-30').replace('2027.1', '2026.2'));
    assert.equal(same.valid.length, 1);
    assert.equal(same.problems.length, 1);
    const twice = check(HEAD + HEAD.replace('---\n', ''));
    assert.ok(twice.problems.some((p) => /listed twice/.test(messageText(p.message))));
    const undated = check(HEAD.replace('  initial-release: 2027-03-24\n', ''));
    assert.match(messageText(undated.problems[0].message), /no initial-release/);
  });

  it('series before 2023 need no release-id; later ones do', () => {
    const old = `- name: zed\n  status: unmaintained\n  initial-release: 2022-10-05\n`;
    assert.deepEqual(check(HEAD + old).problems, []);
    assert.match(messageText(check(HEAD.replace('  release-id: 2026.2\n', '')).problems[0].message), /no release-id/);
  });
});

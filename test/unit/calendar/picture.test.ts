// Which schedule data is shown, decided in the core from what was read (src/core/calendar/picture.ts).
import * as assert from 'assert';
import { choosePicture, dueForRecheck, keptOverFailedRefresh, staleCheckoutText, type PictureInputs } from '../../../src/core/calendar/picture';
import type { Problem } from '../../../src/core/problem';
import { msg } from '../../../src/core/l10n';

const builtAt = new Date('2026-11-01T00:00:00Z');
const bundled = { builtAt, origin: 'bundled' };
const setting: Problem = { rule: 'setting', severity: 'warning', message: msg('names /nowhere') };
const entry: Problem = { rule: 'series-entry', severity: 'warning', message: msg('bad entry'), file: 'data/series_status.yaml', root: 'releases', line: 4 };
const catalog = { name: 'catalog' };
const upstreamOn = (read?: { answer: { text?: string; source: 'upstream' | 'cache'; fetchedAt?: Date; problem?: string }; catalog?: typeof catalog; problems?: Problem[] }) =>
  ({ kind: 'on', host: 'opendev.org', seriesUrl: 'https://opendev.org/x/data/series_status.yaml', read }) as const;

describe('choosing the schedule data (core/calendar/picture.ts)', () => {
  it('a usable checkout wins over upstream and keeps every problem', () => {
    const inputs: PictureInputs<typeof catalog> = { bundled, problems: [setting], checkout: { label: 'releases', catalog, problems: [entry] }, upstream: upstreamOn() };
    const picture = choosePicture(inputs);
    assert.equal(picture.catalog, catalog);
    assert.deepEqual(picture.source, { kind: 'checkout', folder: '"releases"' });
    assert.equal(picture.origin, 'releases');
    assert.deepEqual(picture.problems, [setting, entry]);
    assert.match(picture.nextFrom, /update releases/);
  });

  it('a checkout whose series_status.yaml is unusable falls back to the bundle, not to upstream', () => {
    const picture = choosePicture({ bundled, problems: [], checkout: { label: 'releases', problems: [entry] }, upstream: upstreamOn({ answer: { text: 'x', source: 'upstream', fetchedAt: builtAt }, catalog }) });
    assert.equal(picture.catalog, undefined);
    assert.deepEqual(picture.source, { kind: 'bundled', builtAt });
    assert.deepEqual(picture.problems, [entry]);
  });

  it('upstream fresh, upstream cached, upstream failed, off and a bad URL', () => {
    const fresh = choosePicture({ bundled, problems: [], upstream: upstreamOn({ answer: { text: 'x', source: 'upstream', fetchedAt: builtAt }, catalog, problems: [entry] }) });
    assert.deepEqual(fresh.source, { kind: 'upstream', host: 'opendev.org', checkedAt: builtAt });
    assert.equal(fresh.upstreamHost, 'opendev.org');
    assert.deepEqual(fresh.problems, [entry]);
    const cached = choosePicture({ bundled, problems: [], upstream: upstreamOn({ answer: { text: 'x', source: 'cache', fetchedAt: builtAt, problem: 'offline' }, catalog }) });
    assert.deepEqual(cached.source, { kind: 'cache', host: 'opendev.org', fetchedAt: builtAt, problem: 'offline' });
    const failed = choosePicture({ bundled, problems: [], upstream: upstreamOn({ answer: { source: 'upstream', problem: 'HTTP 500' } }) });
    assert.deepEqual(failed.source, { kind: 'bundled', builtAt });
    assert.equal(failed.note, 'opendev.org could not be used: HTTP 500');
    assert.match(choosePicture({ bundled, problems: [], upstream: { kind: 'off' } }).nextFrom, /upstream data is off/);
    const bad = choosePicture({ bundled, problems: [setting], upstream: { kind: 'bad-url' } });
    assert.match(bad.nextFrom, /once glanceReleaseCycle.upstream.releasesUrl is fixed/);
    assert.deepEqual(bad.problems, [setting]);
  });

  it('a failed refresh keeps the copy shown and says why it is not fresh', () => {
    const shown = choosePicture({ bundled, problems: [], upstream: upstreamOn({ answer: { text: 'x', source: 'upstream', fetchedAt: builtAt }, catalog }) });
    const kept = keptOverFailedRefresh(shown, 'opendev.org', { answer: { source: 'upstream', problem: 'timed out' } });
    assert.equal(kept?.catalog, catalog);
    assert.deepEqual(kept?.source, { kind: 'cache', host: 'opendev.org', fetchedAt: builtAt, problem: 'timed out' });
    // A successful refresh, another host, or nothing shown yet: the refresh's own picture is shown.
    assert.equal(keptOverFailedRefresh(shown, 'opendev.org', { catalog, answer: { text: 'y', source: 'upstream', fetchedAt: builtAt } }), undefined);
    assert.equal(keptOverFailedRefresh(shown, 'mirror.example', { answer: { source: 'upstream', problem: 'x' } }), undefined);
    assert.equal(keptOverFailedRefresh(undefined, 'opendev.org', { answer: { source: 'upstream', problem: 'x' } }), undefined);
  });

  it('checks upstream again on the first refresh of a later calendar day, whatever the hour', () => {
    assert.equal(dueForRecheck(undefined, new Date(2026, 11, 7, 9)), false);
    assert.equal(dueForRecheck(new Date(2026, 11, 7, 0, 5), new Date(2026, 11, 7, 23, 59)), false);
    assert.equal(dueForRecheck(new Date(2026, 11, 6, 23, 59), new Date(2026, 11, 7, 0, 1)), true);
  });

  it('says when the releases checkout was last fetched more than a week ago, and nothing when fresh or unknown', () => {
    const now = new Date(2026, 11, 7, 12);
    assert.equal(staleCheckoutText('releases', new Date(2026, 11, 1, 12), now), undefined);
    assert.equal(staleCheckoutText('releases', undefined, now), undefined);
    assert.equal(staleCheckoutText('releases', new Date(2026, 10, 20, 9), now), 'The releases checkout "releases" was last fetched 20 Nov (17 days ago): run git pull there for the release team\'s latest changes.');
  });
});

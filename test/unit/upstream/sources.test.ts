import * as assert from 'node:assert/strict';
import { chooseSource, sourceLine } from '../../../src/core/calendar/sources';
import { agoText } from '../../../src/core/calendar/dateText';

const now = new Date(2026, 10, 25, 15, 0);
const bundled = { builtAt: new Date(2026, 10, 2) };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('schedule sources: order of trust and the tooltip line', () => {
  it('a workspace checkout wins over everything', () => {
    const s = chooseSource({ checkout: { folder: 'releases' }, upstream: { text: 'x', source: 'upstream', fetchedAt: now }, bundled });
    assert.equal(sourceLine(s, now), 'releases checkout releases');
  });

  it('then upstream data checked within the day', () => {
    const s = chooseSource({ upstream: { text: 'x', source: 'upstream', fetchedAt: hoursAgo(3) }, host: 'opendev.org', bundled });
    assert.equal(sourceLine(s, now), 'from opendev.org, checked 3 h ago');
  });

  it('then the cache however old, naming why it is offline', () => {
    const s = chooseSource({
      upstream: { text: 'x', source: 'cache', fetchedAt: new Date(2026, 9, 12), problem: 'server unreachable (ECONNREFUSED)' },
      host: 'opendev.org',
      bundled,
    });
    assert.equal(sourceLine(s, now), 'cached copy from 12 Oct, offline (server unreachable (ECONNREFUSED))');
    const lastYear = chooseSource({ upstream: { text: 'x', source: 'cache', fetchedAt: new Date(2025, 11, 1), problem: 'DNS lookup failed' }, bundled });
    assert.equal(sourceLine(lastYear, now), 'cached copy from 1 Dec 2025, offline (DNS lookup failed)');
  });

  it('then the bundled data', () => {
    assert.equal(sourceLine(chooseSource({ bundled }), now), 'bundled with the extension (Nov 2026)');
    const failed = chooseSource({ upstream: { source: 'upstream', problem: 'HTTP 404' }, bundled });
    assert.equal(failed.kind, 'bundled');
  });

  it('says how long ago in words', () => {
    assert.equal(agoText(now, now), 'just now');
    assert.equal(agoText(hoursAgo(0.5), now), '30 min ago');
    assert.equal(agoText(hoursAgo(47), now), '47 h ago');
    assert.equal(agoText(hoursAgo(24 * 5), now), '5 days ago');
  });
});

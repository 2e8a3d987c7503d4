// The one date-text module (src/core/calendar/dateText.ts): English by hand, another display language
// through Intl, and the distances with their singular and plural messages.
import * as assert from 'node:assert/strict';
import { agoText, dayMonth, distanceText, longDay, monthYear, shortDate, spanText } from '../../src/core/calendar/dateText';
import { setTranslator } from '../../src/core/l10n';

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

describe('date texts (core/calendar/dateText.ts)', () => {
  afterEach(() => setTranslator(undefined));

  it('writes days, spans and months in English without Intl', () => {
    assert.equal(longDay('2027-01-14'), 'Thu 14 Jan 2027');
    assert.equal(dayMonth('2026-10-05'), '5 Oct');
    assert.equal(spanText('2027-01-12', '2027-01-18'), '12–18 Jan');
    assert.equal(spanText('2026-09-28', '2026-10-04'), '28 Sep – 4 Oct');
    assert.equal(spanText('2026-12-28', '2027-01-03'), '28 Dec – 3 Jan');
    assert.equal(spanText('2026-10-05', '2026-10-05'), '5 Oct');
    assert.equal(monthYear(new Date(2026, 10, 2)), 'Nov 2026');
    const now = new Date(2026, 10, 25);
    assert.equal(shortDate(new Date(2026, 9, 12), now), '12 Oct');
    assert.equal(shortDate(new Date(2025, 11, 1), now), '1 Dec 2025');
  });

  it('says distances in days with singular and plural messages', () => {
    assert.deepEqual([0, 1, -1, 2, 50, -3].map(distanceText), ['today', 'tomorrow', 'yesterday', 'in 2 days', 'in 50 days', '3 days ago']);
    const now = new Date(2026, 10, 25, 15, 0);
    assert.deepEqual([0, 0.5, 3, 47, 24 * 5].map((h) => agoText(hoursAgo(now, h), now)), ['just now', '30 min ago', '3 h ago', '47 h ago', '5 days ago']);
  });

  it('translates every part, "h ago" included, and chooses the plural form by the display language', () => {
    const seen: string[] = [];
    setTranslator((message, ...args) => (seen.push(message), `<${message}>${args.join('|')}`), undefined, 'fr');
    const now = new Date(2026, 10, 25, 15, 0);
    assert.equal(agoText(hoursAgo(now, 3), now), '<{0} h ago>3');
    assert.equal(distanceText(2), '<in {0} days>2');
    // French takes the singular for 0 and 1 ("0 jour"), English the plural for 0.
    assert.equal(agoText(hoursAgo(now, 24 * 2), now), '<{0} days ago>2');
    setTranslator((message, ...args) => `<${message}>${args.join('|')}`, undefined, 'ru');
    // Russian's "one" form covers 21: the singular message, which translators write with {0}.
    assert.equal(distanceText(21), '<in {0} day>21');
    assert.equal(distanceText(22), '<in {0} days>22');
    assert.ok(seen.includes('{0} h ago'));
  });

  it('writes dates in the display language through Intl, and English for a language Intl does not know', () => {
    setTranslator((m) => m, undefined, 'de');
    const expected = new Intl.DateTimeFormat('de', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(2027, 0, 14));
    assert.equal(longDay('2027-01-14'), expected);
    assert.notEqual(longDay('2027-01-14'), 'Thu 14 Jan 2027');
    assert.match(spanText('2027-01-12', '2027-01-18'), /12/);
    setTranslator((m) => m, undefined, 'qps-ploc');
    assert.equal(longDay('2027-01-14'), 'Thu 14 Jan 2027', 'the pseudo-locale keeps the English dates');
    setTranslator((m) => m, undefined, 'en-GB');
    assert.equal(dayMonth('2026-10-05'), '5 Oct');
  });
});

// URLs in messages never show credentials.
import * as assert from 'node:assert/strict';
import { checkGerritBase } from '../../src/core/gerrit/gerrit';
import { urlText } from '../../src/core/urlText';

describe('urlText', () => {
  it('drops a user name and password, whatever the URL', () => {
    assert.equal(urlText('http://me:TOKEN@review.example.org/x'), 'http://review.example.org/x');
    assert.equal(urlText('me:TOKEN@review example'), 'review example');
    assert.ok(urlText(`https://example.org/${'a'.repeat(200)}`).length <= 80);
  });

  it('keeps a refused Gerrit URL\'s credentials out of the reason', () => {
    for (const base of ['http://me:TOKEN@review.example.org', 'https://me:TOKEN@review.example.org/?q=1', 'me:TOKEN@ not a url']) {
      const check = checkGerritBase(base);
      assert.equal(check.ok, false, base);
      assert.ok(!('reason' in check) || !check.reason.includes('TOKEN'), JSON.stringify(check));
    }
  });
});

import { strict as assert } from 'assert';
import { collectPages, parseChangesAnswer, type ParsedAnswer } from '../../../src/core/gerrit/gerrit';
import { answerText, priorityChanges } from './samples';

/** A fake Gerrit holding `total` changes, paging like the real one; records (start, n) of each call. */
function fakeGerrit(total: number) {
  const all = priorityChanges(total, 1);
  const calls: [number, number][] = [];
  const fetchPage = async (start: number, n: number): Promise<ParsedAnswer> => {
    calls.push([start, n]);
    return parseChangesAnswer(answerText(all.slice(start, start + n), start + n < total));
  };
  return { fetchPage, calls };
}

describe('gerrit: paging', () => {
  it('follows _more_changes over three pages with S=', async () => {
    const g = fakeGerrit(250);
    const result = await collectPages(g.fetchPage, 100, 500);
    assert.ok(result.ok);
    assert.equal(result.changes.length, 250);
    assert.equal(result.truncated, false);
    assert.equal(result.pages, 3);
    assert.deepEqual(g.calls, [
      [0, 100],
      [100, 100],
      [200, 100],
    ]);
    assert.equal(new Set(result.changes.map((c) => c.number)).size, 250);
  });

  it('stops at the 500-change cap and says it was truncated', async () => {
    const g = fakeGerrit(1200);
    const result = await collectPages(g.fetchPage, 120, 500);
    assert.ok(result.ok);
    assert.equal(result.changes.length, 500);
    assert.equal(result.truncated, true);
    assert.deepEqual(g.calls.at(-1), [480, 20], 'the last page only asks for what fits');
    assert.equal(g.calls.length, 5);
  });

  it('exactly 500 changes without more is not truncated', async () => {
    const result = await collectPages(fakeGerrit(500).fetchPage, 100, 500);
    assert.ok(result.ok && !result.truncated && result.changes.length === 500);
  });

  it('drops a change seen twice when it moved between pages', async () => {
    const all = priorityChanges(3, 1);
    const pages = [answerText(all.slice(0, 2), true), answerText([all[1], all[2]], false)];
    const result = await collectPages(async () => parseChangesAnswer(pages.shift()!), 2, 500);
    assert.ok(result.ok);
    assert.deepEqual(result.changes.map((c) => c.number), all.map((c) => c.number));
  });

  it('a failing page fails the query', async () => {
    let call = 0;
    const result = await collectPages(async () => (call++ === 0 ? parseChangesAnswer(answerText(priorityChanges(2, 1), true)) : { ok: false, error: 'boom' }), 2);
    assert.deepEqual(result, { ok: false, error: 'boom' });
  });

  it('stops on an empty page even if it claims more', async () => {
    const result = await collectPages(async () => parseChangesAnswer(")]}'\n[]"), 100);
    assert.ok(result.ok && result.pages === 1 && result.changes.length === 0);
  });
});

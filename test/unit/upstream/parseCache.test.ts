// The parsed schedule files kept between starts (src/adapters/parseCache.ts), on a real temp folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ParseCache } from '../../../src/adapters/parseCache';

describe('the parse cache between starts', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-parse-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses on the first start, answers the second from disk, and parses again when the text changed', async () => {
    let parses = 0;
    const parse = () => ({ series: 'indri', weeks: [{ start: '2026-10-05', n: ++parses }] });
    const first = new ParseCache(dir);
    await first.load();
    assert.deepEqual(first.get('releases/doc/source/indri/schedule.yaml', 'text v1', parse), { series: 'indri', weeks: [{ start: '2026-10-05', n: 1 }] });
    await first.flush();
    assert.ok(fs.existsSync(path.join(dir, 'parsed-schedules.json')));

    const second = new ParseCache(dir);
    await second.load();
    assert.deepEqual(second.get('releases/doc/source/indri/schedule.yaml', 'text v1', parse), { series: 'indri', weeks: [{ start: '2026-10-05', n: 1 }] });
    assert.deepEqual(second.counts, { hits: 1, misses: 0 });
    assert.equal(parses, 1, 'no parse on a hit');
    // A hit is a copy: changing it does not change the next answer.
    (second.get('releases/doc/source/indri/schedule.yaml', 'text v1', parse) as { series: string }).series = 'changed';
    assert.equal((second.get('releases/doc/source/indri/schedule.yaml', 'text v1', parse) as { series: string }).series, 'indri');
    second.get('releases/doc/source/indri/schedule.yaml', 'text v2', parse);
    assert.equal(parses, 2, 'a changed file is parsed again');
  });

  it('does not keep a parse that throws, and treats a corrupt, foreign or huge cache file as empty', async () => {
    const cache = new ParseCache(dir);
    await cache.load();
    assert.throws(() => cache.get('x', 'bad', () => { throw new Error('not YAML'); }), /not YAML/);
    await cache.flush();
    assert.equal(fs.existsSync(path.join(dir, 'parsed-schedules.json')), false);

    for (const content of ['{ not json', JSON.stringify({ format: 999, entries: { x: { hash: 'h', value: 1 } } }), JSON.stringify([1, 2])]) {
      fs.writeFileSync(path.join(dir, 'parsed-schedules.json'), content);
      const fresh = new ParseCache(dir);
      await fresh.load();
      assert.equal(fresh.get('x', 'text', () => 'parsed'), 'parsed');
      assert.deepEqual(fresh.counts, { hits: 0, misses: 1 });
      await fresh.flush(); // its write must not land on the next iteration's file
    }
  });

  it('survives a cache folder that cannot be written (a parse costs the next start, nothing else)', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const cache = new ParseCache(file);
    await cache.load();
    assert.equal(cache.get('x', 'text', () => 42), 42);
    await cache.flush();
  });
});

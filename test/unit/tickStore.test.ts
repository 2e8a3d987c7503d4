import * as assert from 'node:assert/strict';
import { storageKey, TickStore, type KeyValueStorage } from '../../src/core/checklist/tickStore';

class MapStorage implements KeyValueStorage {
  readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.map.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }
}

describe('TickStore', () => {
  const ids = new Set(['a', 'b', 'c']);

  it('keeps ticks per series', async () => {
    const storage = new MapStorage();
    const store = new TickStore(storage, ids);
    await store.set('indri', [{ taskId: 'a', done: true }, { taskId: 'b', done: true }]);
    await store.set('hibiscus', [{ taskId: 'c', done: true }]);
    assert.deepEqual([...store.done('indri')].sort(), ['a', 'b']);
    assert.deepEqual([...store.done('Hibiscus')], ['c'], 'series names are case-insensitive');
    await store.set('indri', [{ taskId: 'a', done: false }]);
    assert.deepEqual([...store.done('indri')], ['b']);
    // A new store over the same storage (a restart) sees the same state.
    assert.deepEqual([...new TickStore(storage, ids).done('indri')], ['b']);
  });

  it('resets one series only', async () => {
    const storage = new MapStorage();
    const store = new TickStore(storage, ids);
    await store.set('indri', [{ taskId: 'a', done: true }]);
    await store.set('hibiscus', [{ taskId: 'a', done: true }]);
    await store.reset('indri');
    assert.equal(store.done('indri').size, 0);
    assert.equal(store.done('hibiscus').size, 1);
    assert.equal(storage.map.has(storageKey('indri')), false);
  });

  it('ignores stored ids that no longer exist and garbage values, and rejects unknown ids', async () => {
    const storage = new MapStorage();
    storage.map.set(storageKey('indri'), ['a', 'gone', 42]);
    storage.map.set(storageKey('hibiscus'), 'not a list');
    const store = new TickStore(storage, ids);
    assert.deepEqual([...store.done('indri')], ['a']);
    assert.equal(store.done('hibiscus').size, 0);
    await assert.rejects(store.set('indri', [{ taskId: 'nope', done: true }]), /unknown task id 'nope'/);
  });
});

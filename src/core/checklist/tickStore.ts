// Which tasks are ticked, per series. Storage-agnostic: the extension backs it with globalState
// (survives reloads, restarts and renaming the workspace folder); tests back it with a Map.

export interface KeyValueStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY_PREFIX = 'glanceReleaseCycle.ticks.';

export function storageKey(series: string): string {
  return KEY_PREFIX + series.toLowerCase();
}

export class TickStore {
  constructor(
    private readonly storage: KeyValueStorage,
    /** Ids of tasks that exist; stale ids from older data are ignored on read. */
    private readonly knownTaskIds: ReadonlySet<string>,
  ) {}

  done(series: string): Set<string> {
    const stored = this.storage.get<unknown>(storageKey(series));
    const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
    return new Set(ids.filter((id) => this.knownTaskIds.has(id)));
  }

  /** Sets several tasks at once (a multi-selection ticked together is one write). */
  async set(series: string, changes: ReadonlyArray<{ taskId: string; done: boolean }>): Promise<Set<string>> {
    const done = this.done(series);
    for (const { taskId, done: isDone } of changes) {
      if (!this.knownTaskIds.has(taskId)) throw new Error(`unknown task id '${taskId}'`);
      if (isDone) done.add(taskId);
      else done.delete(taskId);
    }
    await this.storage.update(storageKey(series), [...done].sort());
    return done;
  }

  async reset(series: string): Promise<void> {
    await this.storage.update(storageKey(series), undefined);
  }

  /** Keys to sync across machines with Settings Sync. */
  static syncKeys(series: Iterable<string>): string[] {
    return [...series].map(storageKey);
  }
}

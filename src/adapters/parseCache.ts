// The parsed form of the schedule files kept between two starts (issue 22): series_status.yaml's entries
// and each schedule, as the JSON the extension works on, keyed by the file and a hash of its text. A hit
// needs no YAML library, so a second start shows the phase without loading dist/yaml.js; a changed file
// misses and is parsed as before. One small JSON file in the extension's global storage; plain Node.
import { createHash } from 'crypto';
import * as fs from 'fs/promises';
import * as path from 'path';

const FILE = 'parsed-schedules.json';
/** Bumped when the parsed shape changes: an older cache is then ignored. */
const FORMAT = 1;
/** Entries kept: a full releases checkout has a few dozen schedule files; older entries go first. */
const MAX_ENTRIES = 200;
/** A cache file bigger than this is not read (something else wrote it). */
const MAX_BYTES = 4 * 1024 * 1024;

interface Stored {
  format: number;
  entries: Record<string, { hash: string; value: unknown }>;
}

export class ParseCache {
  private entries = new Map<string, { hash: string; value: unknown }>();
  private loaded?: Promise<void>;
  private dirty = false;
  private writing?: Promise<void>;
  /** Hits and misses since the start, for the bench and the tests. */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly dir: string) {}

  /** Reads the stored entries once; a missing, unreadable or foreign file is an empty cache. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        const file = path.join(this.dir, FILE);
        const stat = await fs.stat(file);
        if (!stat.isFile() || stat.size > MAX_BYTES) return;
        const stored = JSON.parse(await fs.readFile(file, 'utf8')) as Stored;
        if (stored?.format !== FORMAT || !stored.entries || typeof stored.entries !== 'object') return;
        for (const [key, entry] of Object.entries(stored.entries)) {
          if (entry && typeof entry.hash === 'string') this.entries.set(key, entry);
        }
      } catch {
        // No cache yet, or one that does not read: parse as without it.
      }
    })();
    return this.loaded;
  }

  /**
   * The value parsed from `text` for `key` (a file path), from the cache when the text is the one it was
   * parsed from, else from `parse` (stored for the next start). A parse that throws is not stored.
   */
  get<T>(key: string, text: string, parse: () => T): T {
    const hash = createHash('sha256').update(text).digest('base64');
    const entry = this.entries.get(key);
    if (entry?.hash === hash) {
      this.counts.hits++;
      return structuredClone(entry.value) as T;
    }
    this.counts.misses++;
    const value = parse();
    this.entries.delete(key);
    this.entries.set(key, { hash, value: structuredClone(value) });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.scheduleWrite();
    return value;
  }

  /** Resolves when what was parsed so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private scheduleWrite(): void {
    this.dirty = true;
    if (this.writing) return;
    // After the current turn: the misses of one load are written together.
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.write())
      .finally(() => (this.writing = undefined));
  }

  private async write(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const stored: Stored = { format: FORMAT, entries: Object.fromEntries(this.entries) };
      try {
        await fs.mkdir(this.dir, { recursive: true });
        // Written beside, then renamed: a crash never leaves half a file for the next start.
        const temp = path.join(this.dir, `${FILE}.${process.pid}.tmp`);
        await fs.writeFile(temp, JSON.stringify(stored));
        await fs.rename(temp, path.join(this.dir, FILE));
      } catch {
        // A cache that cannot be written only costs the next start a parse.
      }
    }
  }
}

// The one way the extension reads a user's file or lists a user's folder from disk: the file's type is
// checked before anything is opened (a symbolic link is followed only to a regular file), the file is
// opened non-blocking and checked again on the open descriptor (no race with a swap to a FIFO), and at
// most `maxBytes + 1` bytes are read whatever stat says (a sparse or growing file cannot make it read
// more). A folder listing stops after `maxEntries`. Plain Node (fs/promises): no `vscode` import.
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** What a path is, as far as reading it goes. */
export type PathKind = 'file' | 'directory' | 'missing' | 'fifo' | 'socket' | 'device' | 'loop' | 'denied' | 'other';

export interface PathInfo {
  kind: PathKind;
  /** Set when the path is a symbolic link: where it points (as written in the link). */
  linkTarget?: string;
  /** The error code when the type could not be read (EACCES, ELOOP…). */
  code?: string;
}

export type SafeRead =
  | { bytes: Uint8Array }
  /** Not read: what the path is instead of a regular file. */
  | { refused: Exclude<PathKind, 'file'>; linkTarget?: string; code?: string }
  /** More than `maxBytes` bytes: none of them kept. */
  | { tooBig: true; maxBytes: number };

export interface Listing {
  /** Entry names with their kind (a symbolic link is reported as what it points to, unresolved links as 'missing'). */
  entries: Array<{ name: string; kind: PathKind }>;
  /** True when the folder holds more than `maxEntries` entries (the rest were not listed). */
  truncated: boolean;
}

/** Counts the calls, so tests and the benchmark can show how little is read. */
const safeReadCounter = { inspect: 0, read: 0, list: 0 };

function kindOf(s: Stats): PathKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'other';
}

function errorKind(error: unknown): { kind: PathKind; code?: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', code };
  if (code === 'ELOOP') return { kind: 'loop', code };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'denied', code };
  return { kind: 'other', code };
}

/** What `path` is: never opens it. A symbolic link is described by what it ends at. */
export async function inspectPath(path: string): Promise<PathInfo> {
  safeReadCounter.inspect++;
  let own: Stats;
  try {
    own = await lstat(path);
  } catch (error) {
    return errorKind(error);
  }
  if (!own.isSymbolicLink()) return { kind: kindOf(own) };
  const linkTarget = await readlink(path).catch(() => undefined);
  try {
    return { kind: kindOf(await stat(path)), linkTarget };
  } catch (error) {
    // A dangling link is "missing", but says where it points.
    return { ...errorKind(error), linkTarget };
  }
}

/** The bytes of the regular file at `path`, at most `maxBytes` of them, or why it was not read. */
export async function readCapped(path: string, maxBytes: number): Promise<SafeRead> {
  safeReadCounter.read++;
  const info = await inspectPath(path);
  if (info.kind !== 'file') return { refused: info.kind as Exclude<PathKind, 'file'>, linkTarget: info.linkTarget, code: info.code };
  let handle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the check, opening it does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { refused: errorKind(error).kind as Exclude<PathKind, 'file'>, code: errorKind(error).code };
  }
  try {
    const kind = kindOf(await handle.stat());
    if (kind !== 'file') return { refused: kind as Exclude<PathKind, 'file'>, linkTarget: info.linkTarget };
    // Read until EOF or one byte past the cap: stat's size is never trusted (sparse files, /proc, growth).
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      total += bytesRead;
      if (total > maxBytes) return { tooBig: true, maxBytes };
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } catch (error) {
    return { refused: errorKind(error).kind as Exclude<PathKind, 'file'>, code: errorKind(error).code };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The entries of the folder at `path`, at most `maxEntries`; undefined when it is not a readable folder.
 * One readdir on the thread pool: an opendir iteration costs a promise per name on this thread (over
 * 5,000 names, a widest gap of 4-12 ms in plain Node, far more in the extension host; readdir's, 0.1-1.3 ms).
 */
export async function listCapped(path: string, maxEntries: number, resolveLinks = true): Promise<Listing | undefined> {
  safeReadCounter.list++;
  let found;
  try {
    found = await readdir(path, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const entries: Listing['entries'] = [];
  for (const entry of found.slice(0, maxEntries)) {
    let kind: PathKind = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isFIFO() ? 'fifo' : entry.isSocket() ? 'socket' : entry.isCharacterDevice() || entry.isBlockDevice() ? 'device' : 'other';
    if (entry.isSymbolicLink()) kind = resolveLinks ? (await inspectPath(`${path}/${entry.name}`)).kind : 'other';
    entries.push({ name: entry.name, kind });
  }
  return { entries, truncated: found.length > maxEntries };
}

// Reads `data/series_status.yaml` into the entries the rules need (newest first, as in the file).
import { parse } from 'yaml';
import type { SeriesStatusEntry } from './types';

export function readSeriesStatus(text: string): SeriesStatusEntry[] {
  let data: unknown;
  try {
    data = parse(text, { schema: 'failsafe', maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((e: unknown) => {
    if (!e || typeof e !== 'object') return [];
    const { name, status, 'release-id': releaseId } = e as Record<string, unknown>;
    if (typeof name !== 'string' || typeof status !== 'string') return [];
    return [{ name, status, ...(typeof releaseId === 'string' ? { releaseId } : {}) }];
  });
}

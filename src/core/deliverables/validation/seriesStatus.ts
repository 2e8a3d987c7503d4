// `data/series_status.yaml` for the rules: the same reader the calendar uses (calendar/scheduleYaml.ts),
// newest first as in the file; a file that does not read gives no entries (the rules needing them skip).
import { parseSeriesStatus } from '../../calendar/scheduleYaml';
import type { SeriesStatusEntry } from './types';

export function readSeriesStatus(text: string): SeriesStatusEntry[] {
  try {
    return parseSeriesStatus(text, 'data/series_status.yaml');
  } catch {
    return [];
  }
}

// YAML text -> schedule data. Kept apart from schedule.ts: it pulls in the `yaml` library, which
// the extension loads only after activation (dist/readers.js), never on the startup path.
import { parse } from 'yaml';
import { DataError } from './dataErrors';
import { validateSchedule, validateSeriesStatus, type Schedule, type SeriesInfo } from './schedule';

/** Parses YAML with every scalar as text: release-id 2026.10 must stay "2026.10". */
export function parseYamlText(text: string, source: string): unknown {
  try {
    return parse(text, { schema: 'failsafe', uniqueKeys: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DataError(source, '(YAML)', message);
  }
}

export function parseSchedule(series: string, yamlText: string, source: string, eventTitles?: Record<string, string>): Schedule {
  return validateSchedule(series, parseYamlText(yamlText, source), source, eventTitles);
}

export function parseSeriesStatus(yamlText: string, source: string): SeriesInfo[] {
  return validateSeriesStatus(parseYamlText(yamlText, source), source);
}

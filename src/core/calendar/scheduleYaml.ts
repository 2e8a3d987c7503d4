// YAML text -> schedule data. Kept apart from schedule.ts: it pulls in the `yaml` library, which
// the extension loads only after activation (dist/yamlReaders.js), never on the startup path.
import { LineCounter, parse, parseDocument } from 'yaml';
import { DataError } from '../dataErrors';
import { t } from '../l10n';
import { validateSchedule, validateSeriesStatus, type Schedule, type SeriesInfo } from './schedule';

/** Parses YAML with every scalar as text: release-id 2026.10 must stay "2026.10". */
export function parseYamlText(text: string, source: string): unknown {
  try {
    return parse(text, { schema: 'failsafe', uniqueKeys: false, maxAliasCount: 100 });
  } catch (error) {
    throw new DataError(source, '(YAML)', yamlErrorText(error), yamlErrorLine(error));
  }
}

export function parseSchedule(series: string, yamlText: string, source: string, eventTitles?: Record<string, string>): Schedule {
  return validateSchedule(series, parseYamlText(yamlText, source), source, eventTitles);
}

export function parseSeriesStatus(yamlText: string, source: string): SeriesInfo[] {
  return validateSeriesStatus(parseYamlText(yamlText, source), source);
}

/**
 * A YAML error in one sentence with its line: the library's first line reads "Tabs are not allowed …
 * at line 6, column 1:" and the lines after it quote the file, which a message must not echo.
 */
function yamlErrorText(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
  const at = / at line (\d+), column (\d+):?$/.exec(first);
  const what = (at ? first.slice(0, at.index) : first).replace(/[.:]$/, '').slice(0, 160);
  return at ? t('line {0}, column {1}: {2}', at[1], at[2], what) : what;
}

/** The 1-based line the `yaml` library gives a parse error, if any. */
function yamlErrorLine(error: unknown): number | undefined {
  const linePos = (error as { linePos?: Array<{ line: number }> } | undefined)?.linePos;
  return linePos?.[0]?.line;
}

/** The 1-based line of a field path a DataError names (`cycle[2].start`), or undefined. */
export function lineOfField(text: string, fieldPath: string): number | undefined {
  const path = fieldPath.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (path.length === 0) return undefined;
  try {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  } catch {
    return undefined;
  }
}

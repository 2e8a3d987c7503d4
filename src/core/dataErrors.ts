// Errors for malformed data files: the message always names the file and the field.
import { msg, t, verbatim } from './l10n';
import type { Problem } from './problem';

export class DataError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string,
    /** 1-based, when the parser knows it (a YAML syntax error). */
    readonly line?: number,
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'DataError';
  }
}

/**
 * A DataError from any bundle: the YAML readers are their own bundle (dist/yamlReaders.js) with their own
 * copy of the class, so `instanceof` is not enough on the editor side.
 */
function isDataError(error: unknown): error is DataError {
  if (error instanceof DataError) return true;
  const e = error as Partial<DataError> | undefined;
  return error instanceof Error && e?.name === 'DataError' && typeof e.field === 'string' && typeof e.problem === 'string';
}

/**
 * A problem for an error thrown while reading a data file: a DataError keeps its field (placed on its line
 * by whoever has the text) and its line; any other error keeps its message.
 */
export function problemOfError(error: unknown, at: Omit<Problem, 'message'>): Problem {
  if (!isDataError(error)) return { ...at, message: verbatim(error instanceof Error ? error.message : String(error)) };
  if (error.field === '(YAML)') return { ...at, line: error.line, message: msg('not valid YAML: {0}', error.problem) };
  const field = error.field.startsWith('(') ? undefined : error.field;
  return { ...at, line: error.line, field, message: field ? msg('{0}: {1}', field, error.problem) : verbatim(error.problem) };
}

function describe(value: unknown): string {
  if (value === undefined) return t('nothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('a list');
  if (typeof value === 'object') return t('a mapping');
  return JSON.stringify(value);
}

/** Small typed readers over untrusted parsed data; each failure names the field path. */
export class FieldReader {
  constructor(readonly source: string) {}

  fail(field: string, problem: string): never {
    throw new DataError(this.source, field, problem);
  }

  mapping(value: unknown, field: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(field, t('expected a mapping, got {0}', describe(value)));
    }
    return value as Record<string, unknown>;
  }

  list(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) this.fail(field, t('expected a list, got {0}', describe(value)));
    return value;
  }

  optionalList(value: unknown, field: string): unknown[] {
    return value === undefined || value === null ? [] : this.list(value, field);
  }

  text(value: unknown, field: string): string {
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(field, t('expected text, got {0}', describe(value)));
    }
    return value;
  }

  optionalText(value: unknown, field: string): string | undefined {
    return value === undefined || value === null ? undefined : this.text(value, field);
  }
}

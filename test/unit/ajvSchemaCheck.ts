// ajv as a second schema checker, for tests only: the extension ships its own interpreter (no schema
// library in the package), and these tests hold it to what ajv reports on the same schema and data.
import Ajv, { type ErrorObject } from 'ajv';
import type { SchemaCheck, SchemaError } from '../../src/core/deliverables/deliverableValidation';

/** Compiles the checkout's schema with ajv (draft-07 keywords; the draft-less `$schema` URI is dropped). */
export function ajvSchemaCheck(schema: Record<string, unknown>): SchemaCheck {
  const rest = { ...schema };
  delete rest.$schema;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(rest);
  return (data) => (validate(data) ? [] : ajvErrors(validate.errors ?? []));
}

const orList = (items: readonly string[]): string => items.reduce((list, item) => `${list} or ${item}`);

/** ajv's errors in the interpreter's words: branch errors of a failed oneOf/anyOf dropped. */
function ajvErrors(errors: ErrorObject[]): SchemaError[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !combinators.some((c) => e.schemaPath !== c && e.schemaPath.startsWith(c.replace(/\/(oneOf|anyOf)$/, '/$1/'))));
  return kept.map((error) => {
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const p = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties':
        return { path, keyword: error.keyword, message: `unknown key "${String(p.additionalProperty)}"`, key: String(p.additionalProperty) };
      case 'required':
        return { path, keyword: error.keyword, message: `missing required key "${String(p.missingProperty)}"` };
      case 'enum':
        return { path, keyword: error.keyword, message: `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
      case 'type':
        return { path, keyword: error.keyword, message: `must be ${orList(String(p.type).split(','))}` };
      case 'oneOf':
        return { path, keyword: error.keyword, message: 'must match exactly one of the allowed forms' };
      case 'anyOf':
        return { path, keyword: error.keyword, message: 'must match one of the allowed forms' };
      default:
        return { path, keyword: error.keyword, message: error.message ?? error.keyword };
    }
  });
}

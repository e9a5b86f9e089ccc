import type { JsonSchema } from './json-schema';

/** A fixed instant, so examples are deterministic. */
export const EXAMPLE_DATE_TIME = '2025-01-02T03:04:05.000Z';
const EXAMPLE_URI = 'https://example.com/file';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = root.definitions?.[name];
  if (target === undefined) throw new Error(`example builder: unresolvable $ref ${schema.$ref}`);
  return resolve(target, root);
}

function stringExample(schema: JsonSchema): string {
  if (schema.format === 'date-time') return EXAMPLE_DATE_TIME;
  if (schema.format === 'uri') return EXAMPLE_URI;
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

function numberExample(schema: JsonSchema): number {
  const lowest = schema.minimum ?? Math.min(0, schema.maximum ?? 0);
  const step = schema.multipleOf;
  return step === undefined ? lowest : Math.ceil(lowest / step) * step;
}

function exampleOf(schema: JsonSchema, root: JsonSchema): JsonValue {
  const resolved = resolve(schema, root);
  if (resolved.enum !== undefined) return resolved.enum[0] as JsonValue;
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((resolved.required ?? []).map((name) => [name, exampleOf(resolved.properties?.[name] ?? {}, root)]));
    case 'array': {
      const length = Math.min(Math.max(resolved.minItems ?? 1, 1), resolved.maxItems ?? Number.MAX_SAFE_INTEGER);
      return Array.from({ length }, () => exampleOf(resolved.items ?? {}, root));
    }
    case 'string':
      return stringExample(resolved);
    case 'integer':
    case 'number':
      return numberExample(resolved);
    case 'boolean':
      return true;
    default:
      throw new Error(`example builder: no example for type ${String(type)}`);
  }
}

/**
 * The smallest valid payload a schema allows, built from the schema alone: required properties
 * only, the first enum value, strings of minimal length, numbers at their lower bound, fixed
 * ISO date-times, arrays with `minItems` (at least one) elements.
 */
export function buildExample(schema: JsonSchema): Record<string, JsonValue> {
  const example = exampleOf(schema, schema);
  if (typeof example !== 'object' || example === null || Array.isArray(example)) throw new Error('example builder: the root schema is not an object');
  return example;
}

export interface Mutation {
  readonly payload: Record<string, unknown>;
  /** JSON pointer of the property that was removed or added. */
  readonly pointer: string;
  readonly change: 'removed-required' | 'added-unknown';
}

/** Breaks an occurrence constraint: drops the first required property, else adds an unknown one. */
export function breakOccurrence(schema: JsonSchema, example: Record<string, unknown>): Mutation {
  const [first] = schema.required ?? [];
  if (first !== undefined) {
    const payload = Object.fromEntries(Object.entries(example).filter(([name]) => name !== first));
    return { payload, pointer: `/${first}`, change: 'removed-required' };
  }
  return { payload: { ...example, unexpectedProperty: 1 }, pointer: '/unexpectedProperty', change: 'added-unknown' };
}

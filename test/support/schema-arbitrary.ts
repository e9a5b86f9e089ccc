import type { JsonSchema } from '@app/ocpp/testing';
import fc from 'fast-check';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Arrays are kept short: the point is variety of content, not volume. */
const MAX_ARRAY_LENGTH = 3;
/** Strings stay short unless the schema asks for more; over-long ones come from the mutations. */
const MAX_STRING_LENGTH = 40;

export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const target = root.definitions?.[schema.$ref.replace('#/definitions/', '')];
  if (target === undefined) throw new Error(`schema arbitrary: unresolvable $ref ${schema.$ref}`);
  return resolveSchema(target, root);
}

export function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : (schema.type as string | undefined);
}

/**
 * Text of every kind a station might send: ASCII, any grapheme (emoji, combining marks), and any
 * code point (control characters, U+0000, astral planes). Lengths count code points, as Ajv does.
 */
export function anyText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength }),
    fc.string({ unit: fc.constantFrom('é', 'e\u0301', '😀', '\u200b', '\ufeff', '𝔘', '\u202e'), minLength, maxLength }),
  );
}

const dateTime = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());

function uri(maxLength: number): fc.Arbitrary<string> {
  const segment = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.'.split('')), minLength: 1, maxLength: 12 });
  return fc
    .tuple(fc.constantFrom('https', 'http', 'ftp', 'ftps'), segment, fc.array(segment, { maxLength: 3 }))
    .map(([scheme, host, path]) => `${scheme}://h${host.replace(/\W/g, '')}.example.com/${path.join('/')}`.slice(0, maxLength));
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const maxLength = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  if (schema.format === 'date-time') return dateTime;
  if (schema.format === 'uri') return uri(maxLength);
  const minLength = schema.minLength ?? 0;
  // A grapheme may be several code points (e + U+0301): cut to the limit, which Ajv counts in code points.
  return anyText(minLength, Math.max(minLength, Math.min(maxLength, MAX_STRING_LENGTH))).map((text) => [...text].slice(0, maxLength).join(''));
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -(2 ** 31);
  const max = schema.maximum ?? 2 ** 31 - 1;
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: Math.max(min, 0), max: Math.min(max, 100) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  if (schema.multipleOf !== undefined) {
    // Whole multiples: 3 * 0.1 is not 0.3 in binary floating point, and no station sends 0.30000000000000004.
    const step = schema.multipleOf;
    return fc.integer({ min: 0, max: 10_000 }).map((count) => Number((count * step).toFixed(6)));
  }
  const min = schema.minimum ?? -1e9;
  const max = schema.maximum ?? 1e9;
  return fc.oneof(fc.integer({ min: Math.max(min, 0), max: Math.min(max, 1000) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)));
}

function objectArbitrary(schema: JsonSchema, root: JsonSchema): fc.Arbitrary<JsonValue> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<JsonValue>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = valueArbitrary(property, root);
  // Keys outside requiredKeys are left out at random: every mix of optional properties occurs.
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) as never[] }) as fc.Arbitrary<JsonValue>;
}

/** Any value the schema accepts (within the few keywords the OCA schemas use). */
export function valueArbitrary(schema: JsonSchema, root: JsonSchema): fc.Arbitrary<JsonValue> {
  const resolved = resolveSchema(schema, root);
  if (resolved.enum !== undefined) return fc.constantFrom(...(resolved.enum as JsonValue[]));
  switch (typeOf(resolved)) {
    case 'object':
      return objectArbitrary(resolved, root);
    case 'array': {
      const minLength = resolved.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(resolved.maxItems ?? MAX_ARRAY_LENGTH, MAX_ARRAY_LENGTH));
      return fc.array(valueArbitrary(resolved.items ?? {}, root), { minLength, maxLength });
    }
    case 'string':
      return stringArbitrary(resolved);
    case 'integer':
      return integerArbitrary(resolved);
    case 'number':
      return numberArbitrary(resolved);
    case 'boolean':
      return fc.boolean();
    default:
      // An untyped value (2.0.1 DataTransfer.data): anything JSON.
      return fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
  }
}

/** A payload the schema accepts. */
export function payloadArbitrary(schema: JsonSchema): fc.Arbitrary<JsonObject> {
  return valueArbitrary(schema, schema) as fc.Arbitrary<JsonObject>;
}

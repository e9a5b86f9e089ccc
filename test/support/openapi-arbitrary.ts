import fc from 'fast-check';
import { type JsonValue, anyText } from './schema-arbitrary';

/** The part of an OpenAPI 3.0 schema object the generator reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

export type Components = Record<string, OpenApiSchema>;

/** Any JSON value, often hostile: odd text, huge and negative numbers, nesting, prototype keys. */
export const junk: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
  anyText(0, 40),
  anyText(300, 2000),
  fc.constantFrom<JsonValue>(-1, 0, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5, '', ' ', 'null', '../../etc/passwd', "' OR 1=1 --", '%00', '\u0000', { __proto__: 1 } as unknown as JsonValue, [], {}),
);

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function stringArbitrary(schema: OpenApiSchema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri') return fc.webUrl();
  const matching = schema.pattern === undefined ? undefined : patternArbitrary(schema.pattern);
  const maxLength = Math.min(schema.maxLength ?? 30, 30);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  const plain = fc.string({ unit: 'grapheme-ascii', minLength, maxLength });
  return matching ? matching.filter((text) => text.length <= (schema.maxLength ?? Infinity) && text.length >= (schema.minLength ?? 0)) : plain;
}

/**
 * Values close to what `schema` accepts (most are valid, some miss by a little); depth-limited.
 * Plausible input reaches the handlers; the fuzzing around it comes from `junk` and mutations.
 */
export function plausibleValue(schema: OpenApiSchema | undefined, components: Components, depth = 0): fc.Arbitrary<JsonValue> {
  if (schema === undefined || depth > 6) return junk;
  if (schema.$ref !== undefined) return plausibleValue(components[schema.$ref.replace('#/components/schemas/', '')], components, depth + 1);
  const options = schema.oneOf ?? schema.anyOf;
  let value: fc.Arbitrary<JsonValue>;
  if (options !== undefined && options.length > 0) value = fc.oneof(...options.map((option) => plausibleValue(option, components, depth + 1)));
  else if (schema.allOf !== undefined && schema.allOf.length > 0) value = plausibleValue(schema.allOf[0], components, depth + 1);
  else if (schema.enum !== undefined && schema.enum.length > 0) value = fc.constantFrom(...(schema.enum as JsonValue[]));
  else value = typedValue(schema, components, depth);
  return schema.nullable ? fc.oneof(fc.constant(null), value) : value;
}

function typedValue(schema: OpenApiSchema, components: Components, depth: number): fc.Arbitrary<JsonValue> {
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<JsonValue>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = plausibleValue(property, components, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in record) as never[] }) as fc.Arbitrary<JsonValue>;
    }
    case 'array': {
      const minLength = Math.min(schema.minItems ?? 0, 3);
      return fc.array(plausibleValue(schema.items, components, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return junk;
  }
}

/** A plausible object with one property removed or replaced by junk: the near misses validation must catch. */
export function nearMiss(schema: OpenApiSchema | undefined, components: Components): fc.Arbitrary<JsonValue> {
  return fc.tuple(plausibleValue(schema, components), fc.nat(), junk, fc.boolean()).map(([value, index, replacement, remove]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return replacement;
    const names = Object.keys(value);
    if (names.length === 0) return { [`x${index % 7}`]: replacement };
    const name = names[index % names.length] as string;
    const copy: Record<string, JsonValue> = { ...value };
    if (remove) delete copy[name];
    else copy[name] = replacement;
    return copy;
  });
}

import type { JsonSchema } from '@app/ocpp/testing';
import fc from 'fast-check';
import { type JsonObject, type JsonValue, anyText, resolveSchema, typeOf } from './schema-arbitrary';

/** Which constraint a mutation breaks, in OCPP-J's words. */
export type Violation = 'occurrence' | 'type' | 'property';

/** A valid payload with exactly one constraint broken, and where. */
export interface PayloadMutation {
  readonly payload: JsonObject;
  /** JSON pointer of the broken value (of the removed or added property). */
  readonly pointer: string;
  readonly violation: Violation;
  readonly what: string;
}

type Path = readonly (string | number)[];
const REMOVE = Symbol('remove');

function pointerOf(path: Path): string {
  return path.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function setAt(root: JsonObject, path: Path, value: JsonValue | typeof REMOVE): JsonObject {
  const copy = structuredClone(root);
  let node: JsonValue = copy;
  for (const token of path.slice(0, -1)) node = (node as Record<string | number, JsonValue>)[token] as JsonValue;
  const last = path[path.length - 1] as string | number;
  const container = node as Record<string | number, JsonValue>;
  if (value === REMOVE) delete container[last];
  // defineProperty: a key such as "__proto__" must become data, as JSON.parse makes it on the other side.
  else Object.defineProperty(container, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Nesting far deeper than any OCPP message, to check that the CSMS's parser and validator do not
 * recurse without bound. Too deep for JSON.stringify, so it travels as a placeholder string that
 * `frameText` expands.
 */
const DEEP_PREFIX = '@@deeply-nested:';
const deeplyNested = fc.integer({ min: 100, max: 20_000 }).map((depth): JsonValue => `${DEEP_PREFIX}${depth}@@`);

/** The frame as text, with each deep-nesting placeholder expanded to `[{"d":[{"d":...}]}]`. */
export function frameText(frame: JsonValue[]): string {
  return JSON.stringify(frame).replace(/"@@deeply-nested:(\d+)@@"/g, (_match, depth: string) => {
    const levels = Number(depth);
    return `${'[{"d":'.repeat(levels)}[]${'}]'.repeat(levels)}`;
  });
}

const wrongTypedValues: Readonly<Record<string, fc.Arbitrary<JsonValue>>> = {
  string: fc.oneof(fc.integer(), fc.boolean(), fc.constant<JsonValue>(null), fc.constant<JsonValue>([]), fc.constant<JsonValue>({})),
  integer: fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.constant<JsonValue>(null), fc.constant<JsonValue>([1]), fc.integer().map((n) => n + 0.5)),
  number: fc.oneof(fc.string({ maxLength: 5 }), fc.boolean(), fc.constant<JsonValue>(null), fc.constant<JsonValue>({})),
  boolean: fc.oneof(fc.constantFrom('true', 'false', 0, 1, null), fc.constant<JsonValue>([])),
  object: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant<JsonValue>(null), fc.constant<JsonValue>([]), fc.constant<JsonValue>([{}])),
  array: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant<JsonValue>(null), fc.constant<JsonValue>({ 0: 'x' })),
};

const extraNames = fc.constantFrom('extra', 'fuzz', '__proto__', 'constructor', 'a/b', 'm~n', '', 'é', '😀');
const badDateTimes = fc.constantFrom('yesterday', '2025-13-01T00:00:00Z', '2025-01-01', '2025-02-30T10:00:00Z', '2025-01-01T25:61:00Z', '');
const badUris = fc.constantFrom('not a uri', 'x y', '');

interface Site {
  readonly violation: Violation;
  readonly what: string;
  readonly mutated: fc.Arbitrary<{ payload: JsonObject; pointer: string }>;
}

function codePoints(text: string): number {
  return [...text].length;
}

/** The ways to break `value` (at `path`, valid for `schema`) with a single violation. */
function sitesOf(root: JsonObject, value: JsonValue, schema: JsonSchema, rootSchema: JsonSchema, path: Path): Site[] {
  const resolved = resolveSchema(schema, rootSchema);
  const type = typeOf(resolved);
  const sites: Site[] = [];
  const site = (violation: Violation, what: string, replacement: fc.Arbitrary<JsonValue>, at: Path = path) =>
    sites.push({ violation, what, mutated: replacement.map((next) => ({ payload: setAt(root, at, next), pointer: pointerOf(at) })) });
  if (path.length > 0 && type !== undefined && wrongTypedValues[type]) site('type', `not ${type}`, wrongTypedValues[type] as fc.Arbitrary<JsonValue>);
  if (path.length > 0 && resolved.enum !== undefined) {
    const allowed = new Set(resolved.enum);
    const lowered = resolved.enum.map((member) => String(member).toLowerCase()).filter((member) => !allowed.has(member));
    site('property', 'not in enum', fc.oneof(anyText(0, 20), fc.constantFrom(...lowered, 'Bogus')).filter((text) => !allowed.has(text)));
  }
  if (type === 'string' && typeof value === 'string') {
    if (resolved.maxLength !== undefined) {
      const limit = resolved.maxLength;
      site('property', `longer than ${limit}`, anyText(limit + 1, limit + 3).map((text) => (codePoints(text) > limit ? text : text + 'x'.repeat(limit + 1 - codePoints(text)))));
    }
    if ((resolved.minLength ?? 0) > 0) site('property', `shorter than ${resolved.minLength}`, fc.constant(''));
    if (resolved.format === 'date-time') site('property', 'not a date-time', badDateTimes);
    if (resolved.format === 'uri') site('property', 'not a uri', badUris);
  }
  if ((type === 'integer' || type === 'number') && typeof value === 'number') {
    if (resolved.minimum !== undefined) site('property', `below ${resolved.minimum}`, fc.integer({ min: 1, max: 1000 }).map((delta) => (resolved.minimum as number) - delta));
    if (resolved.maximum !== undefined) site('property', `above ${resolved.maximum}`, fc.integer({ min: 1, max: 1000 }).map((delta) => (resolved.maximum as number) + delta));
  }
  if (type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const properties = resolved.properties ?? {};
    for (const name of resolved.required ?? []) {
      if (Object.hasOwn(value, name)) sites.push({ violation: 'occurrence', what: 'required removed', mutated: fc.constant({ payload: setAt(root, [...path, name], REMOVE), pointer: pointerOf([...path, name]) }) });
    }
    if (resolved.additionalProperties === false) {
      const unknown = extraNames.filter((name) => !Object.hasOwn(properties, name));
      const extra = fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>, deeplyNested);
      sites.push({ violation: 'occurrence', what: 'unknown property', mutated: fc.tuple(unknown, extra).map(([name, added]) => ({ payload: setAt(root, [...path, name], added), pointer: pointerOf([...path, name]) })) });
    }
    for (const [name, field] of Object.entries(value)) {
      const fieldSchema = properties[name];
      if (fieldSchema) sites.push(...sitesOf(root, field, fieldSchema, rootSchema, [...path, name]));
    }
  }
  if (type === 'array' && Array.isArray(value)) {
    if ((resolved.minItems ?? 0) > 0) site('occurrence', `fewer than ${resolved.minItems} items`, fc.constant([]));
    if (resolved.maxItems !== undefined && value.length > 0) site('occurrence', `more than ${resolved.maxItems} items`, fc.constant(Array.from({ length: (resolved.maxItems as number) + 1 }, () => value[0] as JsonValue)));
    value.forEach((item, index) => sites.push(...sitesOf(root, item, resolved.items ?? {}, rootSchema, [...path, index])));
  }
  return sites;
}

/** Every single-violation mutation of `payload`; undefined when the schema leaves nothing to break. */
export function mutationOf(schema: JsonSchema, payload: JsonObject): fc.Arbitrary<PayloadMutation> | undefined {
  const sites = sitesOf(payload, payload, schema, schema, []);
  if (sites.length === 0) return undefined;
  return fc.oneof(...sites.map((found) => found.mutated.map(({ payload: mutated, pointer }) => ({ payload: mutated, pointer, violation: found.violation, what: found.what }))));
}

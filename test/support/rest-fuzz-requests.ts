import fc from 'fast-check';
import { type Components, type OpenApiSchema, junk, nearMiss, plausibleValue } from './openapi-arbitrary';
import { anyText } from './schema-arbitrary';

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses: Record<string, unknown>;
  security?: Record<string, unknown>[];
  'x-required-role'?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Components };
}

/** One route of one service, as its OpenAPI document describes it. */
export interface Operation {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly operation: OpenApiOperation;
  readonly components: Components;
}

export type Credential = { kind: 'role'; role: string } | { kind: 'internal' } | { kind: 'oscp' } | { kind: 'none' };

export interface FuzzRequest {
  readonly operation: Operation;
  readonly method: string;
  /** Path and query, percent-encoded as sent. */
  readonly target: string;
  readonly credential: Credential;
  readonly contentType?: string;
  readonly body?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(service: string, document: OpenApiDocument): Operation[] {
  const components = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ service, method: method.toUpperCase(), path, operation, components })),
  );
}

/** The token the route asks for: its role (the lowest of `x-required-role`), the internal token, or none. */
export function credentialOf(operation: OpenApiOperation): Credential {
  const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const role = operation['x-required-role'];
  if (typeof role === 'string') return { kind: 'role', role: role.split('|')[0] as string };
  if (schemes.includes('internal-token')) return { kind: 'internal' };
  if (schemes.includes('oscp-token')) return { kind: 'oscp' };
  return { kind: 'none' };
}

const stringified = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

function parameterValue(parameter: OpenApiParameter, components: Components): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausibleValue(parameter.schema, components).map(stringified) },
    { weight: 1, arbitrary: junk.map(stringified) },
    { weight: 1, arbitrary: fc.constantFrom('FUZZ-1', '1', '0', '-1', '99999999999999999999', 'NaN', 'true', '00000000-0000-0000-0000-000000000000') },
  );
}

/** A path segment: percent-encoded, or (sometimes) with malformed escapes that the router must refuse politely. */
function pathSegment(parameter: OpenApiParameter, components: Components): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: parameterValue(parameter, components).filter((value) => value.length > 0).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '..', '.', '%2F', '%2e%2e', 'a;b', '~') },
    { weight: 1, arbitrary: anyText(1, 300).map(encodeURIComponent) },
  );
}

function queryString(operation: Operation): fc.Arbitrary<string> {
  const declared = (operation.operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const pairs = declared.map((parameter) =>
    fc.option(
      fc.tuple(parameterValue(parameter, operation.components), fc.nat({ max: 9 })).map(([value, repeat]) =>
        // Now and then a key twice: Express then reads an array where the route expects a string.
        repeat === 0 ? [[parameter.name, value], [parameter.name, value]] : [[parameter.name, value]],
      ),
      { nil: [] as string[][] },
    ),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('unknown', 'limit[]', 'a[b]', '__proto__', 'cursor'), junk.map(stringified)).map((pair) => [pair]), { nil: [] as string[][] });
  return fc.tuple(fc.tuple(...pairs), extra).map(([chosen, more]) => {
    const search = new URLSearchParams();
    for (const [name, value] of [...chosen.flat(), ...more]) search.append(name as string, value as string);
    const text = search.toString();
    return text === '' ? '' : `?${text}`;
  });
}

function bodyOf(operation: Operation): fc.Arbitrary<{ contentType?: string; body?: string }> {
  if (operation.method === 'GET') return fc.constant({});
  const schema = operation.operation.requestBody?.content?.['application/json']?.schema;
  const json = (value: fc.Arbitrary<unknown>) => value.map((body) => ({ contentType: 'application/json', body: JSON.stringify(body) ?? 'null' }));
  return fc.oneof(
    { weight: 4, arbitrary: json(plausibleValue(schema, operation.components)) },
    { weight: 4, arbitrary: json(nearMiss(schema, operation.components)) },
    { weight: 1, arbitrary: json(junk) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), anyText(0, 200)).map(([contentType, body]) => ({ contentType, body })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** Requests to `operation`: its path with fuzzed parameters, a query, a body, and the route's credential. */
export function requestsTo(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParameters = (operation.operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const segments = fc.record(Object.fromEntries(pathParameters.map((parameter) => [parameter.name, pathSegment(parameter, operation.components)])));
  return fc.tuple(segments, queryString(operation), bodyOf(operation)).map(([values, query, body]) => ({
    operation,
    method: operation.method,
    target: operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? name) + query,
    credential: credentialOf(operation.operation),
    ...body,
  }));
}

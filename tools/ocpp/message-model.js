// One version's messages, normalised: the action list, a shared definitions table and one schema
// per request/response named `<Action>Request` / `<Action>Response` in both versions.
const { describeSource, loadMessages } = require('./schema-source');
const { normaliseSchema, shareDefinitions } = require('./schema-keywords');

function buildMessageModel(spec) {
  const loaded = loadMessages(spec);
  const where = describeSource(spec.source);
  const schemas = loaded.flatMap(({ action, request, response }) => [
    { name: `${action}Request`, schema: normaliseSchema(request, { keepAnnotations: true, where: `${where} ${action} request` }) },
    { name: `${action}Response`, schema: normaliseSchema(response, { keepAnnotations: true, where: `${where} ${action} response` }) },
  ]);
  const { definitions, messages } = shareDefinitions(schemas);
  return { ...spec, actions: loaded.map(({ action }) => action), definitions, messages };
}

module.exports = { buildMessageModel };

// TypeScript interfaces for every request and response of one version (json-schema-to-typescript).
// All messages and their shared definitions are compiled as one schema, so a definition used by
// many messages (e.g. 2.0.1 `CustomDataType`) is declared once. The root schema is shaped so that
// the compiler also emits the action maps `RequestByAction` and `ResponseByAction`.
const { compile } = require('json-schema-to-typescript');

function actionMap(title, actions, suffix) {
  return {
    title,
    type: 'object',
    additionalProperties: false,
    required: actions,
    properties: Object.fromEntries(actions.map((action) => [action, { $ref: `#/definitions/${action}${suffix}` }])),
  };
}

/**
 * An object schema that allows no property at all (e.g. 1.6 HeartbeatRequest) would become an
 * empty interface, which TypeScript reads as "any non-nullish value"; declare it as the empty
 * object it is.
 */
function withEmptyObjectType(schema) {
  const closed = schema.additionalProperties === false && Object.keys(schema.properties ?? {}).length === 0;
  return closed ? { ...schema, tsType: 'Record<string, never>' } : schema;
}

async function generateTypes(model, banner) {
  const root = {
    title: 'Messages',
    type: 'object',
    additionalProperties: false,
    required: ['requests', 'responses'],
    properties: {
      requests: actionMap('RequestByAction', model.actions, 'Request'),
      responses: actionMap('ResponseByAction', model.actions, 'Response'),
    },
    definitions: {
      ...model.definitions,
      ...Object.fromEntries(model.messages.map(({ name, schema }) => [name, withEmptyObjectType({ ...schema, title: name })])),
    },
  };
  const body = await compile(root, 'Messages', {
    bannerComment: '',
    format: false,
    unreachableDefinitions: true,
    strictIndexSignatures: false,
    cwd: __dirname,
  });
  return `${banner}\n${body}\n/** Every action of OCPP ${model.version}. */\nexport type Action = keyof RequestByAction;\n`;
}

module.exports = { generateTypes };

// Precompiled validators (Ajv 8 standalone code) for every request and response of one version,
// exported as `<Action>Request` / `<Action>Response`. Nothing compiles a schema at run time.
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { normaliseSchema } = require('./schema-keywords');

const definitionsId = 'definitions';

function withoutAnnotations(schema, where) {
  return normaliseSchema(schema, { keepAnnotations: false, where });
}

/** Points a message's local references at the shared definitions schema. */
function rebaseReferences(schema) {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' ? `${definitionsId}${value}` : value,
  );
}

function generateValidators(model, banner) {
  const ajv = new Ajv({
    strict: true,
    allErrors: false, // the first violation decides the CALLERROR; stopping there is cheaper
    messages: false, // descriptions are built from keyword + params by libs/ocpp
    inlineRefs: false, // each shared definition becomes one function instead of a copy per message
    // 1.6 limits are `multipleOf: 0.1`; exact floating-point division would refuse 10.7 (10.7 / 0.1 = 106.99999999999999).
    multipleOfPrecision: 9,
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  // Full mode: `date-time` requires a time zone, as RFC 3339 (and OCPP) does.
  addFormats(ajv);
  ajv.addSchema(withoutAnnotations({ definitions: model.definitions }, definitionsId), definitionsId);
  for (const { name, schema } of model.messages) {
    ajv.addSchema(rebaseReferences(withoutAnnotations(schema, name)), name);
  }
  const exported = Object.fromEntries(model.messages.map(({ name }) => [name, name]));
  return `${banner}\n${standaloneCode(ajv, exported)}\n`;
}

module.exports = { generateValidators };

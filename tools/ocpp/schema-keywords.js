// Normalises the OCA schemas before code generation.
//
// Dialects: the OCA files declare different JSON-schema drafts (2.0.1 and the 1.6 security
// extension: draft-06 with `$id`; the official 1.6 core files draft-04 with `id`), and ocpp-rpc,
// our 1.6 source, relabels all its 1.6 schemas draft-07 (`$id: urn:<Action>.req`) without changing
// what they validate. Rather than loading three meta-schemas
// (draft-04 needs the separate ajv-draft-04 class), we strip `$schema`/`$id`/`id` and compile
// everything with Ajv's default dialect (draft-07). That is only sound because every keyword the
// schemas use means the same in draft-04, -06 and -07; `normaliseSchema` enforces it, so a
// future schema using e.g. `exclusiveMinimum` (boolean in draft-04, number since draft-06) or
// `const` stops the build instead of being silently misread.
//
// Annotations: the OCA generator adds non-standard keywords (`javaType`, `tsEnumNames`, `comment`)
// next to `description`/`$comment`/`default`. They carry no validation meaning. The validators get
// schemas without them (Ajv standalone code embeds schema objects, so they would only add bulk and
// Ajv strict mode would reject the unknown ones); the TypeScript types keep them (descriptions
// become doc comments). Ajv strict mode stays on for everything else, so a typo'd keyword fails.

/** Keywords whose semantics are identical in draft-04, draft-06 and draft-07. */
const validationKeywords = new Set([
  'type', 'properties', 'additionalProperties', 'required', 'enum', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'maxLength', 'minLength', 'pattern', 'format', 'minimum', 'maximum', 'multipleOf', '$ref', 'definitions',
]);
const annotationKeywords = new Set(['title', 'description', 'default', 'examples', '$comment', 'comment', 'javaType', 'tsEnumNames']);
const dialectKeywords = new Set(['$schema', '$id', 'id']);
const localRef = /^#\/definitions\/[A-Za-z0-9_]+$/;

/**
 * Walks a schema (schema positions only: property and definition *names* are data, not keywords)
 * and returns a copy without dialect keywords and, unless `keepAnnotations`, without annotations.
 * Throws on any keyword outside the allow-lists, naming where it was found.
 */
function normaliseSchema(schema, { keepAnnotations, where }) {
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${where}: not a schema`);
  const result = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${where}/${keyword}`;
    if (dialectKeywords.has(keyword)) continue;
    if (annotationKeywords.has(keyword)) {
      if (keepAnnotations) result[keyword] = value;
      continue;
    }
    if (!validationKeywords.has(keyword)) {
      throw new Error(`${at}: keyword "${keyword}" is not known to mean the same in draft-04/06/07; teach tools/ocpp/schema-keywords.js about it`);
    }
    if (keyword === 'properties' || keyword === 'definitions') {
      result[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, normaliseSchema(sub, { keepAnnotations, where: `${at}/${name}` })]),
      );
    } else if (keyword === 'items') {
      result.items = Array.isArray(value)
        ? value.map((sub, i) => normaliseSchema(sub, { keepAnnotations, where: `${at}/${i}` }))
        : normaliseSchema(value, { keepAnnotations, where: at });
    } else if (keyword === 'additionalProperties' && typeof value === 'object') {
      result.additionalProperties = normaliseSchema(value, { keepAnnotations, where: at });
    } else {
      if (keyword === '$ref' && !localRef.test(value)) throw new Error(`${at}: only local "#/definitions/..." references are supported, got ${value}`);
      result[keyword] = value;
    }
  }
  return result;
}

function withoutAnnotations(schema) {
  return normaliseSchema(schema, { keepAnnotations: false, where: '' });
}

/**
 * Moves the `definitions` of every message schema into one shared table. Two schemas may define
 * the same name only with the same validation meaning (annotations may differ); anything else
 * would make a shared table wrong, so it throws.
 */
function shareDefinitions(schemas) {
  const definitions = {};
  const fingerprints = new Map();
  const messages = schemas.map(({ name, schema }) => {
    const { definitions: own = {}, ...rest } = schema;
    for (const [defName, definition] of Object.entries(own)) {
      const fingerprint = JSON.stringify(withoutAnnotations(definition));
      const known = fingerprints.get(defName);
      if (known === undefined) {
        fingerprints.set(defName, { fingerprint, from: name });
        definitions[defName] = definition;
      } else if (known.fingerprint !== fingerprint) {
        throw new Error(`definition ${defName} differs between ${known.from} and ${name}`);
      }
    }
    return { name, schema: rest };
  });
  for (const { name } of messages) {
    if (definitions[name]) throw new Error(`message name ${name} clashes with a definition`);
  }
  return { definitions, messages };
}

module.exports = { normaliseSchema, shareDefinitions };

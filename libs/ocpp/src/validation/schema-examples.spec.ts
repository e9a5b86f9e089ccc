import { actionsOf } from '../catalogue/action.catalogue';
import { ocppVersions } from '../ocpp-version';
import { breakOccurrence, buildExample } from '../testing/schema-example.builder';
import { loadSchema } from '../testing/schema-fixtures';
import type { MessageKind } from './compiled-validators';
import { validateRequest, validateResponse } from './payload.validator';

const occurrenceCode = { '1.6': 'OccurenceConstraintViolation', '2.0.1': 'OccurrenceConstraintViolation' } as const;
const kinds: MessageKind[] = ['request', 'response'];

describe.each(ocppVersions)('OCPP %s: every action against its schema', (version) => {
  describe.each(kinds)('%s', (kind) => {
    const validate = kind === 'request' ? validateRequest : validateResponse;

    it.each(actionsOf(version).map((action) => [action]))('%s: a schema-built example passes, a mutated one fails with an occurrence error', (action) => {
      const schema = loadSchema(version, action, kind);
      const example = buildExample(schema);
      expect(validate(version, action, example)).toEqual({ ok: true });

      const mutation = breakOccurrence(schema, example);
      const result = validate(version, action, mutation.payload);
      if (result.ok) throw new Error(`${action} ${kind} accepted a payload with ${mutation.change} ${mutation.pointer}`);
      expect(result.error.codeIn(version)).toBe(occurrenceCode[version]);
      expect(result.error.description).toBe(
        mutation.change === 'removed-required' ? `${mutation.pointer} is required` : `${mutation.pointer} is not allowed (no additional properties)`,
      );
      expect(result.error.details).toEqual({ path: mutation.pointer, keyword: mutation.change === 'removed-required' ? 'required' : 'additionalProperties' });
    });
  });
});

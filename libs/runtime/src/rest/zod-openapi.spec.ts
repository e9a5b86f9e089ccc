import { z } from 'zod';
import { pageQuery } from './pagination';
import { queryBoolean } from './query-params';
import { openApiSchema } from './zod-openapi';

describe('openApiSchema', () => {
  it('documents query parameters as what they mean, not as text', () => {
    const schema = openApiSchema(z.strictObject({ connected: queryBoolean().optional(), ...pageQuery(1) }));
    expect(schema.properties?.connected).toEqual({ type: 'boolean' });
    expect(schema.properties?.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(schema.properties?.limit).not.toHaveProperty('pattern');
    expect(schema.required).toBeUndefined();
  });

  it('documents request bodies as strict objects with formats but without their regexes', () => {
    const schema = openApiSchema(z.strictObject({ at: z.iso.datetime({ offset: true }), n: z.number().int() }));
    expect(schema).toEqual({
      type: 'object',
      properties: { at: { type: 'string', format: 'date-time' }, n: { type: 'integer' } },
      required: ['at', 'n'],
      additionalProperties: false,
    });
  });
});

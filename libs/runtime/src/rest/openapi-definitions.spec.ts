import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { hoistSchemaDefinitions } from './openapi-definitions';
import { openApiSchema } from './zod-openapi';

const treeNode = z
  .object({
    id: z.string(),
    get children() {
      return z.array(treeNode);
    },
  })
  .meta({ id: 'TreeNode' });

function documentWith(schemas: Record<string, unknown>): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(schemas).map(([path, schema]) => [path, { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } } }]),
  );
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as unknown as OpenAPIObject;
}

describe('hoistSchemaDefinitions', () => {
  it('moves the definitions of a recursive schema to the components and repoints its refs', () => {
    const document = hoistSchemaDefinitions(documentWith({ '/trees': openApiSchema(z.object({ root: treeNode }), 'output') }));
    const schema = JSON.stringify(document.paths['/trees']);
    expect(schema).not.toContain('definitions');
    expect(schema).toContain('"$ref":"#/components/schemas/TreeNode"');
    expect(document.components?.schemas?.TreeNode).toMatchObject({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } } },
    });
  });

  it('keeps one component for a schema used by several operations', () => {
    const document = hoistSchemaDefinitions(documentWith({ '/a': openApiSchema(z.object({ root: treeNode }), 'output'), '/b': openApiSchema(z.array(treeNode), 'output') }));
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(['TreeNode']);
  });

  it('refuses two different schemas under one name', () => {
    const other = z.object({ name: z.string() }).meta({ id: 'TreeNode' });
    expect(() => hoistSchemaDefinitions(documentWith({ '/a': openApiSchema(z.object({ root: treeNode }), 'output'), '/b': openApiSchema(z.object({ other }), 'output') }))).toThrow(
      /two different schemas are named "TreeNode"/,
    );
  });

  it('leaves a document without definitions as it is', () => {
    const document = documentWith({ '/flat': openApiSchema(z.object({ id: z.string() })) });
    expect(hoistSchemaDefinitions(document)).toBe(document);
  });
});

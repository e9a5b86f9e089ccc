import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from './problem';

// The zod schemas that validate requests also document them: each is converted to an OpenAPI
// 3.0 schema (requests as their input, responses as their output), so docs cannot drift.

type JsonSchemaNode = Record<string, unknown>;

/**
 * Drops what only clutters the docs (the regex behind `format: date-time`, the safe-integer
 * bounds) and what contradicts a query parameter's documented type (query-params.ts).
 */
function tidy(node: JsonSchemaNode): void {
  if (node.format === 'date-time' || node.type === 'integer') delete node.pattern;
  if (node.type === 'boolean') delete node.enum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
}

export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const converted = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', override: ({ jsonSchema }) => tidy(jsonSchema as JsonSchemaNode) });
  delete (converted as JsonSchemaNode).$schema;
  return converted as SchemaObject;
}

/** A JSON request body; any other content type is answered 415 (json-body.interceptor.ts). */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: openApiSchema(schema), description, required: false }),
    ApiProblems({ 415: 'The body was not sent as Content-Type: application/json.' }),
  );
}

/** One documented query parameter per field of the (object) query schema. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const document = openApiSchema(schema);
  const required = new Set(document.required ?? []);
  const properties = (document.properties ?? {}) as Record<string, SchemaObject>;
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property, description: property.description }),
    ),
  );
}

export function ApiZodParam(name: string, schema: z.ZodType, description: string): MethodDecorator {
  return ApiParam({ name, required: true, schema: openApiSchema(schema), description });
}

export function ApiZodResponse(status: number, schema: z.ZodType, description: string): MethodDecorator {
  return ApiResponse({ status, description, schema: openApiSchema(schema, 'output') });
}

/** The body of every error answer. */
export const problemDetailsSchema = z
  .looseObject({
    type: z.string().meta({ description: 'urn:csms:problem:<code>' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable, kebab-case name of the problem.' }),
    instance: z.string().optional(),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json).' });

/** Documents error answers: `{ 404: 'No such station.', 409: '...' }`. */
export function ApiProblems(descriptions: Readonly<Record<number, string>>): MethodDecorator & ClassDecorator {
  const schema = openApiSchema(problemDetailsSchema, 'output');
  return applyDecorators(
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: { [PROBLEM_CONTENT_TYPE]: { schema } } }),
    ),
  );
}

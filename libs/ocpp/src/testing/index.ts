// Test support for suites outside this library (e2e, simulator): schema-driven examples and mutations.
export * from './schema-example.builder';
export * from './schema-fixtures';
export type { JsonSchema } from './json-schema';

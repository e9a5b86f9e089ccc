export * from './csv';
export * from './pagination';
export * from './problem';
export * from './problem-json.filter';
export * from './query-params';
export * from './zod-openapi';
export * from './zod-validation.pipe';

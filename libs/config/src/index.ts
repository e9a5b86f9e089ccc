export * from './load-config';
export * from './runtime-config';

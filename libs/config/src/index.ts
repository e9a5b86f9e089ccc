export * from './load-config';
export * from './runtime-config';
export * from './startup.error';
export * from './replica-index';

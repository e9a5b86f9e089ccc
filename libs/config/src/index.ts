export * from './load-config';
export * from './runtime-config';
export * from './startup.error';
export { envSchema } from './env-schema';
export * from './replica-index';
export { apiBaseUrl, installationRoot } from './console-config';
export { isExactOrigin } from './console-env';

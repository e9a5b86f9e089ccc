export * from './health/health.registry';
export * from './logging/interval-log';
export * from './logging/nest-pino.logger';
export * from './logging/root-logger';
export * from './metrics/http-metrics';
export * from './metrics/metrics.registry';
export * from './observability.module';

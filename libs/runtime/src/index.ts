export * from './auth';
export * from './bootstrap/run-services';
export * from './bootstrap/service-definition';
export * from './internal-api/internal-api.decorator';
export * from './internal-api/internal-api.guard';
export * from './runtime-config.module';
export * from './rest';
export * from './tenancy';

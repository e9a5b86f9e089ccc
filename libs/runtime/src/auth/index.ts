export * from './api-auth.module';
export * from './api-role';
export * from './api-token';
export * from './api-token.guard';
export * from './api-token.loader';
export * from './openapi-roles';
export * from './require-role.decorator';
export * from './route-roles';

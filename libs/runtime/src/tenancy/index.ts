export * from './tenant-policy';
export * from './tenant-scope.interceptor';
export * from './tenant-scoped.decorator';
export * from './tenant-stations.lookup';

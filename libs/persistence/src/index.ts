export * from './batching/batch-writer';
export * from './batching/pg-values';
export * from './inbox/handle-once';
export * from './inbox/inbox';
export * from './inbox/inbox.controller';
export * from './migrations/create-inbox-table';
export * from './persistence.module';
export * from './service-data-source';
export { type EmbeddedConnection, type EmbeddedPostgresLease, acquireEmbeddedPostgres } from './embedded/embedded-postgres';

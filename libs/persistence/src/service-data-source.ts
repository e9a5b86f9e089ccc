import type { DatabaseConfig } from '@app/config';
import type { Logger } from 'pino';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded/embedded-postgres';
import path from 'node:path';

export interface ServiceSchema {
  /** PostgreSQL schema the service owns, e.g. `smart_charging`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export interface OpenDataSource {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Opens the service's database, creates its schema and applies its pending
 * migrations. Replicas starting together serialise on an advisory lock, so
 * each migration runs once.
 */
export async function openServiceDataSource(config: DatabaseConfig, service: ServiceSchema, logger: Logger): Promise<OpenDataSource> {
  let embedded: EmbeddedPostgres | undefined;
  let url: string;
  let poolSize: number;
  if (config.kind === 'embedded') {
    embedded = await startEmbeddedPostgres(path.resolve(config.dataDir, 'pglite', service.schema));
    url = embedded.url;
    poolSize = 1;
  } else {
    url = config.url;
    poolSize = config.poolSize;
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema: service.schema,
    entities: service.entities,
    migrations: service.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
  try {
    await dataSource.initialize();
    await migrate(dataSource, service.schema, poolSize > 1, logger);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function migrate(dataSource: DataSource, schema: string, lockAcrossReplicas: boolean, logger: Logger): Promise<void> {
  const lock = lockAcrossReplicas ? dataSource.createQueryRunner() : undefined;
  try {
    // The lock is taken on its own connection, so it needs a pool of two or more.
    await lock?.query('SELECT pg_advisory_lock(hashtext($1))', [`csms:migrations:${schema}`]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  } finally {
    if (lock) {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`csms:migrations:${schema}`]).catch(() => undefined);
      await lock.release();
    }
  }
}

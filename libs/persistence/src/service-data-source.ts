import type { DatabaseConfig } from '@app/config';
import type { Logger } from 'pino';
import { DataSource, type EntitySchema, type MixedList, type QueryRunner } from 'typeorm';
import { type EmbeddedPostgresLease, acquireEmbeddedPostgres } from './embedded/embedded-postgres';
import { type LockQuery, releaseMigrationLock, takeMigrationLock } from './migrations/migration-lock';

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

/** How one DataSource of a schema pools its connections, and what it does once open. */
export interface PoolSettings {
  size: number;
  /** Longest wait for a free pooled connection before a query fails. */
  waitMs: number;
  /** Runs once the DataSource is initialised (e.g. migrations); a failure closes it again. */
  prepare?(dataSource: DataSource): Promise<void>;
}

/** Opens a DataSource on the service's schema (the embedded server's or the configured one) with its own pool. */
export async function openPooledDataSource(config: DatabaseConfig, service: ServiceSchema, pool: PoolSettings, logger: Logger): Promise<OpenDataSource> {
  const embedded: EmbeddedPostgresLease | undefined = config.kind === 'embedded' ? await acquireEmbeddedPostgres(config.dataDir, logger) : undefined;
  const server = embedded ? embedded.connection : { url: config.kind === 'postgres' ? config.url : undefined };
  const dataSource = new DataSource({
    type: 'postgres',
    ...server,
    schema: service.schema,
    entities: service.entities,
    migrations: service.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: pool.size, connectionTimeoutMillis: pool.waitMs },
  });
  try {
    await dataSource.initialize();
    await pool.prepare?.(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.release();
    throw error;
  }
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.release();
    },
  };
}

/**
 * Opens the service's database, creates its schema and applies its pending
 * migrations. Replicas starting together serialise on an advisory lock, so
 * each migration runs once.
 */
export function openServiceDataSource(config: DatabaseConfig, service: ServiceSchema, logger: Logger): Promise<OpenDataSource> {
  return openPooledDataSource(
    config,
    service,
    {
      size: config.poolSize,
      // The timeout also bounds the wait for a free pooled connection: a burst on a busy machine must
      // queue, not fail, and a station's own call timeout (30 s by default) bounds it anyway.
      waitMs: 30_000,
      prepare: (dataSource) => migrate(dataSource, service.schema, config.poolSize > 1, logger),
    },
    logger,
  );
}

async function migrate(dataSource: DataSource, schema: string, lockAcrossReplicas: boolean, logger: Logger): Promise<void> {
  const lock = lockAcrossReplicas ? dataSource.createQueryRunner() : undefined;
  const key = `csms:migrations:${schema}`;
  try {
    // The lock is taken on its own connection, so it needs a pool of two or more.
    if (lock) await takeMigrationLock(lockQuery(lock), key, () => logger.info({ schema }, 'another replica is migrating this schema; waiting for it'));
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  } finally {
    if (lock) {
      await releaseMigrationLock(lockQuery(lock), key).catch(() => undefined);
      await lock.release();
    }
  }
}

function lockQuery(runner: QueryRunner): LockQuery {
  return (sql, params) => runner.query(sql, params) as Promise<Array<Record<string, unknown>>>;
}

import type { DatabaseConfig } from '@app/config';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { type EmbeddedPostgresLease, acquireEmbeddedPostgres } from './embedded/embedded-postgres';
import type { OpenDataSource, ServiceSchema } from './service-data-source';

export interface SidePool {
  size: number;
  /** Longest wait for a free connection: past it a query fails fast instead of queueing further. */
  waitMs: number;
}

/**
 * A second DataSource on a service's schema with its own small pool, for work that must not
 * wait behind the main pool's writes (the gateway's station lookups, ADR 033). It runs no
 * migrations: the main DataSource of the same schema has applied them before this one opens.
 */
export async function openSidePoolDataSource(config: DatabaseConfig, service: ServiceSchema, pool: SidePool, logger: Logger): Promise<OpenDataSource> {
  const embedded: EmbeddedPostgresLease | undefined = config.kind === 'embedded' ? await acquireEmbeddedPostgres(config.dataDir, logger) : undefined;
  const server = embedded ? embedded.connection : { url: config.kind === 'postgres' ? config.url : undefined };
  const dataSource = new DataSource({
    type: 'postgres',
    ...server,
    schema: service.schema,
    entities: service.entities,
    synchronize: false,
    logging: false,
    extra: { max: pool.size, connectionTimeoutMillis: pool.waitMs },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
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

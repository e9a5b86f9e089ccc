import type { DatabaseConfig } from '@app/config';
import type { Logger } from 'pino';
import { type OpenDataSource, type ServiceSchema, openPooledDataSource } from './service-data-source';

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
export function openSidePoolDataSource(config: DatabaseConfig, service: ServiceSchema, pool: SidePool, logger: Logger): Promise<OpenDataSource> {
  return openPooledDataSource(config, service, { size: pool.size, waitMs: pool.waitMs }, logger);
}

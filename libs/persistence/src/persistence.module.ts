import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { HealthRegistry, ROOT_LOGGER } from '@app/observability';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown, Optional, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { type OpenDataSource, type ServiceSchema, openServiceDataSource } from './service-data-source';
import { openSidePoolDataSource } from './side-pool-data-source';

/**
 * Which pool of a schema: `main` takes the service's writes; `registry` is a small one of its own
 * for lookups that must not wait behind them (the gateway's station lookup, ADR 033).
 */
export type PoolName = 'main' | 'registry';

/** Token of the DataSource that owns `schema`; services inject it with @InjectDataSource. */
export function dataSourceToken(schema: string, pool: PoolName = 'main'): string {
  return pool === 'main' ? `DataSource:${schema}` : `DataSource:${schema}:${pool}`;
}

export const InjectDataSource = (schema: string, pool: PoolName = 'main') => Inject(dataSourceToken(schema, pool));

export interface PersistenceOptions {
  /** Open the `registry` pool too (sized by DATABASE_REGISTRY_POOL_SIZE); without a size configured it is the main pool. */
  registryPool?: boolean;
}

const OPEN_DATA_SOURCE = Symbol('OPEN_DATA_SOURCE');
const OPEN_REGISTRY_DATA_SOURCE = Symbol('OPEN_REGISTRY_DATA_SOURCE');

/** One DataSource per service schema; several can live in one process (embedded mode). */
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(OPEN_DATA_SOURCE) private readonly open: OpenDataSource,
    @Optional() @Inject(OPEN_REGISTRY_DATA_SOURCE) private readonly openRegistry?: OpenDataSource,
  ) {}

  static forService(service: ServiceSchema, options: PersistenceOptions = {}): DynamicModule {
    const registry = options.registryPool ? [registryPoolProvider(service), registryTokenProvider(service)] : [];
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: OPEN_DATA_SOURCE,
          inject: [RUNTIME_CONFIG, ROOT_LOGGER, HealthRegistry],
          useFactory: async (config: RuntimeConfig, rootLogger: Logger, health: HealthRegistry) => {
            const open = await openServiceDataSource(config.database, service, rootLogger.child({ component: 'persistence', schema: service.schema }));
            health.register(`database:${service.schema}`, async () => {
              await open.dataSource.query('SELECT 1');
              return { ok: true };
            });
            return open;
          },
        },
        { provide: dataSourceToken(service.schema), inject: [OPEN_DATA_SOURCE], useFactory: (open: OpenDataSource) => open.dataSource },
        ...registry,
      ],
      exports: [dataSourceToken(service.schema), ...(options.registryPool ? [dataSourceToken(service.schema, 'registry')] : [])],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // Only a pool of its own is closed here: without one the registry token is the main DataSource.
    if (this.openRegistry && this.openRegistry !== this.open) await this.openRegistry.close();
    await this.open.close();
  }
}

/** Opened after the main DataSource (which applies the migrations), or that one itself when no size is configured. */
function registryPoolProvider(service: ServiceSchema): Provider {
  return {
    provide: OPEN_REGISTRY_DATA_SOURCE,
    inject: [RUNTIME_CONFIG, ROOT_LOGGER, OPEN_DATA_SOURCE],
    useFactory: async (config: RuntimeConfig, rootLogger: Logger, main: OpenDataSource) => {
      const pool = config.database.registryPool;
      if (!pool) return main;
      return openSidePoolDataSource(config.database, service, pool, rootLogger.child({ component: 'persistence', schema: service.schema, pool: 'registry' }));
    },
  };
}

function registryTokenProvider(service: ServiceSchema): Provider {
  return { provide: dataSourceToken(service.schema, 'registry'), inject: [OPEN_REGISTRY_DATA_SOURCE], useFactory: (open: OpenDataSource) => open.dataSource };
}

import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { HealthRegistry, ROOT_LOGGER } from '@app/observability';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { type OpenDataSource, type ServiceSchema, openServiceDataSource } from './service-data-source';

/** Token of the DataSource that owns `schema`; services inject it with @InjectDataSource. */
export function dataSourceToken(schema: string): string {
  return `DataSource:${schema}`;
}

export const InjectDataSource = (schema: string) => Inject(dataSourceToken(schema));

const OPEN_DATA_SOURCE = Symbol('OPEN_DATA_SOURCE');

/** One DataSource per service schema; several can live in one process (embedded mode). */
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(OPEN_DATA_SOURCE) private readonly open: OpenDataSource) {}

  static forService(service: ServiceSchema): DynamicModule {
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
      ],
      exports: [dataSourceToken(service.schema)],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.open.close();
  }
}

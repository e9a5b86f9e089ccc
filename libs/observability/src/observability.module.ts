import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { ROOT_LOGGER } from './logging/root-logger';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics.registry';

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(rootLogger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [HealthRegistry, { provide: MetricsRegistry, useValue: new MetricsRegistry() }, { provide: ROOT_LOGGER, useValue: rootLogger }],
      exports: [HealthRegistry, MetricsRegistry, ROOT_LOGGER],
    };
  }
}

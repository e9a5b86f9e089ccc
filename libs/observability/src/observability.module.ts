import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { httpInstrumentationProvider } from './http/http-instrumentation.provider';
import { NestPinoLogger } from './logging/nest-pino.logger';
import { ROOT_LOGGER } from './logging/root-logger';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics.registry';

/** Logs (the root logger, Nest's logger over it, request logs), health checks and metrics (also of every HTTP request) of one process. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(rootLogger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: MetricsRegistry, useValue: new MetricsRegistry() },
        { provide: ROOT_LOGGER, useValue: rootLogger },
        NestPinoLogger,
        httpInstrumentationProvider,
      ],
      exports: [HealthRegistry, MetricsRegistry, ROOT_LOGGER, NestPinoLogger],
    };
  }
}

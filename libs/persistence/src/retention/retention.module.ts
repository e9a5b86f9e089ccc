import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { dataSourceToken } from '../persistence.module';
import type { RetentionTarget } from './retention-target';
import { RetentionJob } from './retention.job';
import { RetentionMetrics } from './retention.metrics';
import { RetentionScheduler } from './retention.scheduler';

/** Token of a service's retention job (tests and operators' tooling run a round with it). */
export function retentionJobToken(schema: string): string {
  return `RetentionJob:${schema}`;
}

export interface ServiceRetention {
  schema: string;
  targets: readonly RetentionTarget[];
  /** The service's persistence module, which provides the schema's DataSource. */
  persistence: Type | DynamicModule;
}

/**
 * A service's retention (ADR 044): its tables, each in a class kept RETENTION_*_DAYS, pruned in
 * batches by a job every replica schedules.
 */
@Module({})
export class RetentionModule {
  static forService({ schema, targets, persistence }: ServiceRetention): DynamicModule {
    const jobToken = retentionJobToken(schema);
    const metricsToken = `RetentionMetrics:${schema}`;
    return {
      module: RetentionModule,
      imports: [persistence],
      providers: [
        { provide: metricsToken, inject: [MetricsRegistry], useFactory: (registry: MetricsRegistry) => new RetentionMetrics(registry) },
        {
          provide: jobToken,
          inject: [dataSourceToken(schema), RUNTIME_CONFIG, metricsToken, ROOT_LOGGER],
          useFactory: (dataSource: DataSource, config: RuntimeConfig, metrics: RetentionMetrics, logger: Logger) =>
            new RetentionJob(dataSource, schema, targets, config.retention, metrics, logger.child({ component: 'retention', schema })),
        },
        {
          provide: `RetentionScheduler:${schema}`,
          inject: [jobToken, RUNTIME_CONFIG, metricsToken, ROOT_LOGGER],
          useFactory: (job: RetentionJob, config: RuntimeConfig, metrics: RetentionMetrics, logger: Logger) =>
            new RetentionScheduler(job, config.retention.intervalMs, metrics, logger.child({ component: 'retention', schema })),
        },
      ],
      exports: [jobToken],
    };
  }
}

import type { DataSource } from 'typeorm';
import { dataSourceToken } from '../persistence.module';
import { MutationAuditRepository } from './mutation-audit.repository';

/** The `store` of AuditTrailModule.forService: the audit table in `schema`, through the service's main pool. */
export function mutationAuditStoreOf(schema: string) {
  return { inject: [dataSourceToken(schema)], useFactory: (dataSource: DataSource) => new MutationAuditRepository(dataSource, schema) };
}

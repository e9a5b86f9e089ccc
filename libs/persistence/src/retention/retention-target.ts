import type { RetentionClass } from '@app/config';
import { MUTATION_AUDIT_TABLE } from '../audit/create-mutation-audit-table';
import { INBOX_TABLE } from '../inbox/inbox';

/**
 * One table the retention job prunes: rows whose `agedBy` timestamp is before the cutoff of the
 * table's class go, unless `keepWhen` holds for them. `agedBy` must be a server-side timestamp
 * (a station clock can be years off) and indexed, so that a batch is an index range scan.
 */
export interface RetentionTarget {
  tableClass: RetentionClass;
  schema: string;
  table: string;
  agedBy: string;
  /**
   * How `agedBy` is indexed. A btree batch takes the oldest rows in index order; a BRIN one (the
   * append-only history tables) takes any old rows from a bitmap scan, since ordering them would
   * sort every old row at each batch.
   */
  index: 'btree' | 'brin';
  /** SQL over the candidate row (alias `aged`) that keeps it whatever its age; `$1` is the cutoff. */
  keepWhen?: string;
}

/** The inbox of a service (ADR 044: kept at least as long as Kafka can redeliver, checked by the config). */
export function inboxRetention(schema: string): RetentionTarget {
  return { tableClass: 'processedEvents', schema, table: INBOX_TABLE, agedBy: 'processed_at', index: 'btree' };
}

/** The REST mutation audit of a service (docs/adr/038-audit-log.md). */
export function mutationAuditRetention(schema: string): RetentionTarget {
  return { tableClass: 'audit', schema, table: MUTATION_AUDIT_TABLE, agedBy: 'at', index: 'btree' };
}

import { type RetentionTarget, inboxRetention, mutationAuditRetention } from '@app/persistence';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

const schema = SMART_CHARGING_SCHEMA;

/**
 * Every table of the smart_charging schema that only grows (ADR 044). The rest hold current state
 * (topology, limit schedules, charging state, one dispatched profile per purpose and EVSE, one
 * forecast per group and kind) and are bounded by what they describe.
 */
export const SMART_CHARGING_RETENTION: readonly RetentionTarget[] = [
  inboxRetention(schema),
  mutationAuditRetention(schema),
  // Who changed which limit: an audit trail like the REST one.
  { tableClass: 'audit', schema, table: 'audit_log', agedBy: 'at', index: 'btree' },
  // An open deviation (closed_at NULL) is never older than the cutoff: it stays until it closes.
  { tableClass: 'history', schema, table: 'draw_deviation', agedBy: 'closed_at', index: 'btree' },
  // Each node's limit, allocation and draw over time (ADR 050): append-only, RETENTION_DRAW_HISTORY_DAYS.
  { tableClass: 'drawHistory', schema, table: 'draw_sample', agedBy: 'at', index: 'brin' },
];

import { type RetentionTarget, inboxRetention, mutationAuditRetention } from '@app/persistence';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { HISTORY_TABLES, STATION_ALERT_TABLE } from '../persistence/history-tables';

const schema = CONNECTION_SCHEMA;

/**
 * A transaction's events and samples stay while it is open, and until it has been ended and quiet
 * (no event, so `updated_at` unchanged) since the cutoff: a transaction's row is folded from all of
 * its events (transactions/transaction-state.reducer.ts), so they go together, once it is over.
 * Samples of no transaction have nothing to wait for.
 */
const OF_A_LIVE_TRANSACTION = `EXISTS (SELECT 1 FROM "${schema}"."transaction" t
  WHERE t.station_id = aged.station_id AND t.transaction_id = aged.transaction_id AND (t.state = 'active' OR t.updated_at >= $1))`;

/** Every table of the connection schema that only grows, by the class whose retention bounds it (ADR 044). */
export const CONNECTION_RETENTION: readonly RetentionTarget[] = [
  inboxRetention(schema),
  mutationAuditRetention(schema),
  { tableClass: 'meterSamples', schema, table: 'meter_sample', agedBy: 'received_at', index: 'btree', keepWhen: OF_A_LIVE_TRANSACTION },
  { tableClass: 'transactionEvents', schema, table: 'transaction_event', agedBy: 'received_at', index: 'btree', keepWhen: OF_A_LIVE_TRANSACTION },
  // History: commands, boots, statuses, connections, notifications, reported profiles, tracked requests and customer data.
  ...HISTORY_TABLES.map((table): RetentionTarget => ({ tableClass: 'history', schema, table, agedBy: 'recorded_at', index: 'brin' })),
  // An active alert (cleared_at NULL) is never older than the cutoff: it stays whatever its age.
  { tableClass: 'history', schema, table: STATION_ALERT_TABLE, agedBy: 'cleared_at', index: 'btree' },
  // Report jobs are the operator's history of GetBaseReport / GetReport / GetMonitoringReport; the parts
  // of a report that never completed (timed out, a station that rebooted mid-report) would stay for ever.
  { tableClass: 'history', schema, table: 'device_model_report', agedBy: 'updated_at', index: 'btree' },
  { tableClass: 'history', schema, table: 'device_model_report_part', agedBy: 'received_at', index: 'btree' },
  { tableClass: 'history', schema, table: 'monitoring_report_job', agedBy: 'requested_at', index: 'btree' },
  { tableClass: 'history', schema, table: 'monitoring_report_part', agedBy: 'received_at', index: 'btree' },
];

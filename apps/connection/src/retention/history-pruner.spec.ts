import type { RuntimeConfig } from '@app/config';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { BATCH_ROWS, HistoryPruner } from './history-pruner';

const reports = { device_model_report: 0, device_model_report_part: 0, monitoring_report_job: 0, monitoring_report_part: 0 };
const trackedRequests = { display_message_request: 0, customer_information_request: 0, customer_information_part: 0, station_alert: 0, ...reports };

/** A database whose DELETEs remove `backlog[table]` rows, BATCH_ROWS at most per statement. */
function database(backlog: Record<string, number>, locked = true) {
  const statements: { sql: string; parameters: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, parameters: unknown[]) => {
      statements.push({ sql, parameters });
      if (sql.includes('pg_try_advisory_xact_lock')) return [{ locked }];
      const table = /FROM "connection"\."(\w+)"/.exec(sql)?.[1] ?? '';
      const count = Math.min(BATCH_ROWS, backlog[table] ?? 0);
      backlog[table] = (backlog[table] ?? 0) - count;
      return [Array.from({ length: count }, () => ({ id: 1 })), count];
    },
  };
  const dataSource = { transaction: async <T>(work: (entityManager: typeof manager) => Promise<T>) => work(manager) } as unknown as DataSource;
  return { dataSource, statements };
}

const config = { history: { retentionDays: 30 } } as RuntimeConfig;
const logger = pino({ level: 'silent' });

describe('HistoryPruner', () => {
  it('deletes everything recorded before the retention, a batch at a time, in every history table', async () => {
    const { dataSource, statements } = database({ command_log: BATCH_ROWS + 3, connector_status_history: 7 });
    const deleted = await new HistoryPruner(dataSource, config, logger).prune(new Date('2025-06-01T00:00:00Z'));
    expect(deleted).toEqual({ command_log: BATCH_ROWS + 3, station_boot_history: 0, connector_status_history: 7, station_connection_history: 0, station_notification_history: 0, reported_charging_profile: 0, ...trackedRequests });
    const deletes = statements.filter((statement) => statement.sql.startsWith('DELETE'));
    expect(deletes.map((statement) => statement.parameters)).toEqual(Array(15).fill([new Date('2025-05-02T00:00:00Z')]));
    expect(deletes[0]?.sql).toContain('WHERE recorded_at < $1');
  });

  it('deletes station alerts cleared before the retention, and never an active one', async () => {
    const { dataSource, statements } = database({ station_alert: 4 });
    const deleted = await new HistoryPruner(dataSource, config, logger).prune(new Date('2025-06-01T00:00:00Z'));
    expect(deleted.station_alert).toBe(4);
    const alertDeletes = statements.filter((statement) => statement.sql.startsWith('DELETE') && statement.sql.includes('"station_alert"'));
    expect(alertDeletes).toHaveLength(1);
    // NULL (still active) is never < the cutoff.
    expect(alertDeletes[0]?.sql).toContain('WHERE cleared_at < $1');
  });

  it('deletes the parts of reports that never completed, and old report jobs', async () => {
    const { dataSource, statements } = database({ device_model_report_part: 3, monitoring_report_part: 2, device_model_report: 1 });
    const deleted = await new HistoryPruner(dataSource, config, logger).prune(new Date('2025-06-01T00:00:00Z'));
    expect(deleted).toMatchObject({ device_model_report_part: 3, monitoring_report_part: 2, device_model_report: 1, monitoring_report_job: 0 });
    const sqlOf = (table: string) => statements.find((statement) => statement.sql.startsWith('DELETE') && statement.sql.includes(`"${table}"`))?.sql;
    expect(sqlOf('device_model_report_part')).toContain('WHERE received_at < $1');
    expect(sqlOf('monitoring_report_part')).toContain('WHERE received_at < $1');
    expect(sqlOf('device_model_report')).toContain('WHERE updated_at < $1');
    expect(sqlOf('monitoring_report_job')).toContain('WHERE requested_at < $1');
  });

  it('leaves the round to the replica that holds the lock', async () => {
    const { dataSource, statements } = database({ command_log: 10 }, false);
    expect(await new HistoryPruner(dataSource, config, logger).prune()).toEqual({ command_log: 0, station_boot_history: 0, connector_status_history: 0, station_connection_history: 0, station_notification_history: 0, reported_charging_profile: 0, ...trackedRequests });
    expect(statements.some((statement) => statement.sql.startsWith('DELETE'))).toBe(false);
  });
});

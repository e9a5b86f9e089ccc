import { InjectDataSource, execute, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../station-core.port';

const JOBS = `"${CONNECTION_SCHEMA}"."monitoring_report_job"`;

export interface ReportJobRow {
  request_id: number;
  full_report: boolean;
  status: 'requested' | 'accepted' | 'rejected' | 'failed' | 'complete';
  station_status: string | null;
  parts: number;
  monitors: number;
  error: string | null;
  requested_at: Date;
  completed_at: Date | null;
}

const COLUMNS = 'request_id, full_report, status, station_status, parts, monitors, error, requested_at, completed_at';

/** GetMonitoringReport jobs as the operator API starts and follows them (the parts are the monitoring module's). */
@Injectable()
export class MonitoringReportJobRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** A new job with a fresh requestId, stored before the request goes out so that no part can arrive for an unknown job. */
  async create(stationId: string, request: object, fullReport: boolean): Promise<number> {
    const [row] = await queryRows<{ request_id: number }>(
      this.dataSource,
      `INSERT INTO ${JOBS} (station_id, request_id, full_report, request, status)
         VALUES ($1, nextval('"${CONNECTION_SCHEMA}"."monitoring_report_request_seq"'), $2, $3::jsonb, 'requested') RETURNING request_id`,
      [stationId, fullReport, JSON.stringify(request)],
    );
    if (row === undefined) throw new Error('INSERT … RETURNING gave no row');
    // Parts a station once sent unasked under this requestId (the sequence cycles) are not this report's.
    await execute(this.dataSource, `DELETE FROM "${CONNECTION_SCHEMA}"."monitoring_report_part" WHERE station_id = $1 AND request_id = $2`, [stationId, row.request_id]);
    return row.request_id;
  }

  /**
   * What the station answered; a job the parts already completed stays complete. `status` is
   * the job's new status, `completed` whether nothing more will come.
   */
  async answered(stationId: string, requestId: number, update: { status: ReportJobRow['status']; stationStatus: string | null; error: string | null; completed: boolean }): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE ${JOBS} SET status = $3, station_status = $4, error = $5, completed_at = CASE WHEN $6 THEN now() ELSE completed_at END
        WHERE station_id = $1 AND request_id = $2 AND status <> 'complete'`,
      [stationId, requestId, update.status, update.stationStatus, update.error, update.completed],
    );
    if (update.stationStatus !== null) await execute(this.dataSource, `UPDATE ${JOBS} SET station_status = $3 WHERE station_id = $1 AND request_id = $2`, [stationId, requestId, update.stationStatus]);
  }

  async find(stationId: string, requestId: number): Promise<ReportJobRow | undefined> {
    const [row] = await queryRows<ReportJobRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${JOBS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    return row;
  }
}

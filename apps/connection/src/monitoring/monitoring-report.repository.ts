import { InjectDataSource, type SqlExecutor, execute, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { type Assembly, type ReportPart, assembleReport } from './monitoring-report.assembly';
import type { StationMonitor } from './station-monitor';
import { StationMonitorRepository } from './station-monitor.repository';

const JOBS = `"${CONNECTION_SCHEMA}"."monitoring_report_job"`;
const PARTS = `"${CONNECTION_SCHEMA}"."monitoring_report_part"`;

export interface IncomingPart extends ReportPart {
  requestId: number;
}

/**
 * NotifyMonitoringReport parts, kept until their report is whole; then the report's monitors
 * replace what the CSMS knew (all of them after an unfiltered GetMonitoringReport, the reported
 * ones otherwise) and the job is complete. One transaction per part, committed before the
 * station is answered.
 */
@Injectable()
export class MonitoringReportRepository {
  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    private readonly monitors: StationMonitorRepository,
  ) {}

  async recordPart(stationId: string, part: IncomingPart): Promise<Assembly> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises the parts of one report (a station has one CALL outstanding, but a part may be resent).
      const [job] = await queryRows<{ full_report: boolean }>(manager, `SELECT full_report FROM ${JOBS} WHERE station_id = $1 AND request_id = $2 FOR UPDATE`, [
        stationId,
        part.requestId,
      ]);
      await execute(
        manager,
        `INSERT INTO ${PARTS} (station_id, request_id, seq_no, tbc, monitors) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (station_id, request_id, seq_no) DO UPDATE SET tbc = EXCLUDED.tbc, monitors = EXCLUDED.monitors, received_at = now()`,
        [stationId, part.requestId, part.seqNo, part.tbc, pgJson(part.monitors)],
      );
      const stored = await queryRows<{ seq_no: number; tbc: boolean; monitors: StationMonitor[] }>(
        manager,
        `SELECT seq_no, tbc, monitors FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`,
        [stationId, part.requestId],
      );
      const assembly = assembleReport(stored.map((row) => ({ seqNo: row.seq_no, tbc: row.tbc, monitors: row.monitors })));
      if (assembly.complete) await this.complete(manager, stationId, part.requestId, job?.full_report ?? false, assembly);
      else await execute(manager, `UPDATE ${JOBS} SET parts = $3 WHERE station_id = $1 AND request_id = $2`, [stationId, part.requestId, stored.length]);
      return assembly;
    });
  }

  private async complete(manager: SqlExecutor, stationId: string, requestId: number, fullReport: boolean, assembly: Assembly & { complete: true }): Promise<void> {
    if (fullReport) await this.monitors.replaceAll(stationId, assembly.monitors, manager);
    else await this.monitors.upsert(stationId, assembly.monitors, 'report', manager);
    await execute(manager, `DELETE FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    await execute(
      manager,
      `UPDATE ${JOBS} SET status = 'complete', parts = $3, monitors = $4, completed_at = now() WHERE station_id = $1 AND request_id = $2`,
      [stationId, requestId, assembly.parts, assembly.monitors.length],
    );
  }
}

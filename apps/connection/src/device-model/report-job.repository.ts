import { InjectDataSource, type SqlExecutor, execute, pgJson, queryRows, rowsOf } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { ReportedVariable } from './device-model.types';
import type { ReportPart } from './notify-report.adapter';
import type { ReceivedPart } from './report-assembly';
import type { ReportBase, ReportJob, ReportJobKind, ReportJobStatus } from './report-job';

const JOBS = `"${CONNECTION_SCHEMA}"."device_model_report"`;
const PARTS = `"${CONNECTION_SCHEMA}"."device_model_report_part"`;
/** Request ids tried for a new job: each one skipped is a report the station sent unasked under it. */
const CREATE_ATTEMPTS = 100;
const COLUMNS = `station_id, request_id, kind, report_base, criteria, status, station_status, error, actor, parts_received, variables_stored, requested_at, updated_at, completed_at`;

interface JobRow {
  station_id: string;
  request_id: number;
  kind: ReportJobKind;
  report_base: ReportBase | null;
  criteria: Record<string, unknown> | null;
  status: ReportJobStatus;
  station_status: string | null;
  error: string | null;
  actor: string | null;
  parts_received: number;
  variables_stored: number | null;
  requested_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

function jobOf(row: JobRow): ReportJob {
  return {
    stationId: row.station_id,
    requestId: Number(row.request_id),
    kind: row.kind,
    reportBase: row.report_base,
    criteria: row.criteria,
    status: row.status,
    stationStatus: row.station_status,
    error: row.error,
    actor: row.actor,
    partsReceived: Number(row.parts_received),
    variablesStored: row.variables_stored === null ? null : Number(row.variables_stored),
    requestedAt: new Date(row.requested_at),
    updatedAt: new Date(row.updated_at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
  };
}

export interface NewReportJob {
  stationId: string;
  kind: Exclude<ReportJobKind, 'unsolicited'>;
  reportBase?: ReportBase;
  criteria?: Record<string, unknown>;
  actor?: string;
}

/** Report jobs and the parts of reports still arriving. */
@Injectable()
export class ReportJobRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) readonly dataSource: DataSource) {}

  /**
   * A new job with a request id of its own (a sequence: unique across replicas). An id the
   * station already used for a report of its own (an unsolicited job) is skipped for the next.
   */
  async create(job: NewReportJob): Promise<ReportJob> {
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt += 1) {
      const [row] = await queryRows<JobRow>(
        this.dataSource,
        `INSERT INTO ${JOBS} (station_id, request_id, kind, report_base, criteria, status, actor)
         VALUES ($1, nextval('"${CONNECTION_SCHEMA}"."device_model_request_id"'), $2, $3, $4::jsonb, 'requested', $5)
         ON CONFLICT (station_id, request_id) DO NOTHING RETURNING ${COLUMNS}`,
        [job.stationId, job.kind, job.reportBase ?? null, pgJson(job.criteria), job.actor ?? null],
      );
      if (row !== undefined) return jobOf(row);
    }
    throw new Error(`no free report request id for ${job.stationId} after ${CREATE_ATTEMPTS} attempts`);
  }

  /**
   * Records the station's answer to the request. Parts may have arrived before the answer was
   * processed: a job already receiving or complete keeps its status, and gains the answer.
   */
  async recordAnswer(stationId: string, requestId: number, status: ReportJobStatus, stationStatus: string | null, error: string | null): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE ${JOBS} SET status = CASE WHEN status = 'requested' THEN $3 ELSE status END, station_status = $4, error = $5, updated_at = now()
        WHERE station_id = $1 AND request_id = $2`,
      [stationId, requestId, status, stationStatus, error],
    );
  }

  /** A 1.6 configuration job's answer is its whole report. */
  async completeNow(stationId: string, requestId: number, variablesStored: number): Promise<void> {
    await execute(this.dataSource, `UPDATE ${JOBS} SET status = 'complete', station_status = 'Accepted', variables_stored = $3, updated_at = now(), completed_at = now() WHERE station_id = $1 AND request_id = $2`, [
      stationId,
      requestId,
      variablesStored,
    ]);
  }

  /** The job a part belongs to, locked for this transaction; a station's unasked report gets a job of its own. */
  async lockJobOf(executor: SqlExecutor, stationId: string, requestId: number): Promise<ReportJob> {
    await execute(executor, `INSERT INTO ${JOBS} (station_id, request_id, kind, status) VALUES ($1, $2, 'unsolicited', 'receiving') ON CONFLICT DO NOTHING`, [stationId, requestId]);
    const [row] = await queryRows<JobRow>(executor, `SELECT ${COLUMNS} FROM ${JOBS} WHERE station_id = $1 AND request_id = $2 FOR UPDATE`, [stationId, requestId]);
    if (row === undefined) throw new Error(`report job ${stationId}/${requestId} vanished inside its transaction`);
    return jobOf(row);
  }

  /** Stores a part (a duplicate is ignored) and answers every part received so far. */
  async storePart(executor: SqlExecutor, stationId: string, part: ReportPart): Promise<ReceivedPart[]> {
    await execute(executor, `INSERT INTO ${PARTS} (station_id, request_id, seq_no, tbc, generated_at, report) VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING`, [
      stationId,
      part.requestId,
      part.seqNo,
      part.tbc,
      part.generatedAt.toISOString(),
      pgJson(part.variables),
    ]);
    const parts = await queryRows<{ seq_no: number; tbc: boolean }>(executor, `SELECT seq_no, tbc FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`, [stationId, part.requestId]);
    await execute(executor, `UPDATE ${JOBS} SET status = 'receiving', parts_received = $3, updated_at = now() WHERE station_id = $1 AND request_id = $2`, [
      stationId,
      part.requestId,
      parts.length,
    ]);
    return parts.map((row) => ({ seqNo: Number(row.seq_no), tbc: row.tbc }));
  }

  async partsOf(executor: SqlExecutor, stationId: string, requestId: number): Promise<{ seqNo: number; variables: ReportedVariable[] }[]> {
    const rows = await queryRows<{ seq_no: number; report: ReportedVariable[] }>(executor, `SELECT seq_no, report FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    return rows.map((row) => ({ seqNo: Number(row.seq_no), variables: row.report }));
  }

  /** Marks the job complete and drops its parts: the model holds them now. */
  async complete(executor: SqlExecutor, stationId: string, requestId: number, variablesStored: number): Promise<void> {
    await execute(executor, `UPDATE ${JOBS} SET status = 'complete', variables_stored = $3, updated_at = now(), completed_at = now() WHERE station_id = $1 AND request_id = $2`, [
      stationId,
      requestId,
      variablesStored,
    ]);
    await execute(executor, `DELETE FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
  }

  async find(stationId: string, requestId: number): Promise<ReportJob | undefined> {
    const [row] = await queryRows<JobRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${JOBS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    return row === undefined ? undefined : jobOf(row);
  }

  /** A station's jobs, newest request first; `before` is the request id of the previous page's last. */
  async list(stationId: string, limit: number, before?: number): Promise<ReportJob[]> {
    const rows = await queryRows<JobRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${JOBS} WHERE station_id = $1 AND ($2::int IS NULL OR request_id < $2) ORDER BY request_id DESC LIMIT $3`,
      [stationId, before ?? null, limit],
    );
    return rows.map(jobOf);
  }

  /** Jobs still waiting for an answer or parts after `silenceS` seconds: timed out. Answers how many. */
  async timeOutSilent(silenceS: number): Promise<number> {
    const result = await execute(
      this.dataSource,
      `UPDATE ${JOBS} SET status = 'timed-out', updated_at = now()
        WHERE status IN ('requested', 'accepted', 'receiving') AND updated_at < now() - make_interval(secs => $1) RETURNING request_id`,
      [silenceS],
    );
    return rowsOf(result).length;
  }
}

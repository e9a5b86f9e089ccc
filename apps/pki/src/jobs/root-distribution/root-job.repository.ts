import { randomUUID } from 'node:crypto';
import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CertificateHashData } from '@app/pki/inventory/certificate-hash-data';
import { PKI_SCHEMA } from '@app/pki/persistence/pki-schema';
import type { RootJobKind, RootJobPhase, RootJobStatus, StationSteps, StepOutcome } from './job-progress';

/** What a station (or the gateway for it) answered a step. */
export interface StepAnswer {
  readonly status: string;
  readonly result?: Record<string, unknown>;
  readonly errorCode?: string;
  readonly errorDescription?: string;
}

export interface RootJobStation extends StationSteps {
  readonly installAnswer?: StepAnswer;
  readonly installAt?: Date;
  readonly confirmedAt?: Date;
  readonly deleteAnswer?: StepAnswer;
  readonly deleteAt?: Date;
}

export interface RootJob {
  readonly id: string;
  readonly kind: RootJobKind;
  readonly certificateType: string;
  /** The certificate installed (install, rollover). */
  readonly certificatePem?: string;
  readonly subject?: string;
  readonly notAfter?: Date;
  /** Hash data of the certificate installed. */
  readonly hashData?: CertificateHashData;
  /** Hash data of the certificate deleted (delete, rollover). */
  readonly oldHashData?: CertificateHashData;
  readonly status: RootJobStatus;
  readonly phase: RootJobPhase;
  readonly concurrency: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly finishedAt?: Date;
}

export type NewRootJob = Omit<RootJob, 'id' | 'status' | 'createdAt' | 'finishedAt'>;

interface JobRow {
  id: string;
  kind: RootJobKind;
  certificate_type: string;
  certificate_pem: string | null;
  subject: string | null;
  not_after: Date | null;
  hash_data: CertificateHashData | null;
  old_hash_data: CertificateHashData | null;
  status: RootJobStatus;
  phase: RootJobPhase;
  concurrency: number;
  created_by: string;
  created_at: Date;
  created_key: string;
  finished_at: Date | null;
}

interface StationRow {
  station_id: string;
  install_outcome: StepOutcome | null;
  install_answer: StepAnswer | null;
  install_at: Date | null;
  confirmed_at: Date | null;
  delete_outcome: StepOutcome | null;
  delete_answer: StepAnswer | null;
  delete_at: Date | null;
}

const JOBS = `"${PKI_SCHEMA}"."root_job"`;
const STATIONS = `"${PKI_SCHEMA}"."root_job_station"`;
const date = (value: Date | null) => (value ? new Date(value) : undefined);

function jobOf(row: JobRow): RootJob & { createdKey: string } {
  return {
    id: row.id,
    kind: row.kind,
    certificateType: row.certificate_type,
    certificatePem: row.certificate_pem ?? undefined,
    subject: row.subject ?? undefined,
    notAfter: date(row.not_after),
    hashData: row.hash_data ?? undefined,
    oldHashData: row.old_hash_data ?? undefined,
    status: row.status,
    phase: row.phase,
    concurrency: row.concurrency,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    createdKey: row.created_key,
    finishedAt: date(row.finished_at),
  };
}

function stationOf(row: StationRow): RootJobStation {
  return {
    stationId: row.station_id,
    install: row.install_outcome ?? undefined,
    installAnswer: row.install_answer ?? undefined,
    installAt: date(row.install_at),
    confirmed: row.confirmed_at !== null,
    confirmedAt: date(row.confirmed_at),
    delete: row.delete_outcome ?? undefined,
    deleteAnswer: row.delete_answer ?? undefined,
    deleteAt: date(row.delete_at),
  };
}

/** Root distribution jobs and their per-station steps: the job's whole state, so a restart resumes it. */
@Injectable()
export class RootJobRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  async create(job: NewRootJob, stationIds: readonly string[]): Promise<string> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO ${JOBS} (id, kind, certificate_type, certificate_pem, subject, not_after, hash_data, old_hash_data, status, phase, concurrency, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10, $11)`,
        [
          id,
          job.kind,
          job.certificateType,
          job.certificatePem ?? null,
          job.subject ?? null,
          job.notAfter ?? null,
          job.hashData ? JSON.stringify(job.hashData) : null,
          job.oldHashData ? JSON.stringify(job.oldHashData) : null,
          job.phase,
          job.concurrency,
          job.createdBy,
        ],
      );
      await manager.query(`INSERT INTO ${STATIONS} (job_id, station_id) SELECT $1, unnest($2::text[])`, [id, [...new Set(stationIds)]]);
    });
    return id;
  }

  async find(id: string): Promise<{ job: RootJob; stations: RootJobStation[] } | undefined> {
    const [row] = await queryRows<JobRow>(this.dataSource, `SELECT *, created_at::text AS created_key FROM ${JOBS} WHERE id = $1`, [id]);
    if (!row) return undefined;
    const stations = await queryRows<StationRow>(this.dataSource, `SELECT * FROM ${STATIONS} WHERE job_id = $1 ORDER BY station_id`, [id]);
    return { job: jobOf(row), stations: stations.map(stationOf) };
  }

  async runningIds(): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `SELECT id FROM ${JOBS} WHERE status = 'running' ORDER BY created_at`);
    return rows.map((row) => row.id);
  }

  async list(filter: { status?: RootJobStatus; before?: string[]; limit: number }): Promise<(RootJob & { createdKey: string })[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.before !== undefined) {
      const [createdAt, id] = filter.before;
      conditions.push(`(created_at, id::text) < (${bind(createdAt)}::timestamptz, ${bind(id)})`);
    }
    const rows = await queryRows<JobRow>(
      this.dataSource,
      `SELECT *, created_at::text AS created_key FROM ${JOBS} ${whereClause(conditions)} ORDER BY created_at DESC, id::text DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(jobOf);
  }

  /**
   * Takes or renews the job's lease for `runner`: false when another runner holds an unexpired
   * lease, or the job is no longer running.
   */
  async lease(jobId: string, runner: string, seconds: number): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE ${JOBS} SET runner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = 'running' AND (runner IS NULL OR runner = $2 OR lease_until < now()) RETURNING id`,
      [jobId, runner, seconds],
    );
    return rows.length > 0;
  }

  async recordStep(jobId: string, stationId: string, step: 'install' | 'delete', outcome: StepOutcome, answer: StepAnswer): Promise<void> {
    await this.dataSource.query(`UPDATE ${STATIONS} SET ${step}_outcome = $3, ${step}_answer = $4, ${step}_at = now() WHERE job_id = $1 AND station_id = $2`, [
      jobId,
      stationId,
      outcome,
      JSON.stringify(answer),
    ]);
  }

  async confirmed(jobId: string, stationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${STATIONS} SET confirmed_at = now() WHERE job_id = $1 AND station_id = $2`, [jobId, stationId]);
  }

  async setPhase(jobId: string, phase: RootJobPhase): Promise<void> {
    await this.dataSource.query(`UPDATE ${JOBS} SET phase = $2 WHERE id = $1`, [jobId, phase]);
  }

  async finish(jobId: string, status: RootJobStatus, phase: RootJobPhase): Promise<void> {
    await this.dataSource.query(`UPDATE ${JOBS} SET status = $2, phase = $3, finished_at = now(), lease_until = NULL WHERE id = $1`, [jobId, status, phase]);
  }
}

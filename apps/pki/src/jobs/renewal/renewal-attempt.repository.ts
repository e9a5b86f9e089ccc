import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '@app/pki/persistence/pki-schema';
import { IN_FLIGHT, type InFlightFacts, type RenewalCandidate, type RenewalStatus } from './renewal-policy';
import { stationsIn } from '@app/pki/tenancy/station-owned.repository';

/** The only certificate type a trigger can renew on both OCPP versions (1.6 ExtendedTriggerMessage has no V2G). */
export const RENEWED_TYPE = 'ChargingStationCertificate';

/** One attempt to have a station renew a certificate, with its answer and outcome. */
export interface RenewalAttempt {
  id: string;
  stationId: string;
  certificateType: string;
  expiringSerial: string;
  expiresAt: Date;
  attempt: number;
  status: RenewalStatus;
  reason: string | null;
  renewedSerial: string | null;
  retryAt: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  updatedAt: Date;
}

interface Row {
  id: string;
  station_id: string;
  certificate_type: string;
  expiring_serial: string;
  expires_at: Date;
  attempt: number;
  status: RenewalStatus;
  reason: string | null;
  renewed_serial: string | null;
  retry_at: Date | null;
  started_at: Date;
  finished_at: Date | null;
  updated_at: Date;
  started_key: string;
}

export interface RenewalAttemptFilter {
  stationId?: string;
  status?: RenewalStatus;
  /** Keyset: [started_at, id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

const TABLE = `"${PKI_SCHEMA}"."renewal_attempt"`;
const CERTIFICATES = `"${PKI_SCHEMA}"."issued_certificate"`;
const REQUESTS = `"${PKI_SCHEMA}"."certificate_signing_request"`;
const REVOCATIONS = `"${PKI_SCHEMA}"."revocation"`;
const COLUMNS = `id, station_id, certificate_type, expiring_serial, expires_at, attempt, status, reason, renewed_serial, retry_at, started_at, finished_at, updated_at,
  started_at::text AS started_key`;
const IN_FLIGHT_SQL = IN_FLIGHT.map((status) => `'${status}'`).join(', ');

const dateOrNull = (value: Date | null): Date | null => (value ? new Date(value) : null);

function attemptOf(row: Row): RenewalAttempt & { startedKey: string } {
  return {
    id: row.id,
    stationId: row.station_id,
    certificateType: row.certificate_type,
    expiringSerial: row.expiring_serial,
    expiresAt: new Date(row.expires_at),
    attempt: row.attempt,
    status: row.status,
    reason: row.reason,
    renewedSerial: row.renewed_serial,
    retryAt: dateOrNull(row.retry_at),
    startedAt: new Date(row.started_at),
    finishedAt: dateOrNull(row.finished_at),
    updatedAt: new Date(row.updated_at),
    startedKey: row.started_key,
  };
}

/** Renewal attempts, and the facts of the issued-certificate and CSR tables the sweep decides on. */
@Injectable()
export class RenewalAttemptRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * Each station's newest certificate (no newer one exists) that expires before `horizon` and has
   * not expired or been revoked, with the last attempt to renew it; soonest to expire first.
   */
  async candidates(now: Date, horizon: Date, limit: number): Promise<RenewalCandidate[]> {
    const rows = await queryRows<{ station_id: string; serial_number: string; not_after: Date; attempt: number | null; status: RenewalStatus | null; retry_at: Date | null }>(
      this.dataSource,
      `SELECT c.station_id, c.serial_number, c.not_after, a.attempt, a.status, a.retry_at
       FROM ${CERTIFICATES} c
       LEFT JOIN LATERAL (SELECT attempt, status, retry_at FROM ${TABLE} r WHERE r.expiring_serial = c.serial_number ORDER BY attempt DESC LIMIT 1) a ON true
       WHERE c.certificate_type = $1 AND c.not_after > $2 AND c.not_after <= $3
         AND NOT EXISTS (SELECT 1 FROM ${CERTIFICATES} n WHERE n.station_id = c.station_id AND n.certificate_type = c.certificate_type
                         AND (n.issued_at, n.serial_number) > (c.issued_at, c.serial_number))
         AND NOT EXISTS (SELECT 1 FROM ${REVOCATIONS} v WHERE v.issuer_id = c.issuer_ca_id AND v.serial_number = c.serial_number)
         -- Leaves out what cannot be due now (renewal-policy decides again), so stations backing
         -- off or busy do not fill the batch and hold back the rest.
         AND NOT EXISTS (SELECT 1 FROM ${TABLE} b WHERE b.station_id = c.station_id AND b.status IN (${IN_FLIGHT_SQL}))
         AND (a.status IS NULL OR (a.status <> 'renewed' AND (a.retry_at IS NULL OR a.retry_at <= $2)))
       ORDER BY c.not_after LIMIT $4`,
      [RENEWED_TYPE, now, horizon, limit],
    );
    return rows.map((row) => ({
      stationId: row.station_id,
      serialNumber: row.serial_number,
      notAfter: new Date(row.not_after),
      lastAttempt: row.attempt === null || row.status === null ? undefined : { attempt: row.attempt, status: row.status, retryAt: dateOrNull(row.retry_at) },
    }));
  }

  async busyStations(): Promise<Set<string>> {
    const rows = await queryRows<{ station_id: string }>(this.dataSource, `SELECT station_id FROM ${TABLE} WHERE status IN (${IN_FLIGHT_SQL})`);
    return new Set(rows.map((row) => row.station_id));
  }

  /** Starts an attempt; false when another one of the station is in flight or this one exists (another replica was first). */
  async start(attempt: Pick<RenewalAttempt, 'id' | 'stationId' | 'expiringSerial' | 'expiresAt' | 'attempt'>): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `INSERT INTO ${TABLE} (id, station_id, certificate_type, expiring_serial, expires_at, attempt, status) VALUES ($1, $2, $3, $4, $5, $6, 'triggering')
       ON CONFLICT DO NOTHING RETURNING id`,
      [attempt.id, attempt.stationId, RENEWED_TYPE, attempt.expiringSerial, attempt.expiresAt, attempt.attempt],
    );
    return rows.length === 1;
  }

  /** The station accepted the trigger: now waiting for its CSR to be signed. */
  async triggered(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${TABLE} SET status = 'awaitingCertificate', updated_at = now() WHERE id = $1 AND status = 'triggering'`, [id]);
  }

  /** Ends an attempt in flight (a settled one is left as it is: another replica may have been first). */
  async finish(id: string, outcome: { status: RenewalStatus; reason?: string; renewedSerial?: string; retryAt?: Date }): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET status = $2, reason = $3, renewed_serial = $4, retry_at = $5, finished_at = now(), updated_at = now()
       WHERE id = $1 AND status IN (${IN_FLIGHT_SQL})`,
      [id, outcome.status, outcome.reason?.slice(0, 500) ?? null, outcome.renewedSerial ?? null, outcome.retryAt ?? null],
    );
  }

  /**
   * Attempts in flight with what happened since they started: a certificate of the type issued to
   * the station (the renewal), or the station's CSR refused by the policy.
   */
  async inFlight(): Promise<(RenewalAttempt & InFlightFacts)[]> {
    const rows = await queryRows<Row & { newer_serial: string | null; refusal: string | null }>(
      this.dataSource,
      `SELECT r.*, r.started_at::text AS started_key, n.serial_number AS newer_serial, q.refusal
       FROM ${TABLE} r
       LEFT JOIN LATERAL (SELECT serial_number FROM ${CERTIFICATES} i WHERE i.station_id = r.station_id AND i.certificate_type = r.certificate_type AND i.issued_at > r.started_at
                          ORDER BY i.issued_at DESC LIMIT 1) n ON true
       LEFT JOIN LATERAL (SELECT s.refusal_code || ': ' || s.reason AS refusal FROM ${REQUESTS} s WHERE s.station_id = r.station_id AND s.certificate_type = r.certificate_type
                          AND s.received_at >= r.started_at AND s.status = 'refused' ORDER BY s.received_at DESC LIMIT 1) q ON true
       WHERE r.status IN (${IN_FLIGHT_SQL})`,
    );
    return rows.map((row) => ({ ...attemptOf(row), newerSerial: row.newer_serial ?? undefined, refusal: row.refusal ?? undefined }));
  }

  async find(id: string): Promise<RenewalAttempt | undefined> {
    const rows = await queryRows<Row>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE id = $1`, [id]);
    return rows[0] ? attemptOf(rows[0]) : undefined;
  }

  async list(filter: RenewalAttemptFilter): Promise<(RenewalAttempt & { startedKey: string })[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('station_id', filter.stationIds, bind));
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.before !== undefined) {
      const [startedAt, id] = filter.before;
      // Compared as text: a tampered cursor is then an empty page, not a cast error.
      conditions.push(`(started_at, id::text) < (${bind(startedAt)}::timestamptz, ${bind(id)})`);
    }
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${TABLE} ${whereClause(conditions)} ORDER BY started_at DESC, id::text DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(attemptOf);
  }
}

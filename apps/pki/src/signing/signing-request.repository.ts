import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { stationsIn } from '../tenancy/station-owned.repository';

export type SigningStatus = 'pending' | 'issued' | 'refused' | 'timedOut';
/** What became of CertificateSigned: sent and awaiting the answer, the station's answer, or not delivered. */
export type DeliveryStatus = 'sent' | 'accepted' | 'rejected' | 'failed';

/** A CSR a station sent, with what the PKI decided and did. */
export interface SigningRequest {
  id: string;
  stationId: string;
  csrFingerprint: string;
  certificateType: string;
  csrPem: string;
  stationSerialNumber: string | null;
  status: SigningStatus;
  refusalCode: string | null;
  reason: string | null;
  certificateSerial: string | null;
  delivery: DeliveryStatus | null;
  receivedAt: Date;
  decidedAt: Date | null;
  updatedAt: Date;
}

interface Row {
  id: string;
  station_id: string;
  csr_fingerprint: string;
  certificate_type: string;
  csr_pem: string;
  station_serial_number: string | null;
  status: SigningStatus;
  refusal_code: string | null;
  reason: string | null;
  certificate_serial: string | null;
  delivery: DeliveryStatus | null;
  received_at: Date;
  decided_at: Date | null;
  updated_at: Date;
  received_key: string;
}

export interface SigningRequestFilter {
  stationId?: string;
  status?: SigningStatus;
  /** Keyset: [received_at, id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

const TABLE = `"${PKI_SCHEMA}"."certificate_signing_request"`;
const COLUMNS = `id, station_id, csr_fingerprint, certificate_type, csr_pem, station_serial_number, status, refusal_code, reason, certificate_serial, delivery,
  received_at, decided_at, updated_at, received_at::text AS received_key`;

function requestOf(row: Row): SigningRequest & { receivedKey: string } {
  return {
    id: row.id,
    stationId: row.station_id,
    csrFingerprint: row.csr_fingerprint,
    certificateType: row.certificate_type,
    csrPem: row.csr_pem,
    stationSerialNumber: row.station_serial_number,
    status: row.status,
    refusalCode: row.refusal_code,
    reason: row.reason,
    certificateSerial: row.certificate_serial,
    delivery: row.delivery,
    receivedAt: new Date(row.received_at),
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
    updatedAt: new Date(row.updated_at),
    receivedKey: row.received_key,
  };
}

/** The CSRs stations sent; one row per station, CSR and certificate type (resending finds it). */
@Injectable()
export class SigningRequestRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Records a new CSR as pending, or returns the row of the same CSR from the same station. */
  async record(request: Pick<SigningRequest, 'id' | 'stationId' | 'csrFingerprint' | 'certificateType' | 'csrPem' | 'stationSerialNumber'>): Promise<{ request: SigningRequest; fresh: boolean }> {
    const inserted = await queryRows<Row>(
      this.dataSource,
      `INSERT INTO ${TABLE} (id, station_id, csr_fingerprint, certificate_type, csr_pem, station_serial_number, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending') ON CONFLICT (station_id, csr_fingerprint, certificate_type) DO NOTHING RETURNING ${COLUMNS}`,
      [request.id, request.stationId, request.csrFingerprint, request.certificateType, request.csrPem, request.stationSerialNumber],
    );
    if (inserted[0]) return { request: requestOf(inserted[0]), fresh: true };
    const existing = await queryRows<Row>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE station_id = $1 AND csr_fingerprint = $2 AND certificate_type = $3`, [
      request.stationId,
      request.csrFingerprint,
      request.certificateType,
    ]);
    if (!existing[0]) throw new Error(`signing request of ${request.stationId} vanished after a conflict`);
    return { request: requestOf(existing[0]), fresh: false };
  }

  async find(id: string): Promise<SigningRequest | undefined> {
    const rows = await queryRows<Row>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE id = $1`, [id]);
    return rows[0] ? requestOf(rows[0]) : undefined;
  }

  /** Sets the decision (and keeps why); `manager` when it must commit with something else. */
  async decide(
    id: string,
    decision: { status: SigningStatus; refusalCode?: string; reason?: string | null; certificateSerial?: string },
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${TABLE} SET status = $2, refusal_code = $3, reason = $4, certificate_serial = COALESCE($5, certificate_serial),
         decided_at = CASE WHEN $2 IN ('issued', 'refused') THEN now() ELSE decided_at END, updated_at = now() WHERE id = $1`,
      [id, decision.status, decision.refusalCode ?? null, decision.reason ?? null, decision.certificateSerial ?? null],
    );
  }

  async delivered(id: string, delivery: DeliveryStatus, reason: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE ${TABLE} SET delivery = $2, reason = $3, updated_at = now() WHERE id = $1`, [id, delivery, reason]);
  }

  /** Requests still to act on: pending ones, and issued ones whose CertificateSigned was not delivered. */
  async unfinished(limit: number): Promise<SigningRequest[]> {
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${TABLE} WHERE status = 'pending' OR (status = 'issued' AND (delivery IS NULL OR delivery IN ('failed', 'sent'))) ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return rows.map(requestOf);
  }

  async list(filter: SigningRequestFilter): Promise<(SigningRequest & { receivedKey: string })[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('station_id', filter.stationIds, bind));
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.before !== undefined) {
      const [receivedAt, id] = filter.before;
      conditions.push(`(received_at, id) < (${bind(receivedAt)}::timestamptz, ${bind(id)})`);
    }
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${TABLE} ${whereClause(conditions)} ORDER BY received_at DESC, id DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(requestOf);
  }
}

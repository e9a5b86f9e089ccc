import { InjectDataSource, pgText, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { RevocationReason } from './revocation-reason';

export interface RevocationRecord {
  readonly issuerId: string;
  readonly serialNumber: string;
  readonly reason: RevocationReason;
  readonly revokedAt: Date;
  /** The API token's name that revoked it. */
  readonly revokedBy: string;
  readonly certificateNotAfter: Date;
}

export interface RevocationRow {
  issuer_id: string;
  serial_number: string;
  reason: RevocationReason;
  revoked_at: Date;
  revoked_by: string;
  certificate_not_after: Date;
  /** revoked_at as PostgreSQL prints it: the exact sort key for cursors. */
  revoked_key: string;
}

export interface RevocationFilter {
  issuerId?: string;
  serialNumber?: string;
  /** Keyset: [revoked_at, issuer_id, serial_number] of the last row of the previous page. */
  before?: string[];
  /** Only revocations of certificates issued to these stations (the caller's tenant's); undefined: all. */
  stationIds?: readonly string[];
  limit: number;
}

const REVOCATION = `"${PKI_SCHEMA}"."revocation"`;
const COLUMNS = 'issuer_id, serial_number, reason, revoked_at, revoked_by, certificate_not_after, revoked_at::text AS revoked_key';

/** Revoked certificates, by issuing CA and serial. */
@Injectable()
export class RevocationRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Records a revocation inside `manager`'s transaction; false when the certificate was revoked already. */
  async insert(manager: EntityManager, record: RevocationRecord): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${REVOCATION} (issuer_id, serial_number, reason, revoked_at, revoked_by, certificate_not_after) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (issuer_id, serial_number) DO NOTHING RETURNING serial_number`,
      [record.issuerId, record.serialNumber, record.reason, record.revokedAt, pgText(record.revokedBy), record.certificateNotAfter],
    );
    return inserted.length === 1;
  }

  async find(issuerId: string, serialNumber: string): Promise<RevocationRow | undefined> {
    const rows: RevocationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${REVOCATION} WHERE issuer_id = $1 AND serial_number = $2`, [issuerId, serialNumber]);
    return rows[0];
  }

  /** Every revocation of `issuerId`'s certificates that are still valid at `validAt`: a CRL's entries. */
  async unexpiredOf(manager: EntityManager, issuerId: string, validAt: Date): Promise<RevocationRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM ${REVOCATION} WHERE issuer_id = $1 AND certificate_not_after > $2 ORDER BY revoked_at, serial_number`, [issuerId, validAt]);
  }

  /** Newest revocation first. */
  async list(filter: RevocationFilter): Promise<RevocationRow[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.issuerId !== undefined) conditions.push(`issuer_id = ${bind(filter.issuerId)}`);
    if (filter.serialNumber !== undefined) conditions.push(`serial_number = ${bind(filter.serialNumber)}`);
    if (filter.stationIds !== undefined) conditions.push(`serial_number IN (SELECT serial_number FROM "${PKI_SCHEMA}"."issued_certificate" WHERE station_id = ANY(${bind([...filter.stationIds])}::text[]))`);
    if (filter.before !== undefined) {
      const [revokedAt, issuerId, serialNumber] = filter.before;
      conditions.push(`(revoked_at, issuer_id, serial_number) < (${bind(revokedAt)}::timestamptz, ${bind(issuerId)}, ${bind(serialNumber)})`);
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${REVOCATION} ${whereClause(conditions)} ORDER BY revoked_at DESC, issuer_id DESC, serial_number DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
  }
}

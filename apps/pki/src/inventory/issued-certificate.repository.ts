import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { CertificateHashData } from './certificate-hash-data';
import type { RevocationReason } from '../revocation/revocation-reason';
import { stationsIn } from '../tenancy/station-owned.repository';

/** A certificate this PKI issued to a station, with the hash data stations name it by. */
export interface IssuedCertificate {
  serialNumber: string;
  issuerCaId: string;
  stationId: string;
  certificateType: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  csrFingerprint: string;
  certificatePem: string;
  chainPem: string;
  hashData: CertificateHashData;
  issuedAt: Date;
}

/** Its revocation, when one of our CAs revoked it (final: revocation here has no hold). */
export interface IssuedCertificateRevocation {
  revokedAt: Date;
  reason: RevocationReason;
}

/** An issued certificate as the inventory reads it: with its revocation, or null while it is not revoked. */
export interface InventoriedCertificate extends IssuedCertificate {
  revocation: IssuedCertificateRevocation | null;
}

interface Row {
  serial_number: string;
  issuer_ca_id: string;
  station_id: string;
  certificate_type: string;
  subject: string;
  not_before: Date;
  not_after: Date;
  csr_fingerprint: string;
  certificate_pem: string;
  chain_pem: string;
  hash_algorithm: CertificateHashData['hashAlgorithm'];
  issuer_name_hash: string;
  issuer_key_hash: string;
  issued_at: Date;
  issued_key: string;
  revoked_at: Date | null;
  revocation_reason: RevocationReason | null;
}

export interface IssuedCertificateFilter {
  stationId?: string;
  issuerCaId?: string;
  /** Only certificates whose notAfter is before this instant (and still after now). */
  expiringBefore?: Date;
  /** true: only revoked certificates; false: only those not revoked; undefined: both. */
  revoked?: boolean;
  before?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

const TABLE = `"${PKI_SCHEMA}"."issued_certificate"`;
/**
 * The certificate (c) with its revocation (r), if any, joined in the same query as the page: the revocation's primary
 * key is (issuer_id, serial_number), so each row costs one index probe, never a query per row.
 */
const FROM = `${TABLE} c LEFT JOIN "${PKI_SCHEMA}"."revocation" r ON r.issuer_id = c.issuer_ca_id AND r.serial_number = c.serial_number`;
const COLUMNS = `c.serial_number, c.issuer_ca_id, c.station_id, c.certificate_type, c.subject, c.not_before, c.not_after, c.csr_fingerprint, c.certificate_pem, c.chain_pem,
  c.hash_algorithm, c.issuer_name_hash, c.issuer_key_hash, c.issued_at, c.issued_at::text AS issued_key, r.revoked_at, r.reason AS revocation_reason`;

function certificateOf(row: Row): InventoriedCertificate & { issuedKey: string } {
  return {
    serialNumber: row.serial_number,
    issuerCaId: row.issuer_ca_id,
    stationId: row.station_id,
    certificateType: row.certificate_type,
    subject: row.subject,
    notBefore: new Date(row.not_before),
    notAfter: new Date(row.not_after),
    csrFingerprint: row.csr_fingerprint,
    certificatePem: row.certificate_pem,
    chainPem: row.chain_pem,
    hashData: { hashAlgorithm: row.hash_algorithm, issuerNameHash: row.issuer_name_hash, issuerKeyHash: row.issuer_key_hash, serialNumber: row.serial_number },
    issuedAt: new Date(row.issued_at),
    issuedKey: row.issued_key,
    revocation: row.revoked_at === null || row.revocation_reason === null ? null : { revokedAt: new Date(row.revoked_at), reason: row.revocation_reason },
  };
}

/** The inventory of certificates this PKI issued. */
@Injectable()
export class IssuedCertificateRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, certificate: Omit<IssuedCertificate, 'issuedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO ${TABLE} (serial_number, issuer_ca_id, station_id, certificate_type, subject, not_before, not_after, csr_fingerprint, certificate_pem, chain_pem,
         hash_algorithm, issuer_name_hash, issuer_key_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        certificate.serialNumber,
        certificate.issuerCaId,
        certificate.stationId,
        certificate.certificateType,
        certificate.subject,
        certificate.notBefore,
        certificate.notAfter,
        certificate.csrFingerprint,
        certificate.certificatePem,
        certificate.chainPem,
        certificate.hashData.hashAlgorithm,
        certificate.hashData.issuerNameHash,
        certificate.hashData.issuerKeyHash,
      ],
    );
  }

  async find(serialNumber: string): Promise<InventoriedCertificate | undefined> {
    const rows = await queryRows<Row>(this.dataSource, `SELECT ${COLUMNS} FROM ${FROM} WHERE c.serial_number = $1`, [serialNumber]);
    return rows[0] ? certificateOf(rows[0]) : undefined;
  }

  async list(filter: IssuedCertificateFilter): Promise<(InventoriedCertificate & { issuedKey: string })[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`c.station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('c.station_id', filter.stationIds, bind));
    if (filter.issuerCaId !== undefined) conditions.push(`c.issuer_ca_id = ${bind(filter.issuerCaId)}`);
    if (filter.expiringBefore !== undefined) conditions.push(`c.not_after < ${bind(filter.expiringBefore)} AND c.not_after > now()`);
    if (filter.revoked !== undefined) conditions.push(filter.revoked ? 'r.serial_number IS NOT NULL' : 'r.serial_number IS NULL');
    if (filter.before !== undefined) {
      const [issuedAt, serial] = filter.before;
      conditions.push(`(c.issued_at, c.serial_number) < (${bind(issuedAt)}::timestamptz, ${bind(serial)})`);
    }
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${FROM} ${whereClause(conditions)} ORDER BY c.issued_at DESC, c.serial_number DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(certificateOf);
  }
}

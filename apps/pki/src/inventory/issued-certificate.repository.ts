import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { CertificateHashData } from './certificate-hash-data';
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
}

export interface IssuedCertificateFilter {
  stationId?: string;
  issuerCaId?: string;
  /** Only certificates whose notAfter is before this instant (and still after now). */
  expiringBefore?: Date;
  before?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

const TABLE = `"${PKI_SCHEMA}"."issued_certificate"`;
const COLUMNS = `serial_number, issuer_ca_id, station_id, certificate_type, subject, not_before, not_after, csr_fingerprint, certificate_pem, chain_pem,
  hash_algorithm, issuer_name_hash, issuer_key_hash, issued_at, issued_at::text AS issued_key`;

function certificateOf(row: Row): IssuedCertificate & { issuedKey: string } {
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

  async find(serialNumber: string): Promise<IssuedCertificate | undefined> {
    const rows = await queryRows<Row>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE serial_number = $1`, [serialNumber]);
    return rows[0] ? certificateOf(rows[0]) : undefined;
  }

  async list(filter: IssuedCertificateFilter): Promise<(IssuedCertificate & { issuedKey: string })[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('station_id', filter.stationIds, bind));
    if (filter.issuerCaId !== undefined) conditions.push(`issuer_ca_id = ${bind(filter.issuerCaId)}`);
    if (filter.expiringBefore !== undefined) conditions.push(`not_after < ${bind(filter.expiringBefore)} AND not_after > now()`);
    if (filter.before !== undefined) {
      const [issuedAt, serial] = filter.before;
      conditions.push(`(issued_at, serial_number) < (${bind(issuedAt)}::timestamptz, ${bind(serial)})`);
    }
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${TABLE} ${whereClause(conditions)} ORDER BY issued_at DESC, serial_number DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(certificateOf);
  }
}

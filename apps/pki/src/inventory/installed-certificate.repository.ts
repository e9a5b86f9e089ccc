import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { CertificateHashData } from './certificate-hash-data';
import type { ReportedCertificate } from './installed-certificate';
import type { KnownCertificate } from './known-certificates';
import { stationsIn } from '../tenancy/station-owned.repository';

/** A certificate a station holds, as it last reported it, with what we know of it. */
export interface InstalledCertificate extends ReportedCertificate {
  readonly stationId: string;
  readonly subject?: string;
  readonly notAfter?: Date;
  readonly caId?: string;
  readonly reportedAt: Date;
}

export interface InstalledCertificateFilter {
  stationId?: string;
  certificateType?: string;
  caId?: string;
  /** Only certificates known to expire before this instant (and still valid now). */
  expiringBefore?: Date;
  /** Cursor: (station id, certificate type, serial number, issuer name hash). */
  after?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

interface Row {
  station_id: string;
  certificate_type: string;
  hash_algorithm: CertificateHashData['hashAlgorithm'];
  issuer_name_hash: string;
  issuer_key_hash: string;
  serial_number: string;
  parent_serial_number: string | null;
  subject: string | null;
  not_after: Date | null;
  ca_id: string | null;
  reported_at: Date;
}

const TABLE = `"${PKI_SCHEMA}"."installed_certificate"`;
const STATIONS = `"${PKI_SCHEMA}"."station_security"`;

function installedOf(row: Row): InstalledCertificate {
  return {
    stationId: row.station_id,
    certificateType: row.certificate_type,
    hashData: { hashAlgorithm: row.hash_algorithm, issuerNameHash: row.issuer_name_hash, issuerKeyHash: row.issuer_key_hash, serialNumber: row.serial_number },
    parentSerialNumber: row.parent_serial_number ?? undefined,
    subject: row.subject ?? undefined,
    notAfter: row.not_after ? new Date(row.not_after) : undefined,
    caId: row.ca_id ?? undefined,
    reportedAt: new Date(row.reported_at),
  };
}

/** What each station last reported through GetInstalledCertificateIds. */
@Injectable()
export class InstalledCertificateRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Replaces the station's inventory by a complete new reading, in one transaction. */
  async replace(stationId: string, reported: readonly (ReportedCertificate & { known?: KnownCertificate })[], at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM ${TABLE} WHERE station_id = $1`, [stationId]);
      for (const entry of reported) {
        const { hashData, known } = entry;
        await manager.query(
          `INSERT INTO ${TABLE} (station_id, certificate_type, hash_algorithm, issuer_name_hash, issuer_key_hash, serial_number, parent_serial_number, subject, not_after, ca_id, reported_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [
            stationId,
            entry.certificateType,
            hashData.hashAlgorithm,
            hashData.issuerNameHash,
            hashData.issuerKeyHash,
            hashData.serialNumber,
            entry.parentSerialNumber ?? null,
            known?.subject ?? null,
            known?.notAfter ?? null,
            known?.caId ?? null,
            at,
          ],
        );
      }
      await manager.query(`UPDATE ${STATIONS} SET inventory_read_at = $2, inventory_error = NULL WHERE station_id = $1`, [stationId, at]);
    });
  }

  async list(filter: InstalledCertificateFilter): Promise<InstalledCertificate[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('station_id', filter.stationIds, bind));
    if (filter.certificateType !== undefined) conditions.push(`certificate_type = ${bind(filter.certificateType)}`);
    if (filter.caId !== undefined) conditions.push(`ca_id = ${bind(filter.caId)}`);
    if (filter.expiringBefore !== undefined) conditions.push(`not_after < ${bind(filter.expiringBefore)} AND not_after > now()`);
    if (filter.after !== undefined) {
      const [stationId, type, serial, nameHash] = filter.after;
      conditions.push(`(station_id, certificate_type, serial_number, issuer_name_hash) > (${bind(stationId)}, ${bind(type)}, ${bind(serial)}, ${bind(nameHash)})`);
    }
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT * FROM ${TABLE} ${whereClause(conditions)} ORDER BY station_id, certificate_type, serial_number, issuer_name_hash LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map(installedOf);
  }
}

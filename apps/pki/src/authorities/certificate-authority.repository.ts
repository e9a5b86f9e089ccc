import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { CaRole } from './ca-role';

/** A CA as stored: its certificate and where its key is (a file path or PKCS#11 label), never the key. */
export interface CaRecord {
  id: string;
  name: string;
  role: CaRole;
  parentId: string | null;
  certificatePem: string;
  subject: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: string;
  keyKind: 'file' | 'pkcs11';
  keyReference: string;
  crlUrl: string | null;
  ocspUrl: string | null;
  active: boolean;
  createdAt: Date;
}

interface CaRow {
  id: string;
  name: string;
  role: CaRole;
  parent_id: string | null;
  certificate_pem: string;
  subject: string;
  serial_number: string;
  not_before: Date;
  not_after: Date;
  key_algorithm: string;
  key_kind: 'file' | 'pkcs11';
  key_reference: string;
  crl_url: string | null;
  ocsp_url: string | null;
  active: boolean;
  created_at: Date;
}

const TABLE = `"${PKI_SCHEMA}"."certificate_authority"`;
const COLUMNS = `id, name, role, parent_id, certificate_pem, subject, serial_number, not_before, not_after, key_algorithm, key_kind, key_reference, crl_url, ocsp_url, active, created_at`;

function recordOf(row: CaRow): CaRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    parentId: row.parent_id,
    certificatePem: row.certificate_pem,
    subject: row.subject,
    serialNumber: row.serial_number,
    notBefore: new Date(row.not_before),
    notAfter: new Date(row.not_after),
    keyAlgorithm: row.key_algorithm,
    keyKind: row.key_kind,
    keyReference: row.key_reference,
    crlUrl: row.crl_url,
    ocspUrl: row.ocsp_url,
    active: row.active,
    createdAt: new Date(row.created_at),
  };
}

/** The CAs of this PKI. */
@Injectable()
export class CertificateAuthorityRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** false when the name is taken. */
  async insert(record: Omit<CaRecord, 'createdAt' | 'active'>): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `INSERT INTO ${TABLE} (id, name, role, parent_id, certificate_pem, subject, serial_number, not_before, not_after, key_algorithm, key_kind, key_reference, crl_url, ocsp_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [
        record.id,
        record.name,
        record.role,
        record.parentId,
        record.certificatePem,
        record.subject,
        record.serialNumber,
        record.notBefore,
        record.notAfter,
        record.keyAlgorithm,
        record.keyKind,
        record.keyReference,
        record.crlUrl,
        record.ocspUrl,
      ],
    );
    return rows.length === 1;
  }

  async nameTaken(name: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `SELECT id FROM ${TABLE} WHERE name = $1`, [name]);
    return rows.length > 0;
  }

  async find(id: string): Promise<CaRecord | undefined> {
    const rows = await queryRows<CaRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE id = $1`, [id]);
    return rows[0] ? recordOf(rows[0]) : undefined;
  }

  async findActive(role: CaRole): Promise<CaRecord | undefined> {
    const rows = await queryRows<CaRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE role = $1 AND active`, [role]);
    return rows[0] ? recordOf(rows[0]) : undefined;
  }

  async list(role?: CaRole): Promise<CaRecord[]> {
    const rows = await queryRows<CaRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${TABLE} ${role === undefined ? '' : 'WHERE role = $1'} ORDER BY created_at, id`,
      role === undefined ? [] : [role],
    );
    return rows.map(recordOf);
  }

  /** Makes `id` the one active CA of its role, in one transaction. */
  async activate(id: string, role: CaRole): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE ${TABLE} SET active = false WHERE role = $1 AND active AND id <> $2`, [role, id]);
      await manager.query(`UPDATE ${TABLE} SET active = true WHERE id = $1`, [id]);
    });
  }
}

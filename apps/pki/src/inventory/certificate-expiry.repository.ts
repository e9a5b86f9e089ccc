import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';

/** Station certificates of ours that are still valid, not revoked, and expire within each window. */
@Injectable()
export class CertificateExpiryRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  async countExpiring(windowsDays: readonly number[]): Promise<Map<number, number>> {
    const rows = await queryRows<{ days: number; count: number }>(
      this.dataSource,
      `SELECT w.days, count(c.serial_number)::int AS count
         FROM unnest($1::int[]) AS w(days)
         LEFT JOIN "${PKI_SCHEMA}"."issued_certificate" c
           ON c.not_after > now() AND c.not_after <= now() + w.days * interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM "${PKI_SCHEMA}"."revocation" r WHERE r.issuer_id = c.issuer_ca_id AND r.serial_number = c.serial_number)
        GROUP BY w.days`,
      [windowsDays],
    );
    return new Map(rows.map((row) => [Number(row.days), Number(row.count)]));
  }
}

import { InjectDataSource, queryRows, sqlParameters } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { stationsIn } from '../tenancy/station-owned.repository';

export type ExpiringKind = 'issued' | 'installed';

/** What expires in one ISO week (Monday 00:00 UTC, `YYYY-MM-DD`). */
export interface ExpiryWeekCount {
  weekStart: string;
  issued: number;
  installed: number;
}

/** How many certificates of each kind expire within `withinDays` of now. */
export interface ExpiryTotal {
  withinDays: number;
  issued: number;
  installed: number;
}

/** One of the soonest expiring certificates. */
export interface ExpiringCertificate {
  kind: ExpiringKind;
  stationId: string;
  serialNumber: string;
  certificateType: string;
  subject: string | null;
  notAfter: Date;
}

export interface ExpiryScope {
  now: Date;
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
}

const ISSUED = `"${PKI_SCHEMA}"."issued_certificate"`;
const INSTALLED = `"${PKI_SCHEMA}"."installed_certificate"`;
const REVOKED = `EXISTS (SELECT 1 FROM "${PKI_SCHEMA}"."revocation" r WHERE r.issuer_id = c.issuer_ca_id AND r.serial_number = c.serial_number)`;

/**
 * The certificates still valid at `now` that expire by `now + days`: issued ones not revoked (a revoked certificate needs no
 * renewal), and installed ones whose expiry we know. Both range scans use the not_after indexes of their tables.
 */
function expiringSql(scope: ExpiryScope, days: number, bind: (value: unknown) => string, columns: { issued: string; installed: string }): string {
  const now = `${bind(scope.now)}::timestamptz`;
  const window = `c.not_after > ${now} AND c.not_after <= ${now} + ${bind(days)}::int * interval '1 day'`;
  const issuedWhere = [window, `NOT ${REVOKED}`, ...stationsIn('c.station_id', scope.stationIds, bind)].join(' AND ');
  const installedWhere = [window, ...stationsIn('c.station_id', scope.stationIds, bind)].join(' AND ');
  return `SELECT 'issued' AS kind, ${columns.issued} FROM ${ISSUED} c WHERE ${issuedWhere}
          UNION ALL
          SELECT 'installed' AS kind, ${columns.installed} FROM ${INSTALLED} c WHERE ${installedWhere}`;
}

/** The expiry calendar, counted in the database: exact at any fleet size, and only the soonest few rows leave it. */
@Injectable()
export class CertificateExpiryCalendarRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Per ISO week (date_trunc('week') of the UTC time: weeks start on Monday), those expiring within `days`. */
  async weeks(scope: ExpiryScope, days: number): Promise<ExpiryWeekCount[]> {
    const { values, bind } = sqlParameters();
    const expiring = expiringSql(scope, days, bind, { issued: 'c.not_after', installed: 'c.not_after' });
    const rows = await queryRows<{ week_start: string; issued: number; installed: number }>(
      this.dataSource,
      `SELECT to_char(date_trunc('week', e.not_after AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week_start,
              count(*) FILTER (WHERE e.kind = 'issued')::int AS issued, count(*) FILTER (WHERE e.kind = 'installed')::int AS installed
         FROM (${expiring}) e GROUP BY 1 ORDER BY 1`,
      values,
    );
    return rows.map((row) => ({ weekStart: row.week_start, issued: Number(row.issued), installed: Number(row.installed) }));
  }

  /** How many expire within each of `windowsDays`, in one scan of the largest window. */
  async totals(scope: ExpiryScope, windowsDays: readonly number[]): Promise<ExpiryTotal[]> {
    const { values, bind } = sqlParameters();
    const largest = Math.max(...windowsDays);
    const expiring = expiringSql(scope, largest, bind, { issued: 'c.not_after', installed: 'c.not_after' });
    const now = `${bind(scope.now)}::timestamptz`;
    const rows = await queryRows<{ within_days: number; issued: number; installed: number }>(
      this.dataSource,
      `SELECT w.days AS within_days,
              count(e.kind) FILTER (WHERE e.kind = 'issued')::int AS issued, count(e.kind) FILTER (WHERE e.kind = 'installed')::int AS installed
         FROM unnest(${bind([...windowsDays])}::int[]) AS w(days)
         LEFT JOIN (${expiring}) e ON e.not_after <= ${now} + w.days * interval '1 day'
        GROUP BY w.days ORDER BY w.days`,
      values,
    );
    return rows.map((row) => ({ withinDays: Number(row.within_days), issued: Number(row.issued), installed: Number(row.installed) }));
  }

  /** The `limit` soonest of one kind to expire within `days` (soonest first, then by station). */
  async soonest(scope: ExpiryScope, kind: ExpiringKind, days: number, limit: number): Promise<ExpiringCertificate[]> {
    const { values, bind } = sqlParameters();
    const columns = 'c.station_id, c.serial_number, c.certificate_type, c.subject, c.not_after';
    const expiring = expiringSql(scope, days, bind, { issued: columns, installed: columns });
    const rows = await queryRows<{ kind: ExpiringKind; station_id: string; serial_number: string; certificate_type: string; subject: string | null; not_after: Date }>(
      this.dataSource,
      `SELECT * FROM (${expiring}) e WHERE e.kind = ${bind(kind)} ORDER BY e.not_after, e.station_id, e.serial_number LIMIT ${bind(limit)}`,
      values,
    );
    return rows.map((row) => ({
      kind: row.kind,
      stationId: row.station_id,
      serialNumber: row.serial_number,
      certificateType: row.certificate_type,
      subject: row.subject,
      notAfter: new Date(row.not_after),
    }));
  }
}

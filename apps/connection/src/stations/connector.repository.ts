import { InjectDataSource, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { ConnectorStatusReport } from './connector-status';

export interface StoredConnector {
  evseId: number;
  connectorId: number;
  status: string;
  ocppStatus: string;
  errorCode: string | null;
  info: string | null;
  vendorErrorCode: string | null;
  statusAt: Date;
}

interface ConnectorRow {
  evse_id: number;
  connector_id: number;
  status: string;
  ocpp_status: string;
  error_code: string | null;
  info: string | null;
  vendor_error_code: string | null;
  status_at: Date;
}

const RECORD_STATUS = namedStatement(
  'connector_record_status',
  `INSERT INTO "${CONNECTION_SCHEMA}"."connector" AS current
      (station_id, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
    ON CONFLICT (station_id, evse_id, connector_id) DO UPDATE
      SET status = EXCLUDED.status, ocpp_status = EXCLUDED.ocpp_status, error_code = EXCLUDED.error_code, info = EXCLUDED.info,
          vendor_error_code = EXCLUDED.vendor_error_code, status_at = EXCLUDED.status_at, updated_at = now()
      WHERE current.status_at <= EXCLUDED.status_at
    RETURNING evse_id`,
);

/** The last status of every connector. */
@Injectable()
export class ConnectorRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * Stores a status unless a newer one is already stored (statuses queued while offline may
   * arrive late); true when it was stored.
   */
  async record(stationId: string, report: ConnectorStatusReport): Promise<boolean> {
    const rows = await queryRows<{ evse_id: number }>(
      this.dataSource,
      RECORD_STATUS,
      [
        stationId,
        report.evseId,
        report.connectorId,
        report.status,
        report.ocppStatus,
        report.errorCode ?? null,
        report.info ?? null,
        report.vendorErrorCode ?? null,
        report.statusAt,
      ],
    );
    return rows.length === 1;
  }

  async list(stationId: string): Promise<StoredConnector[]> {
    const rows = await queryRows<ConnectorRow>(
      this.dataSource,
      `SELECT evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at
         FROM "${CONNECTION_SCHEMA}"."connector" WHERE station_id = $1 ORDER BY evse_id, connector_id`,
      [stationId],
    );
    return rows.map((row) => ({
      evseId: row.evse_id,
      connectorId: row.connector_id,
      status: row.status,
      ocppStatus: row.ocpp_status,
      errorCode: row.error_code,
      info: row.info,
      vendorErrorCode: row.vendor_error_code,
      statusAt: new Date(row.status_at),
    }));
  }
}

import { type GroupCommitter, InjectDataSource, type SqlExecutor, namedStatement, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { GroupCommits } from '../persistence/group-commits';
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

interface StatusRow {
  stationId: string;
  report: ConnectorStatusReport;
  /** ISO time, computed when the status is submitted, so an invalid date fails only its own message. */
  statusAt: string;
  /** The key of the connector-fault alert this status clears once stored, if it clears one. */
  clearsAlert: string | null;
}

// One statement per group commit (ADR 035): the statuses of many stations stored, and the fault
// alerts the stored ones clear cleared, in one round trip. A status older than the stored one
// (queued while offline) is not stored and clears nothing.
const RECORD_STATUSES = namedStatement(
  'connector_record_statuses',
  `WITH incoming AS (
      SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
        AS reported (station_id, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at, clears_alert)
    ), stored AS (
      INSERT INTO "${CONNECTION_SCHEMA}"."connector" AS current
          (station_id, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at, updated_at)
        SELECT station_id, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at, now() FROM incoming
        ON CONFLICT (station_id, evse_id, connector_id) DO UPDATE
          SET status = EXCLUDED.status, ocpp_status = EXCLUDED.ocpp_status, error_code = EXCLUDED.error_code, info = EXCLUDED.info,
              vendor_error_code = EXCLUDED.vendor_error_code, status_at = EXCLUDED.status_at, updated_at = now()
          WHERE current.status_at <= EXCLUDED.status_at
        RETURNING station_id, evse_id, connector_id
    ), cleared AS (
      UPDATE "${CONNECTION_SCHEMA}"."station_alert" AS alert SET cleared_at = GREATEST(incoming.status_at, alert.raised_at)
        FROM incoming JOIN stored USING (station_id, evse_id, connector_id)
       WHERE incoming.clears_alert IS NOT NULL AND alert.station_id = incoming.station_id AND alert.alert_key = incoming.clears_alert
         AND alert.cleared_at IS NULL
    )
    SELECT station_id, evse_id, connector_id FROM stored`,
);

const connectorKey = (stationId: string, evseId: number, connectorId: number) => `${stationId}\u0000${evseId}\u0000${connectorId}`;

/** The last status of every connector. */
@Injectable()
export class ConnectorRepository {
  private readonly statuses: GroupCommitter<StatusRow, boolean>;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    groupCommits: GroupCommits,
  ) {
    this.statuses = groupCommits.committer('connector_status', (rows) => this.writeStatuses(this.dataSource, rows), (executor) => this.writeStatuses(executor, []));
  }

  /**
   * Stores a status unless a newer one is already stored (statuses queued while offline may
   * arrive late), in a group commit with other stations' statuses; true when it was stored.
   * `clearsAlert` names the fault alert that the stored status clears.
   */
  record(stationId: string, report: ConnectorStatusReport, clearsAlert?: string): Promise<boolean> {
    return this.statuses.submit({ stationId, report, statusAt: report.statusAt.toISOString(), clearsAlert: clearsAlert ?? null });
  }

  private async writeStatuses(executor: SqlExecutor, rows: readonly StatusRow[]): Promise<boolean[]> {
    // A connector appears once per statement (ON CONFLICT may not touch a row twice): the newest
    // status wins, as it would have if the two had been written one after the other.
    const newest = new Map<string, StatusRow>();
    for (const row of rows) {
      const key = connectorKey(row.stationId, row.report.evseId, row.report.connectorId);
      const kept = newest.get(key);
      if (!kept || kept.statusAt <= row.statusAt) newest.set(key, row);
    }
    const written = [...newest.values()];
    const stored = await queryRows<{ station_id: string; evse_id: number; connector_id: number }>(executor, RECORD_STATUSES, [
      written.map((row) => row.stationId),
      written.map((row) => row.report.evseId),
      written.map((row) => row.report.connectorId),
      written.map((row) => row.report.status),
      written.map((row) => pgText(row.report.ocppStatus)),
      written.map((row) => pgText(row.report.errorCode)),
      written.map((row) => pgText(row.report.info)),
      written.map((row) => pgText(row.report.vendorErrorCode)),
      written.map((row) => row.statusAt),
      written.map((row) => row.clearsAlert),
    ]);
    const storedKeys = new Set(stored.map((row) => connectorKey(row.station_id, row.evse_id, row.connector_id)));
    return rows.map((row) => {
      const key = connectorKey(row.stationId, row.report.evseId, row.report.connectorId);
      return newest.get(key) === row && storedKeys.has(key);
    });
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

import { InjectDataSource, execute, namedStatement, pgText } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { RaisedAlert } from './alert-rules';

const ALERTS = `"${CONNECTION_SCHEMA}"."station_alert"`;

// Both run for StatusNotification (the station core's hot path, ADR 012): named statements, one
// round trip each, through the partial unique index that holds only the active alerts.
const RAISE = namedStatement(
  'station_alert_raise',
  `INSERT INTO ${ALERTS} AS active (station_id, alert_key, source, severity, component, variable, monitor_id, evse_id, connector_id, event_id, trigger,
      event_type, actual_value, tech_code, tech_info, error_code, vendor_error_code, info, raised_at, last_reported_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)
    ON CONFLICT (station_id, alert_key) WHERE cleared_at IS NULL DO UPDATE
      SET severity = EXCLUDED.severity, event_id = EXCLUDED.event_id, trigger = EXCLUDED.trigger, event_type = EXCLUDED.event_type,
          actual_value = EXCLUDED.actual_value, tech_code = EXCLUDED.tech_code, tech_info = EXCLUDED.tech_info, error_code = EXCLUDED.error_code,
          vendor_error_code = EXCLUDED.vendor_error_code, info = EXCLUDED.info, last_reported_at = GREATEST(active.last_reported_at, EXCLUDED.last_reported_at)`,
);

const CLEAR = namedStatement(
  'station_alert_clear',
  `UPDATE ${ALERTS} SET cleared_at = GREATEST($3::timestamptz, raised_at) WHERE station_id = $1 AND alert_key = $2 AND cleared_at IS NULL`,
);

/** Raises and clears the alerts of stations: at most one active alert per station and key. */
@Injectable()
export class StationAlertRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** Raises the alert, or updates the active one with the same key (raised again while active). */
  async raise(stationId: string, alert: RaisedAlert): Promise<void> {
    await execute(this.dataSource, RAISE, [
      stationId,
      pgText(alert.key),
      alert.source,
      alert.severity,
      pgText(alert.component),
      pgText(alert.variable),
      alert.monitorId ?? null,
      alert.evseId ?? null,
      alert.connectorId ?? null,
      alert.eventId ?? null,
      pgText(alert.trigger),
      pgText(alert.eventType),
      pgText(alert.actualValue),
      pgText(alert.techCode),
      pgText(alert.techInfo),
      pgText(alert.errorCode),
      pgText(alert.vendorErrorCode),
      pgText(alert.info),
      alert.at,
    ]);
  }

  /** Clears the active alert with this key, if any; a clear never predates its raise (station clocks). */
  async clear(stationId: string, key: string, at: Date): Promise<void> {
    await execute(this.dataSource, CLEAR, [stationId, pgText(key), at]);
  }
}

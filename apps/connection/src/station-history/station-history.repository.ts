import { InjectDataSource, pgText } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { BOOT_HISTORY_TABLE, CONNECTION_HISTORY_TABLE, NOTIFICATION_HISTORY_TABLE, STATUS_HISTORY_TABLE } from '../persistence/history-tables';
import type { BootHistoryRecord, ConnectionHistoryRecord, NotificationHistoryRecord, StatusHistoryRecord } from './station-history.records';

const iso = (date: Date) => date.toISOString();

/** Appends station history records, many per statement (one array parameter per column). */
@Injectable()
export class StationHistoryRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async insertBoots(records: readonly BootHistoryRecord[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${BOOT_HISTORY_TABLE}" (station_id, at, vendor, model, serial_number, firmware_version, boot_reason, status, status_reason)
       SELECT station_id, at::timestamptz, vendor, model, serial_number, firmware_version, boot_reason, status, status_reason
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS row (station_id, at, vendor, model, serial_number, firmware_version, boot_reason, status, status_reason)`,
      [
        records.map((record) => pgText(record.stationId)),
        records.map((record) => iso(record.at)),
        records.map((record) => pgText(record.vendor)),
        records.map((record) => pgText(record.model)),
        records.map((record) => pgText(record.serialNumber)),
        records.map((record) => pgText(record.firmwareVersion)),
        records.map((record) => pgText(record.bootReason)),
        records.map((record) => record.status),
        records.map((record) => record.statusReason),
      ],
    );
  }

  async insertStatuses(records: readonly StatusHistoryRecord[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${STATUS_HISTORY_TABLE}" (station_id, at, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code)
       SELECT station_id, at::timestamptz, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS row (station_id, at, evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code)`,
      [
        records.map((record) => pgText(record.stationId)),
        records.map((record) => iso(record.at)),
        records.map((record) => record.evseId),
        records.map((record) => record.connectorId),
        records.map((record) => record.status),
        records.map((record) => pgText(record.ocppStatus)),
        records.map((record) => pgText(record.errorCode)),
        records.map((record) => pgText(record.info)),
        records.map((record) => pgText(record.vendorErrorCode)),
      ],
    );
  }

  async insertConnections(records: readonly ConnectionHistoryRecord[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${CONNECTION_HISTORY_TABLE}" (station_id, at, event, protocol, security_profile, replica, close_code, reason)
       SELECT station_id, at::timestamptz, event, protocol, security_profile, replica, close_code, reason
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::text[], $7::int[], $8::text[])
           AS row (station_id, at, event, protocol, security_profile, replica, close_code, reason)`,
      [
        records.map((record) => pgText(record.stationId)),
        records.map((record) => iso(record.at)),
        records.map((record) => record.event),
        records.map((record) => record.protocol),
        records.map((record) => record.securityProfile),
        records.map((record) => pgText(record.replica)),
        records.map((record) => record.closeCode),
        records.map((record) => pgText(record.reason)),
      ],
    );
  }

  async insertNotifications(records: readonly NotificationHistoryRecord[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${NOTIFICATION_HISTORY_TABLE}" (station_id, at, action, status, request_id, vendor_id, message_id, data)
       SELECT station_id, at::timestamptz, action, status, request_id, vendor_id, message_id, data
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])
           AS row (station_id, at, action, status, request_id, vendor_id, message_id, data)`,
      [
        records.map((record) => pgText(record.stationId)),
        records.map((record) => iso(record.at)),
        records.map((record) => record.action),
        records.map((record) => pgText(record.status)),
        records.map((record) => record.requestId),
        records.map((record) => pgText(record.vendorId)),
        records.map((record) => pgText(record.messageId)),
        records.map((record) => pgText(record.data)),
      ],
    );
  }
}

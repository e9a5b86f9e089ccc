import { InjectDataSource, pgJson, pgText } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { COMMAND_LOG_TABLE } from '../persistence/history-tables';
import type { CommandRecord } from './command-record';

/**
 * Writes command records, many per statement (one array parameter per column). A command that
 * reached the station replaces a not-connected record of the same command from the replica the
 * station had left; nothing replaces a record of a command that reached the station.
 */
@Injectable()
export class CommandLogRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async insert(records: readonly CommandRecord[]): Promise<void> {
    const rows = finalRecords(records);
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${COMMAND_LOG_TABLE}" AS logged
         (command_id, station_id, origin_service, actor, command, action, request, issued_at, completed_at, status, response, error_code, error_description, replica)
       SELECT command_id, station_id, origin_service, actor, command, action, request::jsonb, issued_at::timestamptz, completed_at::timestamptz, status,
              response::jsonb, error_code, error_description, replica
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::text[], $14::int[])
           AS row (command_id, station_id, origin_service, actor, command, action, request, issued_at, completed_at, status,
                   response, error_code, error_description, replica)
       ON CONFLICT (command_id) DO UPDATE
         SET station_id = EXCLUDED.station_id, origin_service = EXCLUDED.origin_service, actor = EXCLUDED.actor, command = EXCLUDED.command,
             action = EXCLUDED.action, request = EXCLUDED.request, issued_at = EXCLUDED.issued_at, completed_at = EXCLUDED.completed_at,
             status = EXCLUDED.status, response = EXCLUDED.response, error_code = EXCLUDED.error_code,
             error_description = EXCLUDED.error_description, replica = EXCLUDED.replica, recorded_at = now()
         WHERE logged.status = 'not-connected'`,
      [
        rows.map((row) => pgText(row.commandId)),
        rows.map((row) => pgText(row.stationId)),
        rows.map((row) => pgText(row.originService)),
        rows.map((row) => pgText(row.actor)),
        rows.map((row) => pgText(row.command)),
        rows.map((row) => pgText(row.action)),
        rows.map((row) => pgJson(row.request)),
        rows.map((row) => row.issuedAt.toISOString()),
        rows.map((row) => row.completedAt.toISOString()),
        rows.map((row) => row.status),
        rows.map((row) => pgJson(row.response)),
        rows.map((row) => pgText(row.errorCode)),
        rows.map((row) => pgText(row.errorDescription)),
        rows.map((row) => row.replica),
      ],
    );
  }
}

/**
 * One record per command id (an upsert may touch a row once per statement): the one that reached
 * the station wins over a not-connected one, else the later one.
 */
export function finalRecords(records: readonly CommandRecord[]): CommandRecord[] {
  const byId = new Map<string, CommandRecord>();
  for (const record of records) {
    const kept = byId.get(record.commandId);
    if (kept === undefined || kept.status === 'not-connected') byId.set(record.commandId, record);
  }
  return [...byId.values()];
}

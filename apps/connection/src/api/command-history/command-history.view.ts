import { commandStatuses, type CommandRecordView } from './command-history.schemas';
import type { CommandRow } from './command-history-read.repository';

const isCommandStatus = (status: string): status is CommandRecordView['status'] => (commandStatuses as readonly string[]).includes(status);

export function commandRecordViewOf(row: CommandRow): CommandRecordView {
  return {
    commandId: row.command_id,
    stationId: row.station_id,
    originService: row.origin_service,
    actor: row.actor,
    command: row.command,
    action: row.action,
    request: row.request,
    issuedAt: new Date(row.issued_at).toISOString(),
    completedAt: new Date(row.completed_at).toISOString(),
    // The table's CHECK constraint holds the same list; anything else would be a schema change this build predates.
    status: isCommandStatus(row.status) ? row.status : 'invalid',
    response: row.response,
    errorCode: row.error_code,
    errorDescription: row.error_description,
    replica: Number(row.replica),
  };
}

import { type StationCommand, timestampDate } from '@app/contracts';
import type { CommandStatus } from '@app/station-commands';
import type { Execution } from '../routing/command-execution';
import { redactCall, redactSecrets } from './secret-redaction';

/** One command as the command history keeps it: who asked what of which station, and how it ended. */
export interface CommandRecord {
  commandId: string;
  stationId: string;
  originService: string;
  /** The operator API token's name; null for a service's own decision. */
  actor: string | null;
  /** The neutral command (the StationCommand body case, e.g. `reset`, `rawCall`). */
  command: string;
  /** The OCPP action it became in the station's version; null when it never became one (not connected, not expressible). */
  action: string | null;
  /** The OCPP payload, credentials blanked; null with `action`. */
  request: object | null;
  issuedAt: Date;
  completedAt: Date;
  status: CommandStatus;
  /** The station's answer (version-neutral), credentials blanked; null unless accepted or rejected. */
  response: Record<string, unknown> | null;
  errorCode: string | null;
  errorDescription: string | null;
  /** The connection replica (ocpp.commands partition) that ran it. */
  replica: number;
}

export interface CommandRun {
  /** When the replica took the command from ocpp.commands. */
  receivedAt: Date;
  completedAt: Date;
  replica: number;
}

/** The neutral command's name; a command whose body this build does not know is named so. */
export function commandNameOf(command: StationCommand): string {
  return command.body.case ?? 'unknown';
}

export function commandRecordOf(command: StationCommand, { outcome, call }: Execution, run: CommandRun): CommandRecord {
  return {
    commandId: command.commandId,
    stationId: command.stationId,
    originService: command.originService,
    actor: command.actor || null,
    command: commandNameOf(command),
    action: call?.action ?? null,
    request: call ? redactCall(call.action, call.payload) : null,
    issuedAt: command.issuedAt ? timestampDate(command.issuedAt) : run.receivedAt,
    completedAt: run.completedAt,
    status: outcome.status,
    response: outcome.result ? (call ? redactCall(call.action, outcome.result) : redactSecrets(outcome.result)) : null,
    errorCode: outcome.errorCode ?? null,
    errorDescription: outcome.errorDescription ?? null,
    replica: run.replica,
  };
}

import { CommandOutcome_Status, type CommandResult } from '@app/contracts';

export type CommandStatus = 'accepted' | 'rejected' | 'call-error' | 'timeout' | 'not-connected' | 'invalid';

/** What became of a command, in the terms every backend understands. */
export interface CommandOutcome {
  commandId: string;
  status: CommandStatus;
  /** The station's answer in version-neutral form (accepted/rejected). */
  result?: Record<string, unknown>;
  errorCode?: string;
  errorDescription?: string;
}

const statusNames: Record<CommandOutcome_Status, CommandStatus | undefined> = {
  [CommandOutcome_Status.UNSPECIFIED]: undefined,
  [CommandOutcome_Status.ACCEPTED]: 'accepted',
  [CommandOutcome_Status.REJECTED]: 'rejected',
  [CommandOutcome_Status.CALL_ERROR]: 'call-error',
  [CommandOutcome_Status.TIMEOUT]: 'timeout',
  [CommandOutcome_Status.NOT_CONNECTED]: 'not-connected',
  [CommandOutcome_Status.INVALID]: 'invalid',
};

export const statusCodes: Record<CommandStatus, CommandOutcome_Status> = {
  accepted: CommandOutcome_Status.ACCEPTED,
  rejected: CommandOutcome_Status.REJECTED,
  'call-error': CommandOutcome_Status.CALL_ERROR,
  timeout: CommandOutcome_Status.TIMEOUT,
  'not-connected': CommandOutcome_Status.NOT_CONNECTED,
  invalid: CommandOutcome_Status.INVALID,
};

export function outcomeOf(result: CommandResult): CommandOutcome {
  const outcome = result.body.case === 'outcome' ? result.body.value : undefined;
  const status = (outcome && statusNames[outcome.status]) ?? 'invalid';
  return {
    commandId: result.commandId,
    status,
    result: outcome?.payloadJson ? (JSON.parse(outcome.payloadJson) as Record<string, unknown>) : undefined,
    errorCode: outcome?.errorCode || undefined,
    errorDescription: outcome?.errorDescription || undefined,
  };
}

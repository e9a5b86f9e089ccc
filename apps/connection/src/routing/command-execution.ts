import type { StationCommand } from '@app/contracts';
import { OcppRpcError, RpcSessionError, RpcSessionErrorCode, versionOfSubprotocol } from '@app/ocpp';
import type { CommandOutcome } from '@app/station-commands';
import { type CommandResponse, fromOcppResponse, toOcppCall } from '../commands/mapping';
import { dropConnection } from '../credentials/connection-drop';
import type { StationConnection } from '../gateway/station-connection';

export type ExecutionOutcome = Omit<CommandOutcome, 'commandId'>;

/** The OCPP call a command became in the station's version (whether or not it went out: see the outcome). */
export interface MappedCall {
  action: string;
  payload: object;
}

/** How a command ended, the call it became when it could be mapped, and what its answer revealed about the station. */
export interface Execution {
  outcome: ExecutionOutcome;
  call?: MappedCall;
  event?: CommandResponse['event'];
}

/** Told which message a TriggerMessage will make the station send, so that a Pending station may send it. */
export interface TriggerExpectations {
  expectTriggered(stationId: string, action: string): void;
}

/**
 * Runs one version-neutral command on the station's own connection: maps it
 * to the station's OCPP version, calls, and maps the answer back. Every way
 * it can end becomes one of the outcome statuses.
 */
export async function executeOnStation(
  command: StationCommand,
  connection: StationConnection | undefined,
  deadline: number,
  triggers?: TriggerExpectations,
): Promise<Execution> {
  if (deadline <= Date.now()) return { outcome: { status: 'timeout', errorDescription: 'the deadline passed before the command reached the station' } };
  if (!connection) return { outcome: { status: 'not-connected', errorDescription: `station ${command.stationId} is not connected to this replica` } };
  // Not an OCPP call: the socket this replica holds is closed here.
  if (command.body.case === 'dropConnection') return dropConnection(command.body.value, connection);
  const version = versionOfSubprotocol(connection.protocol);
  const mapping = toOcppCall(version, command);
  if (!mapping.ok) return { outcome: { status: 'invalid', errorDescription: mapping.reason } };
  const call: MappedCall = { action: mapping.action, payload: mapping.payload };
  const triggered = triggeredAction(call.action, call.payload);
  if (triggered) triggers?.expectTriggered(command.stationId, triggered);
  try {
    // At the deadline the call is withdrawn if still queued behind another, or no longer awaited if sent.
    const signal = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    const response = await connection.call(call.action, call.payload as Record<string, unknown>, { signal });
    const mapped = fromOcppResponse(version, command, response as Record<string, unknown>);
    return { outcome: { status: mapped.accepted ? 'accepted' : 'rejected', result: mapped.result }, call, event: mapped.event };
  } catch (error) {
    return { outcome: failureOutcome(error, version), call };
  }
}

/** The CALL a (1.6 Extended) TriggerMessage asks the station to send. */
function triggeredAction(action: string, payload: object): string | undefined {
  if (action !== 'TriggerMessage' && action !== 'ExtendedTriggerMessage') return undefined;
  const requested = (payload as { requestedMessage?: unknown }).requestedMessage;
  if (typeof requested !== 'string') return undefined;
  return requested === 'SignChargePointCertificate' || requested === 'SignChargingStationCertificate' || requested === 'SignV2GCertificate' || requested === 'SignCombinedCertificate'
    ? 'SignCertificate'
    : requested;
}

function failureOutcome(error: unknown, version: '1.6' | '2.0.1'): ExecutionOutcome {
  if (error instanceof OcppRpcError) {
    if (error.origin === 'peer') return { status: 'call-error', errorCode: error.peerCode ?? error.codeIn(version), errorDescription: error.description };
    return { status: 'invalid', errorCode: error.codeIn(version), errorDescription: error.description };
  }
  if (error instanceof RpcSessionError) {
    switch (error.code) {
      case RpcSessionErrorCode.Timeout:
        return { status: 'timeout', errorDescription: error.message };
      case RpcSessionErrorCode.Aborted:
        return { status: 'timeout', errorDescription: `the station did not answer before the deadline: ${error.message}` };
      case RpcSessionErrorCode.Closed:
      case RpcSessionErrorCode.SendFailed:
        return { status: 'not-connected', errorDescription: error.message };
      case RpcSessionErrorCode.QueueFull:
        return { status: 'rejected', errorDescription: 'too many commands are waiting for this station' };
      case RpcSessionErrorCode.InvalidResponse:
        return { status: 'call-error', errorCode: 'InvalidResponse', errorDescription: error.message };
    }
  }
  throw error;
}

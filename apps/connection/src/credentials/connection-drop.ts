import { type DropConnection, SecurityEventSchema, type StationEvent, timestampFromDate } from '@app/contracts';
import type { CommandOutcome } from '@app/station-commands';
import { create } from '@bufbuild/protobuf';
import type { StationConnection } from '../gateway/station-connection';
import { dropPlanOf, keepsConnection } from './connection-drop.policy';

/** A drop as the command executor reports it (routing/command-execution.ts Execution, without the call it never makes). */
export interface DropExecution {
  outcome: Omit<CommandOutcome, 'commandId'>;
  event?: Exclude<StationEvent['body'], { case: undefined }>;
}

/**
 * Runs a drop_connection command on the replica that holds the station (ADR 039): closes its
 * socket with the close code of the cause, unless the drop keeps connections already on the
 * station's new minimum profile. The security event goes out with the command's other
 * findings; the close itself reaches the station history as its disconnect (code and reason).
 */
export function dropConnection(drop: DropConnection, connection: StationConnection, now = new Date()): DropExecution {
  if (keepsConnection(connection.securityProfile, drop.keepFromProfile)) {
    return { outcome: { status: 'accepted', result: { closed: false, connectionSecurityProfile: connection.securityProfile } } };
  }
  const plan = dropPlanOf(drop.cause);
  const alreadyClosing = connection.isClosing;
  if (!alreadyClosing) connection.close(plan.closeCode, plan.reason);
  const techInfo = `${plan.reason}; connection on security profile ${connection.securityProfile} closed by the CSMS with ${plan.closeCode}`;
  return {
    outcome: { status: 'accepted', result: { closed: true, closeCode: plan.closeCode, reason: plan.reason } },
    event: alreadyClosing ? undefined : { case: 'securityEvent', value: create(SecurityEventSchema, { type: plan.securityEventType, techInfo, raisedByCsms: true, raisedAt: timestampFromDate(now) }) },
  };
}

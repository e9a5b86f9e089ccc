import { timestampFromDate } from '@app/contracts';
import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';

/** SecurityEventNotification (1.6 security extension and 2.0.1 have the same fields). */
export interface ReportedSecurityEvent {
  type: string;
  at: Date;
  techInfo: string | undefined;
}

export function securityEventOf(request: Ocpp16.SecurityEventNotificationRequest | Ocpp201.SecurityEventNotificationRequest): ReportedSecurityEvent {
  return { type: request.type, at: new Date(request.timestamp), techInfo: request.techInfo };
}

export function reportedSecurityEvent(event: ReportedSecurityEvent): StationEventBody {
  return { case: 'securityEvent', value: { type: event.type, techInfo: event.techInfo ?? '', raisedByCsms: false, raisedAt: timestampFromDate(event.at) } };
}

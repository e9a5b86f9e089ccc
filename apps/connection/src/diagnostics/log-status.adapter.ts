import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';

/** Diagnostics / log upload progress, version-neutral; requestId 0 when the message carries none (1.6 core). */
export interface LogStatusReport {
  status: string;
  requestId: number;
}

export function diagnosticsStatusOf16(request: Ocpp16.DiagnosticsStatusNotificationRequest): LogStatusReport {
  return { status: request.status, requestId: 0 };
}

/** LogStatusNotification of the 1.6 security extension and of 2.0.1. */
export function logStatusOf(request: Ocpp16.LogStatusNotificationRequest | Ocpp201.LogStatusNotificationRequest): LogStatusReport {
  return { status: request.status, requestId: request.requestId ?? 0 };
}

export function logStatusEvent(report: LogStatusReport): StationEventBody {
  return { case: 'logStatus', value: { status: report.status, requestId: BigInt(report.requestId) } };
}

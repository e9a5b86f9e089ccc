import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';

/** Firmware update progress, version-neutral; requestId 0 when the message carries none (1.6 core). */
export interface FirmwareStatusReport {
  status: string;
  requestId: number;
}

export function firmwareStatusOf16(request: Ocpp16.FirmwareStatusNotificationRequest): FirmwareStatusReport {
  return { status: request.status, requestId: 0 };
}

/** The 1.6 security extension's SignedFirmwareStatusNotification and the 2.0.1 FirmwareStatusNotification. */
export function firmwareStatusOf(request: Ocpp16.SignedFirmwareStatusNotificationRequest | Ocpp201.FirmwareStatusNotificationRequest): FirmwareStatusReport {
  return { status: request.status, requestId: request.requestId ?? 0 };
}

export function firmwareStatusEvent(report: FirmwareStatusReport): StationEventBody {
  return { case: 'firmwareStatus', value: { status: report.status, requestId: BigInt(report.requestId) } };
}

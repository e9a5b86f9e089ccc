import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { BootDecision } from '../stations/boot-policy';
import type { ReportedIdentity } from '../stations/station.repository';

/** A BootNotification, version-neutral. */
export interface BootReport extends ReportedIdentity {
  /** 2.0.1 boot reason (PowerUp, RemoteReset, ...); undefined for 1.6. */
  reason: string | undefined;
}

/** The BootNotification answer has the same shape in both versions. */
export interface BootAnswer {
  status: BootDecision['status'];
  currentTime: string;
  interval: number;
}

export function bootReportOf16(request: Ocpp16.BootNotificationRequest): BootReport {
  return {
    vendor: request.chargePointVendor,
    model: request.chargePointModel,
    // chargeBoxSerialNumber is deprecated in 1.6 in favour of chargePointSerialNumber.
    serialNumber: request.chargePointSerialNumber ?? request.chargeBoxSerialNumber,
    firmwareVersion: request.firmwareVersion,
    reason: undefined,
  };
}

export function bootReportOf201(request: Ocpp201.BootNotificationRequest): BootReport {
  const station = request.chargingStation;
  return {
    vendor: station.vendorName,
    model: station.model,
    serialNumber: station.serialNumber,
    firmwareVersion: station.firmwareVersion,
    reason: request.reason,
  };
}

export function bootAnswer(decision: BootDecision, now: Date): BootAnswer {
  return { status: decision.status, currentTime: now.toISOString(), interval: decision.intervalSeconds };
}

import type { OcppVersion } from '@app/ocpp';
import type { OutgoingCall } from '../dialect/station-dialect';

/** What a station reports about a faulty connector; 2.0.1 has only the Faulted status. */
export interface ConnectorFault {
  /** 1.6 ChargePointErrorCode, e.g. GroundFailure, HighTemperature, OtherError. */
  errorCode: string;
  info?: string;
  vendorErrorCode?: string;
}

/** The StatusNotification reporting a fault on connector/EVSE `evseId` (its connector 1 in 2.0.1). */
export function faultNotification(version: OcppVersion, evseId: number, fault: ConnectorFault, at: number): OutgoingCall {
  const timestamp = new Date(at).toISOString();
  if (version === '2.0.1') return { action: 'StatusNotification', payload: { timestamp, connectorStatus: 'Faulted', evseId, connectorId: 1 } };
  const payload: Record<string, unknown> = { connectorId: evseId, errorCode: fault.errorCode, status: 'Faulted', timestamp };
  if (fault.info !== undefined) payload.info = fault.info;
  if (fault.vendorErrorCode !== undefined) payload.vendorErrorCode = fault.vendorErrorCode;
  return { action: 'StatusNotification', payload };
}

import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { ConnectorStatus, ConnectorStatusReport } from '../stations/connector-status';

/** 1.6 statuses folded into the 2.0.1 set (the 2.0.1 spec's own migration table, part 2 §F). */
const foldedStatuses: Readonly<Record<Ocpp16.StatusNotificationRequest['status'], ConnectorStatus>> = {
  Available: 'Available',
  Preparing: 'Occupied',
  Charging: 'Occupied',
  SuspendedEVSE: 'Occupied',
  SuspendedEV: 'Occupied',
  Finishing: 'Occupied',
  Reserved: 'Reserved',
  Unavailable: 'Unavailable',
  Faulted: 'Faulted',
};

/**
 * 1.6: connector N is EVSE N with one connector; connector 0 is the whole station. The
 * timestamp is optional in 1.6 and then the time the CSMS received the message.
 */
export function statusReportOf16(request: Ocpp16.StatusNotificationRequest, receivedAt: Date): ConnectorStatusReport {
  return {
    evseId: request.connectorId,
    connectorId: request.connectorId === 0 ? 0 : 1,
    status: foldedStatuses[request.status],
    ocppStatus: request.status,
    errorCode: request.errorCode,
    info: request.info,
    vendorErrorCode: request.vendorErrorCode,
    statusAt: request.timestamp ? new Date(request.timestamp) : receivedAt,
  };
}

export function statusReportOf201(request: Ocpp201.StatusNotificationRequest): ConnectorStatusReport {
  return {
    evseId: request.evseId,
    connectorId: request.connectorId,
    status: request.connectorStatus,
    ocppStatus: request.connectorStatus,
    errorCode: undefined,
    info: undefined,
    vendorErrorCode: undefined,
    statusAt: new Date(request.timestamp),
  };
}

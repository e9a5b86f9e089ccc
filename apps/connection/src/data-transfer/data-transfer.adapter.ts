import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';

/** A DataTransfer from a station, version-neutral: 1.6 data is a string, 2.0.1 data any JSON (kept as JSON text). */
export interface DataTransferReport {
  vendorId: string;
  messageId: string | undefined;
  data: string | undefined;
}

export type DataTransferStatus = 'Accepted' | 'UnknownVendorId';

export function dataTransferOf16(request: Ocpp16.DataTransferRequest): DataTransferReport {
  return { vendorId: request.vendorId, messageId: request.messageId, data: request.data };
}

export function dataTransferOf201(request: Ocpp201.DataTransferRequest): DataTransferReport {
  const data: unknown = request.data;
  return {
    vendorId: request.vendorId,
    messageId: request.messageId,
    data: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
  };
}

/**
 * The CSMS has no vendor-specific logic of its own: a DataTransfer is Accepted only for vendor
 * ids an operator configured (OCPP_DATA_TRANSFER_VENDOR_IDS; their consumers read
 * `data_transfer` on ocpp.events), and answered UnknownVendorId otherwise (1.6 §4.3, 2.0.1 P01).
 */
export function dataTransferStatus(report: DataTransferReport, configuredVendorIds: ReadonlySet<string>): DataTransferStatus {
  return configuredVendorIds.has(report.vendorId) ? 'Accepted' : 'UnknownVendorId';
}

export function dataTransferEvent(report: DataTransferReport): StationEventBody {
  return { case: 'dataTransfer', value: { vendorId: report.vendorId, messageId: report.messageId ?? '', data: report.data ?? '' } };
}

import type { BootReport } from '../provisioning/boot-notification.adapter';
import type { BootDecision, BootStatus } from '../stations/boot-policy';
import type { ConnectorStatusReport } from '../stations/connector-status';

/** A BootNotification and the answer it got. */
export interface BootHistoryRecord {
  stationId: string;
  at: Date;
  vendor: string;
  model: string;
  serialNumber: string | null;
  firmwareVersion: string | null;
  /** 2.0.1 boot reason (PowerUp, RemoteReset, ...); null for 1.6. */
  bootReason: string | null;
  status: BootStatus;
  /** Why it was not Accepted (BootHoldReason); null when Accepted. */
  statusReason: string | null;
}

/** A StatusNotification as the station reported it, at the station's time. */
export interface StatusHistoryRecord {
  stationId: string;
  at: Date;
  evseId: number;
  connectorId: number;
  status: string;
  ocppStatus: string;
  errorCode: string | null;
  info: string | null;
  vendorErrorCode: string | null;
}

/** A WebSocket connection of the station opened or closed. */
export interface ConnectionHistoryRecord {
  stationId: string;
  at: Date;
  event: 'connected' | 'disconnected';
  protocol: string;
  securityProfile: number;
  /** The connection replica that held the socket. */
  replica: string;
  /** WebSocket close code (1006: dropped without a close frame); null for `connected`. */
  closeCode: number | null;
  reason: string | null;
}

/** The station notifications kept only as history: firmware and log upload progress, DataTransfer. */
export type NotificationAction =
  | 'FirmwareStatusNotification'
  | 'SignedFirmwareStatusNotification'
  | 'DiagnosticsStatusNotification'
  | 'LogStatusNotification'
  | 'DataTransfer';

/** A notification the station sent, with what it reported (or, for DataTransfer, what the CSMS answered). */
export interface NotificationHistoryRecord {
  stationId: string;
  at: Date;
  action: NotificationAction;
  status: string;
  /** The request it reports on (UpdateFirmware / GetLog requestId); null when the message carries none. */
  requestId: number | null;
  vendorId: string | null;
  messageId: string | null;
  /** DataTransfer data, cut to DATA_TRANSFER_HISTORY_CHARS. */
  data: string | null;
}

/** Enough of a vendor's DataTransfer data to recognise it; all of it goes to ocpp.events. */
export const DATA_TRANSFER_HISTORY_CHARS = 1000;

/** What the gateway knows of a connection when it opens or closes. */
export interface ConnectionFacts {
  stationId: string;
  protocol: string;
  securityProfile: number;
}

export function bootRecordOf(stationId: string, report: BootReport, decision: BootDecision, at: Date): BootHistoryRecord {
  return {
    stationId,
    at,
    vendor: report.vendor,
    model: report.model,
    serialNumber: report.serialNumber ?? null,
    firmwareVersion: report.firmwareVersion ?? null,
    bootReason: report.reason ?? null,
    status: decision.status,
    statusReason: decision.reason ?? null,
  };
}

export function statusRecordOf(stationId: string, report: ConnectorStatusReport): StatusHistoryRecord {
  return {
    stationId,
    at: report.statusAt,
    evseId: report.evseId,
    connectorId: report.connectorId,
    status: report.status,
    ocppStatus: report.ocppStatus,
    errorCode: report.errorCode ?? null,
    info: report.info ?? null,
    vendorErrorCode: report.vendorErrorCode ?? null,
  };
}

export function connectedRecordOf(connection: ConnectionFacts, replica: string, at: Date): ConnectionHistoryRecord {
  const { stationId, protocol, securityProfile } = connection;
  return { stationId, at, event: 'connected', protocol, securityProfile, replica, closeCode: null, reason: null };
}

/**
 * A closed connection. One replaced by a newer connection of the same station says so: the
 * station reconnected before this one was seen to end (or two stations share an id).
 */
export function disconnectedRecordOf(
  connection: ConnectionFacts,
  replica: string,
  at: Date,
  close: { code: number; reason: string; replaced: boolean },
): ConnectionHistoryRecord {
  const { stationId, protocol, securityProfile } = connection;
  const reason = close.replaced ? 'replaced by a newer connection of the same station' : close.reason || null;
  return { stationId, at, event: 'disconnected', protocol, securityProfile, replica, closeCode: close.code, reason };
}

/** Firmware update or log upload progress; requestId 0 is how the adapters say "none" (1.6 core). */
export function progressRecordOf(stationId: string, action: NotificationAction, report: { status: string; requestId: number }, at: Date): NotificationHistoryRecord {
  return { stationId, at, action, status: report.status, requestId: report.requestId === 0 ? null : report.requestId, vendorId: null, messageId: null, data: null };
}

export function dataTransferRecordOf(stationId: string, report: { vendorId: string; messageId?: string; data?: string }, answered: string, at: Date): NotificationHistoryRecord {
  return {
    stationId,
    at,
    action: 'DataTransfer',
    status: answered,
    requestId: null,
    vendorId: report.vendorId,
    messageId: report.messageId ?? null,
    data: report.data === undefined ? null : report.data.slice(0, DATA_TRANSFER_HISTORY_CHARS),
  };
}

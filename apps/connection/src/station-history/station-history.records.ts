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

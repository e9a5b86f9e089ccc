import { OcppVersion } from '@app/contracts';
import type { StationLocation } from '@app/station-commands';
import { isoOrNull } from '../api-schemas';
import type { ConnectorRow, ConnectorStatusRow, StationCountRow, StationRow } from './station-read.repository';
import type { ProvisioningRecord } from '../station-core.port';
import { registrationStatuses } from '../station-core.port';
import {
  type ConnectorStatusView,
  type ConnectorView,
  type CredentialProvisioningView,
  type LiveState,
  type StationSummaryView,
  type StationView,
  ocppProtocols,
} from './station.schemas';

const protocolNames: Readonly<Record<OcppVersion, LiveState['protocol']>> = {
  [OcppVersion.OCPP_VERSION_UNSPECIFIED]: null,
  [OcppVersion.OCPP_VERSION_1_6]: 'ocpp1.6',
  [OcppVersion.OCPP_VERSION_2_0_1]: 'ocpp2.0.1',
  [OcppVersion.OCPP_VERSION_2_1]: 'ocpp2.1',
};

/** Where the station is connected now, from its latest presence record (nothing known: offline). */
export function liveStateOf(location: StationLocation | undefined): LiveState {
  if (!location?.connected) return { connected: false, protocol: null, securityProfile: null, replica: null };
  return { connected: true, protocol: protocolNames[location.protocol] ?? null, securityProfile: location.securityProfile, replica: location.replicaId || null };
}

export function stationViewOf(row: StationRow, live: LiveState): StationView {
  return {
    id: row.id,
    registrationStatus: row.registration_status as StationView['registrationStatus'],
    securityProfile: Number(row.security_profile),
    hasPassword: row.has_password,
    serialNumber: row.serial_number,
    vendor: row.vendor,
    model: row.model,
    firmwareVersion: row.firmware_version,
    autoRegistered: row.auto_registered,
    lastBootAt: isoOrNull(row.last_boot_at),
    lastSeenAt: isoOrNull(row.last_seen_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    tenant: row.tenant,
    live,
  };
}

export function connectorViewOf(row: ConnectorRow): ConnectorView {
  return {
    evseId: Number(row.evse_id),
    connectorId: Number(row.connector_id),
    status: row.status as ConnectorView['status'],
    ocppStatus: row.ocpp_status,
    errorCode: row.error_code,
    info: row.info,
    vendorErrorCode: row.vendor_error_code,
    statusAt: new Date(row.status_at).toISOString(),
  };
}

export function credentialProvisioningViewOf(record: ProvisioningRecord | undefined): CredentialProvisioningView | null {
  if (record === undefined) return null;
  return {
    state: record.state,
    attempts: record.attempts,
    lastOutcome: record.lastOutcome,
    lastDetail: record.lastDetail,
    lastAttemptAt: isoOrNull(record.lastAttemptAt),
    nextAttemptAt: record.nextAttemptAt.toISOString(),
    provisionedAt: isoOrNull(record.provisionedAt),
  };
}

export function connectorStatusViewOf(row: ConnectorStatusRow): ConnectorStatusView {
  return { evseId: Number(row.evseId), connectorId: Number(row.connectorId), status: row.status as ConnectorStatusView['status'] };
}

/** Folds the registry's counts (by registration status and live protocol) into the summary; every key is present, 0 when none. */
export function stationSummaryOf(rows: readonly StationCountRow[]): StationSummaryView {
  const summary: StationSummaryView = {
    total: 0,
    connected: 0,
    byRegistrationStatus: Object.fromEntries(registrationStatuses.map((status) => [status, 0])) as StationSummaryView['byRegistrationStatus'],
    byProtocol: Object.fromEntries(ocppProtocols.map((protocol) => [protocol, 0])) as StationSummaryView['byProtocol'],
  };
  for (const row of rows) {
    const count = Number(row.count);
    summary.total += count;
    const status = row.registration_status as keyof StationSummaryView['byRegistrationStatus'];
    if (status in summary.byRegistrationStatus) summary.byRegistrationStatus[status] += count;
    if (row.protocol === null) continue;
    summary.connected += count;
    const protocol = row.protocol as keyof StationSummaryView['byProtocol'];
    if (protocol in summary.byProtocol) summary.byProtocol[protocol] += count;
  }
  return summary;
}

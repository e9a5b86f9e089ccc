/**
 * The shapes the stations pages read, as the connection and pki services' zod schemas declare them
 * (apps/connection/src/api/stations/station.schemas.ts, transactions/, command-history/, commands/;
 * apps/pki/src/security-events/). Written out here because the console reaches the services over HTTP only.
 */
export type Protocol = 'ocpp1.6' | 'ocpp2.0.1' | 'ocpp2.1';
export type RegistrationStatus = 'accepted' | 'pending' | 'rejected';
export type ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';

export interface LiveState {
  connected: boolean;
  protocol: Protocol | null;
  securityProfile: number | null;
  replica: string | null;
}

/** The compact connector state a list item carries. */
export interface ConnectorState {
  evseId: number;
  connectorId: number;
  status: ConnectorStatus;
}

export interface StationView {
  id: string;
  registrationStatus: RegistrationStatus;
  securityProfile: number;
  hasPassword: boolean;
  serialNumber: string | null;
  vendor: string | null;
  model: string | null;
  firmwareVersion: string | null;
  autoRegistered: boolean;
  lastBootAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
  tenant: string | null;
  live: LiveState;
  /** In list items only (the list's per-connector status); absent on services that predate it. */
  connectors?: ConnectorState[];
}

export interface ConnectorView extends ConnectorState {
  ocppStatus: string;
  errorCode: string | null;
  info: string | null;
  vendorErrorCode: string | null;
  statusAt: string;
}

export interface CredentialProvisioning {
  state: 'waiting' | 'delivering' | 'failed' | 'provisioned';
  attempts: number;
  lastOutcome: string | null;
  lastDetail: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  provisionedAt: string | null;
}

export interface StationDetail extends Omit<StationView, 'connectors'> {
  connectors: ConnectorView[];
  credentialProvisioning: CredentialProvisioning | null;
}

/** `GET /stations/summary`. */
export interface StationSummary {
  total: number;
  connected: number;
  byRegistrationStatus: Partial<Record<RegistrationStatus, number>>;
  byProtocol: Partial<Record<string, number>>;
}

export interface TransactionView {
  stationId: string;
  transactionId: string;
  state: 'active' | 'ended';
  evseId: number | null;
  connectorId: number | null;
  idToken: string | null;
  idTokenType: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  meterStartWh: number | null;
  meterStopWh: number | null;
  energyWh: number | null;
  stoppedReason: string | null;
  chargingState: string | null;
  offline: boolean;
  remoteStartId: number | null;
  updatedAt: string;
}

export interface MeterSample {
  at: string;
  evseId: number;
  measurand: string;
  phase: string | null;
  location: string | null;
  context: string | null;
  value: number;
  unit: string;
}

export interface TransactionDetail extends TransactionView {
  meterSampleCount: number;
  meterSamples: MeterSample[];
}

export interface CommandRecord {
  commandId: string;
  stationId: string;
  originService: string;
  actor: string | null;
  command: string;
  action: string | null;
  request: Record<string, unknown> | null;
  issuedAt: string;
  completedAt: string;
  status: 'accepted' | 'rejected' | 'call-error' | 'timeout' | 'not-connected' | 'invalid';
  response: Record<string, unknown> | null;
  errorCode: string | null;
  errorDescription: string | null;
  replica: number;
}

/** What `POST /stations/{id}/commands/{name}` answers when the station answered. */
export interface CommandAnswer {
  commandId: string;
  status: 'accepted' | 'rejected';
  result: Record<string, unknown>;
}

export interface SecurityEvent {
  eventId: string;
  stationId: string;
  type: string;
  at: string;
  techInfo: string | null;
  raisedByCsms: boolean;
  receivedAt: string;
}

// The fleet simulator as a library: one station, a fleet, their metrics and the pure smart-charging
// logic. The CLI (cli.ts) is built on exactly these exports.
export { SimulatedStation } from './simulated-station';
export type { StationOptions } from './station/station-options';
export { StationEvents, type StationEventMap, type StationEventName } from './station/station-events';
export type { StationCounters } from './station/station-counters';
export { StationError, StationErrorCode } from './station/station.error';
export type * from './station/station-model';
export { type ConnectionSettings, type SecurityProfile, SettingsProblemCode, socketTargetOf, stationUrl } from './connection/connection-settings';
export { type ConnectFailure, ConnectFailureCode } from './connection/station-socket';
export { Fleet, type FleetOptions, type FleetResult, type ClientCredentials, stationIdOf } from './fleet/fleet';
export { type ScenarioName, retryDelayMs, scenarioNames } from './fleet/scenario';
export { RECONNECT_BACKOFF, reconnectBoundMs, reconnectDelayMs } from './fleet/reconnect-backoff';
export { loopbackAddresses, sourceAddressesOf } from './fleet/source-addresses';
export { FleetMetrics, type FleetSnapshot } from './metrics/fleet-metrics';
export { LatencyHistogram, type LatencySummary } from './metrics/latency-histogram';
export type * from './smart-charging/charging-profile';
export { ChargingProfileStore, ProfileRejection, type ClearCriteria } from './smart-charging/charging-profile.store';
export { compositeSchedule, limitAt, type CompositeRequest, type CompositeSchedule, type EffectiveLimit } from './smart-charging/composite-schedule';
export { type ChargingRate, NOMINAL_VOLTAGE_V } from './smart-charging/charging-rate';
export { IEC_61851_MIN_CURRENT_A, deliveredPower, type PowerDraw, type Vehicle } from './transactions/delivered-power';
export type { StartRequest } from './transactions/transaction.runner';
export type { ExternalLimit } from './dialect/station-dialect';
export { externalProfileId } from './smart-charging/external-limits';
export { NO_ANSWER, TestCsms, type ReceivedCall, type TestCsmsOptions } from './testing/test-csms';
export { createCertificateRequest, type CertificateRequest } from './security/certificate-request';

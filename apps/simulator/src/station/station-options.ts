import type { OcppVersion } from '@app/ocpp';
import type { ConnectionSettings } from '../connection/connection-settings';
import type { ChargingRate } from '../smart-charging/charging-rate';
import type { Vehicle } from '../transactions/delivered-power';
import type { StationIdentity } from './station-model';

export interface StationOptions {
  /** The station id: the last path segment of the URL and the Basic auth user. */
  readonly id: string;
  readonly version: OcppVersion;
  readonly connection: ConnectionSettings;
  /** What BootNotification reports; serialNumber defaults to the id. */
  readonly identity?: Partial<StationIdentity>;
  /** O of the CSR the station sends when asked to (SignCertificate); default "CSMS Simulator". */
  readonly organization?: string;
  /** Connectors (1.6) or EVSEs with one connector each (2.0.1); default 1. */
  readonly evseCount?: number;
  /** The simulated car on every EVSE, unless a session names its own (StartRequest.vehicle); default 32 A on 3 phases (22 kW). */
  readonly vehicle?: Vehicle;
  /** What each EVSE's hardware can deliver; default 32 A on 3 phases. */
  readonly capability?: ChargingRate;
  /**
   * A station that ignores its charging profiles by this much: every EVSE draws up to this many
   * amperes per phase above what its profiles allow (a limit in W: its equivalent at 230 V on the
   * limit's phases), never above the EV's maximum or the hardware's capability; default 0 (obeys).
   * For testing a CSMS's verification of the draw; `station.setOverdraw(amps)` changes it at run time.
   */
  readonly overdrawA?: number;
  /** Whole seconds between meter values during a transaction (MeterValueSampleInterval); default 60. */
  readonly meterIntervalS?: number;
  /** How long a CALL waits for its answer; default 30 000 ms. */
  readonly callTimeoutMs?: number;
  /** Shortest wait before re-sending a BootNotification that was Pending/Rejected; default 1000 ms. */
  readonly minBootRetryMs?: number;
  /** Give up booting after this many attempts; default: keep trying while connected. */
  readonly maxBootAttempts?: number;
  /**
   * How often a transaction message (start, stop, transaction updates, meter values) is sent when
   * the CSMS does not answer it, as OCPP's TransactionMessageAttempts; default 3.
   */
  readonly transactionMessageAttempts?: number;
  /** Wait before the n-th retry is n times this (TransactionMessageRetryInterval); default 5000 ms. */
  readonly transactionMessageRetryIntervalMs?: number;
  /** What Reset does: reboot (stop transactions, reconnect, boot) or only acknowledge; default reboot. */
  readonly resetBehaviour?: 'reboot' | 'acknowledge';
  /**
   * The local authorization list's limits, reported as 1.6 SendLocalListMaxLength /
   * LocalAuthListMaxLength and 2.0.1 LocalAuthListCtrlr ItemsPerMessage / BytesPerMessage;
   * default 20 entries per message, 8192 bytes per message, 1000 entries.
   */
  readonly localList?: Partial<LocalListLimits>;
  /** The clock; tests may pass a fake. Default Date.now. */
  readonly now?: () => number;
}

export interface LocalListLimits {
  readonly itemsPerMessage: number;
  readonly bytesPerMessage: number;
  readonly maxEntries: number;
}

export type ResolvedStationOptions = Required<Omit<StationOptions, 'identity' | 'localList'>> & { readonly identity: StationIdentity; readonly localList: LocalListLimits };

export function resolveStationOptions(options: StationOptions): ResolvedStationOptions {
  return {
    ...options,
    identity: { vendor: 'CSMS', model: 'Simulator', firmwareVersion: '1.0.0', serialNumber: options.id, ...options.identity },
    organization: options.organization ?? 'CSMS Simulator',
    evseCount: Math.max(1, options.evseCount ?? 1),
    vehicle: options.vehicle ?? { maxCurrentA: 32, phases: 3 },
    capability: options.capability ?? { unit: 'A', limit: 32, numberPhases: 3 },
    overdrawA: Math.max(0, options.overdrawA ?? 0),
    meterIntervalS: Math.max(1, Math.round(options.meterIntervalS ?? 60)),
    callTimeoutMs: options.callTimeoutMs ?? 30_000,
    minBootRetryMs: options.minBootRetryMs ?? 1000,
    maxBootAttempts: options.maxBootAttempts ?? Number.POSITIVE_INFINITY,
    transactionMessageAttempts: Math.max(1, options.transactionMessageAttempts ?? 3),
    transactionMessageRetryIntervalMs: options.transactionMessageRetryIntervalMs ?? 5000,
    resetBehaviour: options.resetBehaviour ?? 'reboot',
    localList: { itemsPerMessage: 20, bytesPerMessage: 8192, maxEntries: 1000, ...options.localList },
    now: options.now ?? Date.now,
  };
}

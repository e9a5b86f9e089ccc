import type { ChargingCapabilities } from '../dispatch/charging-capabilities';

/** A station-side phase (the station's own L1/L2/L3, before the site's wiring maps it to a grid phase). */
export type StationPhase = 'L1' | 'L2' | 'L3';

export type PerPhase = Partial<Record<StationPhase, number>>;

/** What an EV said it needs (2.0.1 NotifyEVChargingNeeds). */
export interface EvNeeds {
  needWh?: number;
  departure?: number;
  minA?: number;
  maxA?: number;
  phases?: 1 | 2 | 3;
}

/**
 * What the smart-charging service needs to know from a station event, independent of OCPP
 * version and of the wire contract: the station events are read into these at the edge
 * (station-fact.reader.ts), and everything after that is pure.
 */
export type StationFact =
  | { kind: 'connected'; at: number }
  | { kind: 'disconnected'; at: number }
  | { kind: 'booted'; at: number }
  | { kind: 'transaction-started'; at: number; evseId: number; transactionId: string }
  | { kind: 'transaction-ended'; at: number; evseId: number; transactionId: string }
  | { kind: 'current-drawn'; at: number; evseId: number; transactionId?: string; perPhaseA: PerPhase }
  | ({ kind: 'ev-needs'; at: number; evseId: number } & EvNeeds)
  | { kind: 'capabilities'; at: number; capabilities: ChargingCapabilities };

import type { PerPhase } from './station-fact';

/** A transaction in progress on one EVSE, as far as allocation cares. */
export interface ChargingSession {
  evseId: number;
  transactionId: string;
  startedAt: number;
  /** The newest per-phase current reported while charging (the station's own phases). */
  drawnA?: PerPhase;
  drawnAt?: number;
  /** From 2.0.1 NotifyEVChargingNeeds, when the EV told. */
  needWh?: number;
  departure?: number;
  evMinA?: number;
  evMaxA?: number;
  evPhases?: 1 | 2 | 3;
}

/** One station's connectivity and the sessions running on it. */
export interface StationChargingState {
  stationId: string;
  connected: boolean;
  /** When the connection last changed (or the station booted). */
  connectivityAt: number;
  /** Sessions by EVSE id. */
  sessions: ReadonlyMap<number, ChargingSession>;
}

export function emptyStation(stationId: string): StationChargingState {
  return { stationId, connected: false, connectivityAt: 0, sessions: new Map() };
}

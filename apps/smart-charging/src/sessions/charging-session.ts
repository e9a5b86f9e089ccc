import type { ChargingCapabilities } from '../dispatch/charging-capabilities';
import type { EvNeeds, PerPhase } from './station-fact';

/** A transaction in progress on one EVSE, as far as allocation cares. */
export interface ChargingSession {
  evseId: number;
  transactionId: string;
  startedAt: number;
  /** The newest per-phase current reported while charging (the station's own phases). */
  drawnA?: PerPhase;
  drawnAt?: number;
}

/** One station's connectivity, the sessions running on it and what it and its EVs told. */
export interface StationChargingState {
  stationId: string;
  connected: boolean;
  /** When the connection last changed (or the station booted). */
  connectivityAt: number;
  /** Sessions by EVSE id. */
  sessions: ReadonlyMap<number, ChargingSession>;
  /**
   * EV needs by EVSE id: kept apart from sessions because a station may ask the EV before its
   * transaction starts; they hold until that EVSE's session ends.
   */
  needs: ReadonlyMap<number, EvNeeds>;
  /** What the station's smart charging takes, once it told. */
  capabilities?: ChargingCapabilities;
}

export function emptyStation(stationId: string): StationChargingState {
  return { stationId, connected: false, connectivityAt: 0, sessions: new Map(), needs: new Map() };
}

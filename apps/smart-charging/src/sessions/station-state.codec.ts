import type { ChargingSession, StationChargingState } from './charging-session';

/** The JSON a station's state is stored as (sessions as a list). */
export interface StoredStationState {
  connected: boolean;
  connectivityAt: number;
  sessions: ChargingSession[];
}

export function storedStateOf(state: StationChargingState): StoredStationState {
  return { connected: state.connected, connectivityAt: state.connectivityAt, sessions: [...state.sessions.values()] };
}

export function stationStateOf(stationId: string, stored: StoredStationState): StationChargingState {
  return {
    stationId,
    connected: stored.connected,
    connectivityAt: stored.connectivityAt,
    sessions: new Map(stored.sessions.map((session) => [session.evseId, session])),
  };
}

import type { ChargingCapabilities } from '../dispatch/charging-capabilities';
import type { ChargingSession, StationChargingState } from './charging-session';
import type { EvNeeds } from './station-fact';

/** The JSON a station's state is stored as (maps as lists). */
export interface StoredStationState {
  connected: boolean;
  connectivityAt: number;
  sessions: ChargingSession[];
  needs?: (EvNeeds & { evseId: number })[];
  capabilities?: ChargingCapabilities;
}

export function storedStateOf(state: StationChargingState): StoredStationState {
  return {
    connected: state.connected,
    connectivityAt: state.connectivityAt,
    sessions: [...state.sessions.values()],
    needs: [...state.needs].map(([evseId, needs]) => ({ evseId, ...needs })),
    capabilities: state.capabilities,
  };
}

export function stationStateOf(stationId: string, stored: StoredStationState): StationChargingState {
  return {
    stationId,
    connected: stored.connected,
    connectivityAt: stored.connectivityAt,
    sessions: new Map(stored.sessions.map((session) => [session.evseId, session])),
    needs: new Map((stored.needs ?? []).map(({ evseId, ...needs }) => [evseId, needs])),
    capabilities: stored.capabilities,
  };
}

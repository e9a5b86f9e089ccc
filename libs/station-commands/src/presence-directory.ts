import type { OcppVersion, StationPresence } from '@app/contracts';

export interface StationLocation {
  connected: boolean;
  epoch: bigint;
  commandPartition: number;
  replicaId: string;
  /** For display only (operator API): backends never branch on the version. */
  protocol: OcppVersion;
  securityProfile: number;
}

type Listener = (stationId: string, location: StationLocation) => void;

/**
 * Where every station is connected, from the compacted ocpp.presence topic.
 * The highest epoch wins, so a late "disconnected" from a replica the station
 * already left never hides its newer connection elsewhere.
 */
export class PresenceDirectory {
  private readonly locations = new Map<string, StationLocation>();
  private readonly listeners = new Set<Listener>();

  apply(presence: StationPresence): void {
    if (presence.body.case !== 'state') return;
    const state = presence.body.value;
    const current = this.locations.get(presence.stationId);
    if (current && current.epoch > state.epoch) return;
    const location: StationLocation = {
      connected: state.connected,
      epoch: state.epoch,
      commandPartition: state.commandPartition,
      replicaId: state.replicaId,
      protocol: state.protocol,
      securityProfile: state.securityProfile,
    };
    this.locations.set(presence.stationId, location);
    this.listeners.forEach((listener) => listener(presence.stationId, location));
  }

  locate(stationId: string): StationLocation | undefined {
    return this.locations.get(stationId);
  }

  /** Every station presence has been seen for, with its latest location. */
  entries(): IterableIterator<[string, StationLocation]> {
    return this.locations.entries();
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

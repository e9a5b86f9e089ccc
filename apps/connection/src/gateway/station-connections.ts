import { Injectable } from '@nestjs/common';
import type { StationConnection } from './station-connection';

export type ConnectionChange = { kind: 'connected' | 'disconnected'; connection: StationConnection };

/** The stations connected to this replica, one connection per station id. */
@Injectable()
export class StationConnections {
  private readonly byStation = new Map<string, StationConnection>();
  private readonly listeners = new Set<(change: ConnectionChange) => void>();

  /** Adds a connection; returns the one it replaces, which the caller closes. */
  add(connection: StationConnection): StationConnection | undefined {
    const previous = this.byStation.get(connection.stationId);
    this.byStation.set(connection.stationId, connection);
    this.notify({ kind: 'connected', connection });
    return previous === connection ? undefined : previous;
  }

  /** Removes a connection if it is still the station's current one; true when it was. */
  remove(connection: StationConnection): boolean {
    if (this.byStation.get(connection.stationId) !== connection) return false;
    this.byStation.delete(connection.stationId);
    this.notify({ kind: 'disconnected', connection });
    return true;
  }

  /** Follows stations arriving and leaving (a replaced connection does not "leave"). */
  onChange(listener: (change: ConnectionChange) => void): void {
    this.listeners.add(listener);
  }

  private notify(change: ConnectionChange): void {
    this.listeners.forEach((listener) => listener(change));
  }

  get(stationId: string): StationConnection | undefined {
    return this.byStation.get(stationId);
  }

  get size(): number {
    return this.byStation.size;
  }

  forEach(visit: (connection: StationConnection) => void): void {
    this.byStation.forEach(visit);
  }
}

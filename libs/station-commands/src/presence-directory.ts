import { type OcppVersion, type ReplicaHeartbeat, type StationPresence, timestampDate } from '@app/contracts';

export interface StationLocation {
  /** Connected as far as anyone can tell: its latest record says so and its replica's heartbeat is fresh (ADR 042). */
  connected: boolean;
  epoch: bigint;
  commandPartition: number;
  replicaId: string;
  /** The holding replica's process incarnation; empty from replicas that predate heartbeats. */
  incarnation: string;
  /** For display only (operator API): backends never branch on the version. */
  protocol: OcppVersion;
  securityProfile: number;
}

type Listener = (stationId: string, location: StationLocation) => void;

export interface PresenceDirectoryOptions {
  /**
   * Stations on a command partition that no heartbeat was ever seen for count as not connected.
   * The services set it (every connection replica sends heartbeats); off, only a heartbeat that
   * was seen and has expired takes a replica's stations away.
   */
  requireHeartbeat?: boolean;
  /** Wall-clock milliseconds; heartbeats carry the sender's wall clock. */
  now?: () => number;
}

interface Liveness {
  incarnation: string;
  expiresAt: number;
}

/**
 * Where every station is connected, from the compacted ocpp.presence topic.
 * The highest epoch wins, so a late "disconnected" from a replica the station
 * already left never hides its newer connection elsewhere. A station counts as
 * connected only while the replica holding it keeps sending heartbeats: a
 * replica that died (SIGKILL, lost node) takes its stations with it once its
 * last heartbeat expires, instead of leaving them "connected" forever.
 */
export class PresenceDirectory {
  private readonly records = new Map<string, StationLocation>();
  private readonly heartbeats = new Map<number, Liveness>();
  /** What listeners were last told per station, so expiry and revival are reported once. */
  private readonly reported = new Map<string, boolean>();
  private readonly listeners = new Set<Listener>();
  private readonly requireHeartbeat: boolean;
  private readonly now: () => number;

  constructor(options: PresenceDirectoryOptions = {}) {
    this.requireHeartbeat = options.requireHeartbeat ?? false;
    this.now = options.now ?? Date.now;
  }

  apply(presence: StationPresence): void {
    if (presence.body.case === 'heartbeat') return this.applyHeartbeat(presence.body.value);
    if (presence.body.case !== 'state') return;
    const state = presence.body.value;
    const current = this.records.get(presence.stationId);
    if (current && current.epoch > state.epoch) return;
    this.records.set(presence.stationId, {
      connected: state.connected,
      epoch: state.epoch,
      commandPartition: state.commandPartition,
      replicaId: state.replicaId,
      incarnation: state.incarnation,
      protocol: state.protocol,
      securityProfile: state.securityProfile,
    });
    this.report(presence.stationId, true);
  }

  locate(stationId: string): StationLocation | undefined {
    const record = this.records.get(stationId);
    return record && this.effective(record);
  }

  /** Every station presence has been seen for, with its latest location. */
  *entries(): IterableIterator<[string, StationLocation]> {
    for (const [stationId, record] of this.records) yield [stationId, this.effective(record)];
  }

  /** Tells listeners about stations whose replica's heartbeat expired since the last look; call it now and then. */
  sweep(): void {
    for (const stationId of this.records.keys()) this.report(stationId, false);
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private applyHeartbeat(heartbeat: ReplicaHeartbeat): void {
    const sentAt = heartbeat.sentAt ? timestampDate(heartbeat.sentAt).getTime() : 0;
    // One key per command partition, so its records arrive in order: the latest is the one that counts.
    this.heartbeats.set(heartbeat.commandPartition, { incarnation: heartbeat.incarnation, expiresAt: sentAt + heartbeat.validForMs });
    for (const [stationId, record] of this.records) if (record.commandPartition === heartbeat.commandPartition) this.report(stationId, false);
  }

  private effective(record: StationLocation): StationLocation {
    return record.connected && !this.alive(record) ? { ...record, connected: false } : record;
  }

  private alive(record: StationLocation): boolean {
    const heartbeat = this.heartbeats.get(record.commandPartition);
    if (!heartbeat) return !this.requireHeartbeat;
    if (record.incarnation !== '' && record.incarnation !== heartbeat.incarnation) return false;
    return this.now() < heartbeat.expiresAt;
  }

  /** `always`: a new record is news even when the connected flag stays the same (it may have moved). */
  private report(stationId: string, always: boolean): void {
    const location = this.locate(stationId);
    if (!location) return;
    if (!always && this.reported.get(stationId) === location.connected) return;
    this.reported.set(stationId, location.connected);
    this.listeners.forEach((listener) => listener(stationId, location));
  }
}

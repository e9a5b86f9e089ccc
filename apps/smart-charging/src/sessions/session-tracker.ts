import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { type StationChargingState, emptyStation } from './charging-session';
import { foldStationFact } from './session-fold';
import type { StationFact } from './station-fact';
import { StationStateRepository } from './station-state.repository';

/** How long a changed station waits for others to share its write. */
const SAVE_DELAY_MS = 500;

export type StationChangeListener = (state: StationChargingState, fact: StationFact) => void;

/**
 * Every station's connectivity and sessions, in memory, from the facts the consumer reads. Facts
 * are idempotent (a redelivery changes nothing), so no inbox: what changed is saved as a snapshot
 * in the background and loaded back at start. A crash may lose the last half second of changes;
 * the next fact of a station (a meter value, an Updated transaction event) brings it back.
 */
@Injectable()
export class SessionTracker implements OnModuleInit, OnApplicationShutdown {
  private readonly stations = new Map<string, StationChargingState>();
  private readonly dirty = new Set<string>();
  private readonly listeners: StationChangeListener[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly repository: StationStateRepository,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'session-tracker' });
  }

  async onModuleInit(): Promise<void> {
    for (const state of await this.repository.loadAll()) this.stations.set(state.stationId, state);
    this.logger.info({ stations: this.stations.size }, 'station charging states loaded');
  }

  onChange(listener: StationChangeListener): void {
    this.listeners.push(listener);
  }

  station(stationId: string): StationChargingState {
    return this.stations.get(stationId) ?? emptyStation(stationId);
  }

  all(): IterableIterator<StationChargingState> {
    return this.stations.values();
  }

  apply(stationId: string, fact: StationFact): void {
    const before = this.station(stationId);
    const after = foldStationFact(before, fact);
    if (after === before) return;
    this.stations.set(stationId, after);
    this.dirty.add(stationId);
    this.saveTimer ??= setTimeout(() => this.save(), SAVE_DELAY_MS).unref();
    for (const listener of this.listeners) listener(after, fact);
  }

  /** Writes what changed since the last save. */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.save();
    await this.saving;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private save(): void {
    this.saveTimer = undefined;
    const states = [...this.dirty].map((stationId) => this.station(stationId));
    this.dirty.clear();
    this.saving = this.saving
      .then(() => this.repository.save(states))
      .catch((error: unknown) => {
        this.logger.error({ err: error, stations: states.length }, 'could not save station charging states; they stay in memory');
        for (const state of states) this.dirty.add(state.stationId);
        this.saveTimer ??= setTimeout(() => this.save(), SAVE_DELAY_MS * 10).unref();
      });
  }
}

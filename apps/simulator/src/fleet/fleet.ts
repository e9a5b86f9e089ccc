import { setMaxListeners } from 'node:events';
import type { OcppVersion } from '@app/ocpp';
import type { SecurityProfile } from '../connection/connection-settings';
import { type FleetSnapshot, FleetMetrics } from '../metrics/fleet-metrics';
import { SimulatedStation } from '../simulated-station';
import { StationError } from '../station/station.error';
import { settleWithin, untilAborted } from '../station/timing';
import { runBounded } from './bounded-concurrency';
import { type ScenarioName, runScenario } from './scenario';
import { sourceAddressFor } from './source-addresses';

export interface ClientCredentials {
  readonly cert: string;
  readonly key: string;
}

export interface FleetOptions {
  /** CSMS base URL, e.g. ws://127.0.0.1:9000/ocpp (the station id is appended) or a template with {id}. */
  readonly url: string;
  readonly count: number;
  /** One version for all, or `mixed`: even stations 1.6, odd ones 2.0.1. */
  readonly version: OcppVersion | 'mixed';
  readonly securityProfile: SecurityProfile;
  /** The Basic password of a station (profiles 1 and 2). */
  readonly password?: (stationId: string) => string | undefined;
  readonly ca?: string;
  /** The client certificate of a station (profile 3). */
  readonly clientCertificate?: (stationId: string) => ClientCredentials | undefined;
  /** Station ids are the prefix and a zero-padded number from 1. */
  readonly prefix: string;
  /** Digits of that number at least (default 4); more when the count needs them. */
  readonly idDigits?: number;
  readonly scenario: ScenarioName;
  readonly meterIntervalS: number;
  /** The run ends after this long (the `boot` scenario may end earlier). */
  readonly durationS: number;
  /** Stations connecting and booting at the same time (the ramp). */
  readonly concurrency: number;
  /** Source IPs to spread sockets over; empty = the OS chooses. */
  readonly sourceAddresses: readonly string[];
  readonly callTimeoutMs?: number;
  readonly rejectUnauthorized?: boolean;
  /** After the run ends, how long stations get to stop transactions and disconnect. */
  readonly shutdownGraceMs?: number;
}

export interface FleetResult {
  readonly snapshot: FleetSnapshot;
  /** Every station ran its scenario to the end without a failure. */
  readonly ok: boolean;
}

/** The id of the `index`-th station (0-based): prefix + number from 1, zero-padded to `digits` or the count's width. */
export function stationIdOf(prefix: string, index: number, count: number, digits = 4): string {
  return `${prefix}${String(index + 1).padStart(Math.max(digits, String(count).length), '0')}`;
}

export function versionOf(version: OcppVersion | 'mixed', index: number): OcppVersion {
  if (version !== 'mixed') return version;
  return index % 2 === 0 ? '1.6' : '2.0.1';
}

/**
 * N simulated stations against one CSMS: connected with bounded concurrency, spread over source
 * addresses, each running the scenario until the run ends; metrics for all of them. Never prints.
 */
export class Fleet {
  readonly metrics = new FleetMetrics();
  private readonly stations: SimulatedStation[] = [];
  private readonly endOfRun = new AbortController();

  constructor(private readonly options: FleetOptions) {
    // Every station waits on the end of the run: one abort listener each.
    setMaxListeners(0, this.endOfRun.signal);
  }

  /** Ends the run early (e.g. on SIGINT): stations wind down as at the end of the duration. */
  stop(): void {
    this.endOfRun.abort();
  }

  get size(): number {
    return this.stations.length;
  }

  async run(): Promise<FleetResult> {
    const { count, concurrency, durationS, scenario } = this.options;
    const timer = setTimeout(() => this.endOfRun.abort(), durationS * 1000);
    const scenarios: Promise<void>[] = [];
    await runBounded(
      count,
      concurrency,
      (index) =>
        new Promise<void>((ready) => {
          const station = this.createStation(index);
          scenarios.push(this.play(station, ready));
        }),
      this.endOfRun.signal,
    );
    const notStarted = count - this.stations.length;
    for (let index = 0; index < notStarted; index += 1) this.metrics.stationFailed('not-started');
    const everyone = Promise.all(scenarios);
    const endOfRun = untilAborted(this.endOfRun.signal);
    await (scenario === 'boot' ? Promise.race([everyone, endOfRun]) : endOfRun);
    this.endOfRun.abort();
    clearTimeout(timer);
    await settleWithin(everyone, this.options.shutdownGraceMs ?? 30_000);
    await Promise.all(this.stations.map((station) => station.dispose()));
    const snapshot = this.metrics.snapshot();
    return { snapshot, ok: snapshot.failed === 0 && this.stations.length === count };
  }

  private async play(station: SimulatedStation, ready: () => void): Promise<void> {
    try {
      await runScenario(station, { name: this.options.scenario, idToken: (id) => `TAG-${id}`.slice(0, 20) }, this.endOfRun.signal, ready);
    } catch (error) {
      this.metrics.stationFailed(error instanceof StationError ? error.code : 'internal');
    }
  }

  private createStation(index: number): SimulatedStation {
    const { options } = this;
    const id = stationIdOf(options.prefix, index, options.count, options.idDigits);
    const credentials = options.clientCertificate?.(id);
    const station = new SimulatedStation({
      id,
      version: versionOf(options.version, index),
      meterIntervalS: options.meterIntervalS,
      callTimeoutMs: options.callTimeoutMs,
      connection: {
        url: options.url,
        securityProfile: options.securityProfile,
        password: options.password?.(id),
        ca: options.ca,
        cert: credentials?.cert,
        key: credentials?.key,
        localAddress: sourceAddressFor(index, options.sourceAddresses),
        rejectUnauthorized: options.rejectUnauthorized,
      },
    });
    this.metrics.observe(id, station.events);
    this.stations.push(station);
    return station;
  }
}

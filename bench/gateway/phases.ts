import { Fleet, type FleetOptions, LatencyHistogram, type LatencySummary, SimulatedStation, type StationOptions, stationIdOf } from '@app/simulator';
import type { GatewayUnderTest } from './gateway-under-test';

export interface Target {
  url: string;
  securityProfile: 0 | 1 | 2;
  password?: string;
  ca?: string;
  sourceAddresses: string[];
}

function fleetOptions(target: Target, prefix: string, count: number, overrides: Partial<FleetOptions>): FleetOptions {
  return {
    url: target.url,
    count,
    version: 'mixed',
    securityProfile: target.securityProfile,
    password: () => target.password,
    ca: target.ca,
    prefix,
    scenario: 'boot',
    meterIntervalS: 3600,
    durationS: 300,
    concurrency: 1000,
    sourceAddresses: target.sourceAddresses,
    callTimeoutMs: 60_000,
    shutdownGraceMs: 30_000,
    ...overrides,
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

export interface BootStormResult {
  stations: number;
  booted: number;
  seconds: number;
  bootP50Ms: number;
  bootP99Ms: number;
  failures: Record<string, number>;
}

/** Every station connects and boots at once (bounded by `concurrency` in flight); time until the last is accepted. */
export async function bootStorm(target: Target, prefix: string, count: number, concurrency: number): Promise<BootStormResult> {
  const fleet = new Fleet(fleetOptions(target, prefix, count, { scenario: 'boot', concurrency }));
  const started = Date.now();
  const run = fleet.run();
  const finished = run.then(() => true);
  await until(async () => fleet.metrics.snapshot().booted >= count || (await Promise.race([finished, Promise.resolve(false)])), 300_000);
  const seconds = (Date.now() - started) / 1000;
  const { snapshot } = await run;
  const boot = snapshot.latencyByAction.BootNotification;
  return {
    stations: count,
    booted: snapshot.booted,
    seconds,
    bootP50Ms: boot?.p50Ms ?? NaN,
    bootP99Ms: boot?.p99Ms ?? NaN,
    failures: { ...snapshot.failuresByCode, ...snapshot.refusedByStatus, ...snapshot.connectErrorsByCode },
  };
}

export interface IdleResult {
  stations: number;
  connected: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  bytesPerConnection: number;
}

/** Connects `count` stations that then stay idle; the gateway's RSS before and after, per connection. */
export async function idleCapacity(gateway: GatewayUnderTest, target: Target, prefix: string, count: number): Promise<IdleResult> {
  global.gc?.();
  const rssBeforeBytes = gateway.rssBytes();
  const before = await gateway.connections();
  const fleet = new Fleet(fleetOptions(target, prefix, count, { scenario: 'idle', durationS: 900, concurrency: 500 }));
  const run = fleet.run();
  await until(async () => (await gateway.connections()) - before >= count || fleet.metrics.snapshot().failed > 0, 600_000);
  // Let allocations from the ramp settle before reading RSS.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const connected = (await gateway.connections()) - before;
  const rssAfterBytes = gateway.rssBytes();
  fleet.stop();
  await run;
  return { stations: count, connected, rssBeforeBytes, rssAfterBytes, bytesPerConnection: Math.round((rssAfterBytes - rssBeforeBytes) / Math.max(1, connected)) };
}

export interface SteadyLoadResult {
  stations: number;
  targetPerSecond: number;
  achievedPerSecond: number;
  seconds: number;
  latency: LatencySummary;
  errors: number;
}

/**
 * Open-loop load: `stations` booted stations each send a Heartbeat on their own
 * timer so that together they offer `perSecond` CALLs; round trips measured at the station.
 */
export async function steadyLoad(target: Target, prefix: string, stations: number, perSecond: number, seconds: number): Promise<SteadyLoadResult> {
  const fleet = await connectedStations(target, prefix, stations);
  const histogram = new LatencyHistogram();
  let errors = 0;
  const intervalMs = (stations * 1000) / perSecond;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    fleet.map(async (station, index) => {
      let next = started + (index * intervalMs) / stations;
      while (next < end) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        const sent = performance.now();
        try {
          await station.heartbeat();
          histogram.record(performance.now() - sent);
        } catch {
          errors += 1;
        }
        next += intervalMs;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  await Promise.all(fleet.map((station) => station.dispose()));
  const latency = histogram.summary();
  return { stations, targetPerSecond: perSecond, achievedPerSecond: Math.round(latency.count / elapsed), seconds: elapsed, latency, errors };
}

/** Runs `work` over `items` with at most `concurrency` in flight; rejects with the first failure. */
export async function inFlight<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
}

/** What a benchmark may set on its stations beyond identity and connection. */
export type StationTuning = Partial<Omit<StationOptions, 'id' | 'version' | 'connection'>>;

/** Connects and boots `count` pre-registered stations (alternating 1.6 / 2.0.1), 200 in flight; rejects if any fails. */
export async function connectedStations(target: Target, prefix: string, count: number, tuning: StationTuning = {}): Promise<SimulatedStation[]> {
  const stations = Array.from({ length: count }, (_, index) => {
    const id = stationIdOf(prefix, index, count);
    return new SimulatedStation({
      id,
      version: index % 2 === 0 ? '1.6' : '2.0.1',
      callTimeoutMs: 30_000,
      // Only the benchmark's load sends meter values; the station's own sampling would add to the rate.
      meterIntervalS: 86_400,
      ...tuning,
      connection: {
        url: target.url,
        securityProfile: target.securityProfile,
        password: target.password,
        ca: target.ca,
        localAddress: target.sourceAddresses[index % target.sourceAddresses.length],
      },
    });
  });
  await inFlight(stations, 200, async (station) => {
    await station.connect();
    await station.boot();
  });
  return stations;
}

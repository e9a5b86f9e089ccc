import { LatencyHistogram, type LatencySummary, SimulatedStation, stationIdOf } from '@app/simulator';

export interface MixedLoadResult {
  stations: number;
  targetPerSecond: number;
  achievedPerSecond: number;
  seconds: number;
  latency: LatencySummary;
  latencyByAction: Record<string, LatencySummary>;
  errors: Record<string, number>;
  /** The slowest round trip that started in each second of the run: shows whether the tail is spread out or comes in bursts. */
  maxMsBySecond: number[];
}

const MIX = ['Heartbeat', 'StatusNotification', 'MeterValues'] as const;
type MixedAction = (typeof MIX)[number];

/** Connects and boots `count` stations (alternating 1.6 / 2.0.1), each with a transaction running on EVSE 1. */
export async function chargingStations(url: string, prefix: string, count: number): Promise<SimulatedStation[]> {
  const stations = Array.from(
    { length: count },
    (_, index) =>
      new SimulatedStation({
        id: stationIdOf(prefix, index, count),
        version: index % 2 === 0 ? '1.6' : '2.0.1',
        callTimeoutMs: 60_000,
        // Only the load below sends meter values; the station's own sampling would add to the rate.
        meterIntervalS: 86_400,
        connection: { url, securityProfile: 0 },
      }),
  );
  for (let start = 0; start < stations.length; start += 200) {
    await Promise.all(
      stations.slice(start, start + 200).map(async (station, offset) => {
        await station.connect();
        await station.boot();
        await station.startTransaction({ evseId: 1, idToken: `TAG-${start + offset}` });
      }),
    );
  }
  return stations;
}

function send(station: SimulatedStation, action: MixedAction): Promise<void> {
  if (action === 'Heartbeat') return station.heartbeat();
  if (action === 'StatusNotification') return station.sendStatus('Charging', 1);
  return station.sendMeterValues(1, 'Periodic');
}

/**
 * Open loop: every station sends one message per period, cycling Heartbeat → StatusNotification →
 * MeterValues, so the whole fleet offers `perSecond` CALLs in equal thirds; round trips are
 * measured at the station. Open loop means a slow CSMS makes latency grow instead of the rate fall.
 */
export async function mixedLoad(stations: SimulatedStation[], perSecond: number, seconds: number): Promise<MixedLoadResult> {
  const overall = new LatencyHistogram();
  const byAction = new Map<MixedAction, LatencyHistogram>(MIX.map((action) => [action, new LatencyHistogram()]));
  const errors: Record<string, number> = {};
  const maxMsBySecond = Array.from({ length: Math.ceil(seconds) }, () => 0);
  const periodMs = (stations.length * 1000) / perSecond;
  const started = Date.now();
  const end = started + seconds * 1000;
  await Promise.all(
    stations.map(async (station, index) => {
      let next = started + (index * periodMs) / stations.length;
      for (let turn = index; next < end; turn += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        const action = MIX[turn % MIX.length] ?? 'Heartbeat';
        const sent = performance.now();
        try {
          await send(station, action);
          const elapsed = performance.now() - sent;
          overall.record(elapsed);
          const second = Math.min(maxMsBySecond.length - 1, Math.floor((next - started) / 1000));
          maxMsBySecond[second] = Math.max(maxMsBySecond[second] ?? 0, Math.round(elapsed));
          byAction.get(action)?.record(elapsed);
        } catch (error) {
          const code = error instanceof Error ? error.name : 'unknown';
          errors[code] = (errors[code] ?? 0) + 1;
        }
        next += periodMs;
      }
    }),
  );
  const elapsedS = (Date.now() - started) / 1000;
  const latency = overall.summary();
  return {
    stations: stations.length,
    targetPerSecond: perSecond,
    achievedPerSecond: Math.round(latency.count / elapsedS),
    seconds: elapsedS,
    latency,
    latencyByAction: Object.fromEntries([...byAction].map(([action, histogram]) => [action, histogram.summary()])),
    errors,
    maxMsBySecond,
  };
}

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CallRecorder, type CallFigures } from './call-recorder';
import { DurableMix } from './durable-mix';
import { metricsChange, scrapeCsmsMetrics } from './gateway-metrics';
import { type Target, connectedStations } from './phases';
import { windowSummary } from './summary';
import { type ProcessUsage, UsageWindow, type WatchedProcesses } from './system-usage';

export interface DurableOptions {
  stations: number;
  /** Offered CALLs per second, one window each, in this order, over the same connected fleet. */
  rates: number[];
  seconds: number;
  /** Untimed load at the window's rate before each window. */
  warmupSeconds: number;
  /** The first seconds of load after the fleet has booted on a fresh gateway, reported apart ("no slow first minutes"). */
  firstSeconds: number;
  /** Waits until the gateway has worked off what the previous window left it; resolves with the seconds it took. */
  settle: () => Promise<number>;
}

export interface LoadGeneratorLag {
  /** Event-loop delay of this process (the stations' side) over the window: when high, the generator is the bottleneck. */
  lagP99Ms: number;
  lagMaxMs: number;
}

export interface LoadWindow {
  targetPerSecond: number;
  /** Seconds waited before this window for the gateway to work off the previous one's backlog. */
  settledAfterSeconds?: number;
  calls: CallFigures;
  usage: Record<string, ProcessUsage>;
  loadGenerator: LoadGeneratorLag;
  /** csms_* counters that grew over the window and csms_* gauges at its end (the gateway's own view). */
  gatewayMetrics: ReturnType<typeof metricsChange>;
}

export interface DurableResult {
  stations: number;
  connectSeconds: number;
  sessionsStartedBeforeLoad: number;
  sessionStartFailures: number;
  /** The first `firstSeconds` of load at the first rate, on a gateway that had just booted the fleet (inside that rate's warm-up). */
  firstSeconds: CallFigures;
  windows: LoadWindow[];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A load window over `mix`: `warmupSeconds` of untimed load, then `seconds` measured, in one
 * continuous run so that whatever backlog the warm-up built is still there when measuring starts.
 * The window closes once every station has its last answer (or timeout), so calls still in flight
 * at the end are counted, and a backlog shows as a lower achieved rate.
 */
export async function loadWindow(mix: DurableMix, perSecond: number, warmupSeconds: number, seconds: number, watched: readonly WatchedProcesses[], gatewayUrl: string): Promise<LoadWindow> {
  const measuring = delay(warmupSeconds * 1000).then(async () => {
    const recorder = mix.record(new CallRecorder());
    const metrics = await scrapeCsmsMetrics(gatewayUrl);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    return { recorder, metrics, lag, usage: await UsageWindow.open(watched) };
  });
  await mix.run(perSecond, warmupSeconds + seconds);
  const { recorder, metrics, lag, usage } = await measuring;
  recorder.stop();
  lag.disable();
  const [used, metricsAfter] = await Promise.all([usage.close(), scrapeCsmsMetrics(gatewayUrl)]);
  return {
    targetPerSecond: perSecond,
    calls: recorder.figures(),
    usage: used,
    loadGenerator: { lagP99Ms: Math.round(lag.percentile(99) / 1e5) / 10, lagMaxMs: Math.round(lag.max / 1e5) / 10 },
    gatewayMetrics: metricsChange(metrics, metricsAfter),
  };
}

/**
 * The durable-mix steady phase: `stations` pre-registered stations connect and boot, those whose
 * cycle begins inside a charging session start it, then the mix (see STATION_CYCLE) runs at each
 * rate in turn over the same fleet.
 */
export async function durableMixPhase(
  target: Target,
  prefix: string,
  options: DurableOptions,
  watched: readonly WatchedProcesses[],
  gatewayUrl: string,
  log: (message: string) => void,
): Promise<DurableResult> {
  const connecting = performance.now();
  // One attempt per transaction message: every CALL sent is one the schedule offered, and an unanswered one is counted once.
  const stations = await connectedStations(target, prefix, options.stations, { transactionMessageAttempts: 1 });
  const connectSeconds = Math.round((performance.now() - connecting) / 100) / 10;
  log(`durable: ${stations.length} stations booted in ${connectSeconds} s; starting the sessions the cycle begins inside`);
  const mix = new DurableMix(stations);
  const sessionStartFailures = await mix.enterSessions();
  const sessionsStartedBeforeLoad = stations.filter((station) => station.transactionIdOn(1) !== undefined).length;
  const windows: LoadWindow[] = [];
  let firstSeconds: CallFigures | undefined;
  try {
    for (const [index, rate] of options.rates.entries()) {
      // Each rate starts from a gateway that has worked off the previous one's backlog.
      const settledAfterSeconds = index === 0 ? undefined : await options.settle();
      log(`durable: ${rate} msg/s over ${stations.length} stations: ${options.warmupSeconds} s warm-up (not measured), then ${options.seconds} s measured`);
      const first = index === 0 ? mix.record(new CallRecorder()) : undefined;
      const firstDone = first ? delay(options.firstSeconds * 1000).then(() => first.stop()) : Promise.resolve();
      const window = { settledAfterSeconds, ...(await loadWindow(mix, rate, options.warmupSeconds, options.seconds, watched, gatewayUrl)) };
      await firstDone;
      if (first) firstSeconds = first.figures();
      windows.push(window);
      log(`durable: ${rate} msg/s measured\n\n${windowSummary(window)}\n`);
    }
  } finally {
    await Promise.all(stations.map((station) => station.dispose()));
  }
  return {
    stations: stations.length,
    connectSeconds,
    sessionsStartedBeforeLoad,
    sessionStartFailures,
    firstSeconds: firstSeconds ?? new CallRecorder().figures(),
    windows,
  };
}

import { type ConnectFailure, SimulatedStation, StationError, StationErrorCode, stationIdOf } from '@app/simulator';
import type { CallFigures } from './call-recorder';
import { DurableMix } from './durable-mix';
import { type LoadWindow, loadWindow } from './durable-phase';
import type { Target } from './phases';
import type { WatchedProcesses } from './system-usage';

export interface OverloadOptions {
  stations: number;
  perSecond: number;
  rampSeconds: number;
  seconds: number;
}

export interface RampResult {
  attempted: number;
  connected: number;
  booted: number;
  seconds: number;
  /** Why the others did not connect or boot, by code. */
  failures: Record<string, number>;
}

export interface OverloadResult {
  options: OverloadOptions;
  ramp: RampResult;
  sessionsStartedBeforeLoad: number;
  load: LoadWindow;
}

/** A failure's code, with the connect failure's own (`connect-failed:refused 503`, `connect-failed:timeout`, ...). */
function failureCode(error: unknown): string {
  if (!(error instanceof StationError)) return 'internal';
  const detail = error.detail as Partial<ConnectFailure> | undefined;
  if (error.code !== StationErrorCode.ConnectFailed || detail?.code === undefined) return error.code;
  return `${error.code}:${detail.code}${detail.httpStatus === undefined ? '' : ` ${detail.httpStatus}`}${detail.errno === undefined ? '' : ` ${detail.errno}`}`;
}

/**
 * Stations the gateway has never seen (it registers them on first contact) come in evenly over
 * `rampSeconds`, each connecting then booting; resolves with those that booted once all tried.
 */
export async function rampIn(target: Target, prefix: string, count: number, rampSeconds: number): Promise<{ stations: SimulatedStation[]; ramp: RampResult }> {
  const started = performance.now();
  const failures: Record<string, number> = {};
  let connected = 0;
  const outcomes = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * rampSeconds * 1000) / count));
      const station = new SimulatedStation({
        id: stationIdOf(prefix, index, count),
        version: index % 2 === 0 ? '1.6' : '2.0.1',
        callTimeoutMs: 30_000,
        meterIntervalS: 86_400,
        transactionMessageAttempts: 1,
        connection: { url: target.url, securityProfile: 0, localAddress: target.sourceAddresses[index % target.sourceAddresses.length] },
      });
      try {
        await station.connect();
        connected += 1;
        await station.boot();
        return station;
      } catch (error) {
        const code = failureCode(error);
        failures[code] = (failures[code] ?? 0) + 1;
        await station.dispose();
        return undefined;
      }
    }),
  );
  const stations = outcomes.filter((station): station is SimulatedStation => station !== undefined);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { stations, ramp: { attempted: count, connected, booted: stations.length, seconds, failures } };
}

/**
 * Overload: unknown stations ramp in, then the durable mix runs at `perSecond` (meant as twice what
 * the durable phase sustained). What must hold: every station connects and boots, no CALLERROR;
 * the excess shows as latency, late sends, unanswered calls and the gateway's own counters.
 */
export async function overloadPhase(target: Target, prefix: string, options: OverloadOptions, watched: readonly WatchedProcesses[], gatewayUrl: string, log: (message: string) => void): Promise<OverloadResult> {
  log(`overload: ${options.stations} unknown stations ramping in over ${options.rampSeconds} s`);
  const { stations, ramp } = await rampIn(target, prefix, options.stations, options.rampSeconds);
  log(`overload: ${ramp.booted}/${ramp.attempted} booted in ${ramp.seconds} s; starting the sessions the cycle begins inside`);
  const mix = new DurableMix(stations);
  await mix.enterSessions();
  const sessionsStartedBeforeLoad = stations.filter((station) => station.transactionIdOn(1) !== undefined).length;
  try {
    log(`overload: ${options.perSecond} msg/s for ${options.seconds} s (no warm-up)`);
    const load = await loadWindow(mix, options.perSecond, 0, options.seconds, watched, gatewayUrl);
    return { options, ramp, sessionsStartedBeforeLoad, load };
  } finally {
    await Promise.all(stations.map((station) => station.dispose()));
  }
}

/** What deciding the overload rate looks at in a window's figures. */
export type RateFigures = Pick<CallFigures, 'achievedPerSecond' | 'callErrors' | 'unanswered'> & { latency: Pick<CallFigures['latency'], 'p99Ms'> };

/**
 * Twice the capacity the durable phase found: the highest offered rate it sustained (at least 95 %
 * of it achieved, p99 under `p99LimitMs`, every call answered) or, when it sustained none, the
 * highest rate it achieved; undefined when nothing was answered.
 */
export function overloadRateFrom(windows: readonly { targetPerSecond: number; calls: RateFigures }[], p99LimitMs = 100): number | undefined {
  const sustained = windows.filter(
    ({ targetPerSecond, calls }) =>
      calls.achievedPerSecond >= 0.95 * targetPerSecond && calls.latency.p99Ms < p99LimitMs && Object.keys(calls.callErrors).length === 0 && Object.keys(calls.unanswered).length === 0,
  );
  const best = Math.max(0, ...sustained.map((window) => window.targetPerSecond));
  if (best > 0) return best * 2;
  const achieved = Math.max(0, ...windows.map((window) => window.calls.achievedPerSecond));
  return achieved > 0 ? achieved * 2 : undefined;
}

import type { SimulatedStation } from '../simulated-station';
import { type ConnectFailure, ConnectFailureCode } from '../connection/station-socket';
import { StationError, StationErrorCode } from '../station/station.error';
import { pause, untilAborted } from '../station/timing';
import { isAccepted } from '../station/station-model';
import { reconnectDelayMs } from './reconnect-backoff';

/**
 * What each station of a fleet does:
 * - `boot`: connect, BootNotification until Accepted, StatusNotification Available, disconnect.
 * - `idle`: the same, then stay connected (heartbeats) until the end of the run.
 * - `charge`: `idle` plus Authorize and one transaction with meter values until the end of the run,
 *   then StopTransaction / TransactionEvent Ended, StatusNotification Available, disconnect.
 * In `idle` and `charge` a station the CSMS drops or closes (any close code: 1001 from a draining replica,
 * 1012, ...) reconnects with backoff (reconnect-backoff.ts: 1 s doubling to 30 s) and boots again.
 */
export const scenarioNames = ['boot', 'idle', 'charge'] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export interface ScenarioPlan {
  readonly name: ScenarioName;
  readonly idToken: (stationId: string) => string;
}

/**
 * How long to wait before connecting again after a refusal the CSMS marked as temporary (HTTP 503,
 * overloaded): at least its Retry-After, spread up to twice that so the refused stations do not
 * all come back in one wave; undefined for a refusal that waiting does not change (401, 404, ...).
 */
export function retryDelayMs(error: unknown): number | undefined {
  if (!(error instanceof StationError) || error.code !== StationErrorCode.ConnectFailed) return undefined;
  const failure = error.detail as Partial<ConnectFailure> | undefined;
  if (failure?.code !== ConnectFailureCode.Refused || failure.httpStatus !== 503) return undefined;
  return (failure.retryAfterS ?? 5) * 1000 * (1 + Math.random());
}

/** Connects, retrying as the CSMS asks while it turns the station away as overloaded, until `signal` aborts. */
async function connectWhenAdmitted(station: SimulatedStation, signal: AbortSignal): Promise<void> {
  for (;;) {
    try {
      return await station.connect();
    } catch (error) {
      const delayMs = retryDelayMs(error);
      if (delayMs === undefined || !(await pause(delayMs, signal))) throw error;
    }
  }
}

async function bringUp(station: SimulatedStation, signal: AbortSignal): Promise<void> {
  await connectWhenAdmitted(station, signal);
  await station.boot();
  await station.sendStatus('Available');
}

/** Reconnects (with backoff) and boots again whenever the CSMS drops the station, until `signal` aborts. */
function keepConnected(station: SimulatedStation, signal: AbortSignal): () => void {
  let stopped = false;
  const reconnect = async (): Promise<void> => {
    let retryAfterMs = 0;
    for (let attempt = 0; !stopped && !signal.aborted; attempt += 1) {
      // A 503 (overloaded, or a replica draining) asks for at least its Retry-After.
      if (!(await pause(Math.max(reconnectDelayMs(attempt), retryAfterMs), signal)) || stopped) return;
      // Reconnected meanwhile by the station itself (e.g. rebooting after a Reset).
      if (station.isConnected) return;
      try {
        await station.connect();
        await station.boot();
        await station.reportStatus(undefined);
        return;
      } catch (error) {
        // Counted through the station's events (connectFailed, callCompleted); the next round tries again.
        retryAfterMs = retryDelayMs(error) ?? 0;
      }
    }
  };
  const unsubscribe = station.events.on('disconnected', () => {
    if (!stopped && !signal.aborted) void reconnect();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/**
 * Runs `plan` on one station until `endOfRun` aborts (or, for `boot`, until done). Calls `ready`
 * once the station is up or has failed to come up, so the fleet can ramp the next one. Rejects
 * with a StationError when a step fails.
 */
export async function runScenario(station: SimulatedStation, plan: ScenarioPlan, endOfRun: AbortSignal, ready: () => void): Promise<void> {
  try {
    await bringUp(station, endOfRun);
  } finally {
    ready();
  }
  if (plan.name === 'boot') return station.disconnect();
  const release = keepConnected(station, endOfRun);
  try {
    if (plan.name === 'charge') await startCharging(station, plan.idToken(station.id));
    await untilAborted(endOfRun);
  } finally {
    release();
  }
  if (plan.name === 'charge' && station.transactionIdOn(1) !== undefined) await station.stopTransaction(1, 'Local');
  await station.disconnect();
}

async function startCharging(station: SimulatedStation, idToken: string): Promise<void> {
  const status = await station.authorize(idToken);
  if (!isAccepted(status)) throw new StationError(StationErrorCode.NotAuthorized, `${idToken} was not authorised (${status})`);
  await station.startTransaction({ evseId: 1, idToken });
}

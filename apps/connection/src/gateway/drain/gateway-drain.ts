import type { GatewayDrainConfig } from '@app/config';
import type { Logger } from 'pino';
import { CloseCode, type DrainOutcome } from '../station-connection';
import { batchesOf, drainPlan } from './drain-plan';
import type { DrainMetrics } from './drain.metrics';

/** What the drain needs of a station connection (StationConnection). */
export interface DrainableConnection {
  readonly stationId: string;
  readonly closed: Promise<void>;
  drain(code: number, reason: string, waitMs: number): Promise<DrainOutcome>;
  terminate(): void;
}

export interface DrainSummary {
  stations: number;
  batches: number;
  batchSize: number;
  /** Closed with nothing unanswered. */
  idle: number;
  /** Closed when the wait for their last answers ran out. */
  busy: number;
  /** Dropped without a close handshake: the station did not answer our close frame in time. */
  terminated: number;
  durationMs: number;
}

export interface GatewayDrainOptions {
  config: GatewayDrainConfig;
  /** The longest a station's in-flight calls are waited for (their durable acknowledgement included). */
  callWaitMs: number;
  metrics: Pick<DrainMetrics, 'stationsClosed' | 'started' | 'ended'>;
  logger: Logger;
}

/** Longest wait for a station's answer to our close frame before its socket is dropped. */
const CLOSE_HANDSHAKE_MS = 2000;

/**
 * 1001 Going Away: RFC 6455's own code for a server going down, valid in every WebSocket stack
 * (some reject the IANA-registered 1012 as a protocol error); a station reconnects after any close
 * it did not ask for, and the balancer takes it to another replica (ADR 045).
 */
export const DRAIN_CLOSE = { code: CloseCode.goingAway, reason: 'CSMS replica shutting down; reconnect' } as const;

/**
 * Hands a replica's stations over to the other replicas on SIGTERM: closes them in paced batches
 * (drain-plan.ts), each once its in-flight calls are answered, and waits for the close handshakes,
 * all before `deadline`.
 */
export class GatewayDrain {
  constructor(private readonly options: GatewayDrainOptions) {}

  async run(connections: readonly DrainableConnection[], deadline: number): Promise<DrainSummary> {
    const startedAt = Date.now();
    this.options.metrics.started(startedAt);
    const plan = drainPlan(connections.length, this.options.config);
    const summary: DrainSummary = { stations: connections.length, batches: plan.batches, batchSize: plan.batchSize, idle: 0, busy: 0, terminated: 0, durationMs: 0 };
    this.options.logger.info({ stations: connections.length, batches: plan.batches, batchSize: plan.batchSize, intervalMs: plan.intervalMs }, 'draining: closing station connections');
    const closing: Promise<void>[] = [];
    for (const [index, batch] of batchesOf(connections, plan).entries()) {
      // Paced by the clock, not by the previous batch: a station slow to answer holds up no one else.
      await sleepUntil(Math.min(startedAt + index * plan.intervalMs, deadline));
      closing.push(...batch.map((connection) => this.close(connection, deadline, summary)));
    }
    await Promise.all(closing);
    const endedAt = Date.now();
    this.options.metrics.ended(endedAt);
    summary.durationMs = endedAt - startedAt;
    this.options.logger.info(summary, 'drained: every station connection closed');
    return summary;
  }

  private async close(connection: DrainableConnection, deadline: number, summary: DrainSummary): Promise<void> {
    const outcome = await connection.drain(DRAIN_CLOSE.code, DRAIN_CLOSE.reason, clamp(this.options.callWaitMs, deadline));
    summary[outcome] += 1;
    this.options.metrics.stationsClosed.inc({ outcome });
    if (outcome === 'busy') this.options.logger.warn({ stationId: connection.stationId }, 'closed while a call was still unanswered: the station sends it again elsewhere');
    if (await settlesWithin(connection.closed, clamp(CLOSE_HANDSHAKE_MS, deadline))) return;
    summary.terminated += 1;
    connection.terminate();
    await connection.closed;
  }
}

function clamp(waitMs: number, deadline: number): number {
  return Math.max(0, Math.min(waitMs, deadline - Date.now()));
}

async function sleepUntil(at: number): Promise<void> {
  const waitMs = at - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

async function settlesWithin(promise: Promise<void>, waitMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

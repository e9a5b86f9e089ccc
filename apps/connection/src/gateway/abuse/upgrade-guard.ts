import type { IncomingMessage } from 'node:http';
import type { GatewayAbuseConfig } from '@app/config';
import { IntervalLog } from '@app/observability';
import type { Logger } from 'pino';
import { parseStationPath } from '../station-id';
import { type BlockEpisode, FailedAuthentications } from './failed-authentications';
import { REPEATED_FAILED_AUTHENTICATIONS, summaryOf } from './block-episode-summary';
import { limitKeyOf, type TrustedProxies } from './client-address';
import { KeyedRateLimiter } from './keyed-rate-limiter';

/** Why an upgrade was refused with 429 before any lookup. */
export type AbuseRefusalReason = 'address-blocked' | 'station-blocked' | 'address-rate' | 'station-rate';

/** Who is trying: the limited address key and the station id the path names (if it names a valid one). */
export interface UpgradeAttempt {
  address: string;
  stationId: string | undefined;
}

export type GuardDecision = { admitted: true; attempt: UpgradeAttempt } | { admitted: false; reason: AbuseRefusalReason; retryAfterSeconds: number; attempt: UpgradeAttempt };

export interface UpgradeGuardHooks {
  /** A block started (per scope), for the metric. */
  onBlocked: (scope: BlockEpisode['scope']) => void;
  /** Publishes a block episode's one security event; may fail (the broker), which is logged. */
  publishSummary: (stationId: string, type: string, techInfo: string) => Promise<unknown>;
}

/** How often lapsed blocks are reported and refilled buckets forgotten. */
const SWEEP_INTERVAL_MS = 1000;
const LOG_INTERVAL_MS = 30_000;

/**
 * The cheap checks before an upgrade costs a registry lookup (ADR 040): blocks after repeated
 * failed authentications, then connection-attempt rates per address and per station id. It
 * also learns each attempt's outcome, and reports each block episode once when it ends.
 */
export class UpgradeGuard {
  private readonly failures: FailedAuthentications;
  private readonly perAddress: KeyedRateLimiter;
  private readonly perStation: KeyedRateLimiter;
  private readonly blockedLog: IntervalLog;
  private readonly summaryFailedLog: IntervalLog;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeps = 0;

  constructor(
    config: GatewayAbuseConfig,
    private readonly proxies: TrustedProxies,
    private readonly hooks: UpgradeGuardHooks,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.failures = new FailedAuthentications(config);
    this.perAddress = new KeyedRateLimiter(config.connectPerAddress, config.trackedKeys);
    this.perStation = new KeyedRateLimiter(config.connectPerStation, config.trackedKeys);
    this.blockedLog = new IntervalLog(logger, { message: 'blocked after repeated failed authentications (one security event per block when it ends)', intervalMs: LOG_INTERVAL_MS, level: 'warn' });
    this.summaryFailedLog = new IntervalLog(logger, { message: 'could not publish the security event of a block', intervalMs: LOG_INTERVAL_MS, level: 'error' });
  }

  start(): void {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Reports the blocks still running: their summaries must not be lost with the process. */
  stop(): void {
    clearInterval(this.sweeper);
    this.failures.endAll().forEach((episode) => this.report(episode));
    [this.blockedLog, this.summaryFailedLog].forEach((log) => log.flush());
  }

  admit(request: IncomingMessage): GuardDecision {
    const attempt = this.attemptOf(request);
    const now = this.now();
    const block = this.failures.check(attempt.address, attempt.stationId, now);
    if (block.blocked) return { admitted: false, reason: block.scope === 'address' ? 'address-blocked' : 'station-blocked', retryAfterSeconds: secondsOf(block.retryAfterMs), attempt };
    const addressWait = this.perAddress.take(attempt.address, now);
    if (addressWait > 0) return { admitted: false, reason: 'address-rate', retryAfterSeconds: secondsOf(addressWait), attempt };
    const stationWait = attempt.stationId === undefined ? 0 : this.perStation.take(attempt.stationId, now);
    if (stationWait > 0) return { admitted: false, reason: 'station-rate', retryAfterSeconds: secondsOf(stationWait), attempt };
    return { admitted: true, attempt };
  }

  /** The station proved who it is. */
  succeeded(attempt: UpgradeAttempt): void {
    if (attempt.stationId !== undefined) this.failures.succeeded(attempt.address, attempt.stationId);
  }

  /** Authentication failed (401): counted towards blocks of the address and of the station id. */
  failed(attempt: UpgradeAttempt): void {
    if (attempt.stationId === undefined) return;
    for (const episode of this.failures.failed(attempt.address, attempt.stationId, this.now())) {
      this.hooks.onBlocked(episode.scope);
      this.blockedLog.record(episode.scope, { [episode.scope]: episode.key, failures: episode.failures });
    }
  }

  /** Addresses and station ids blocked now. */
  get blocked(): number {
    return this.failures.blocked;
  }

  private attemptOf(request: IncomingMessage): UpgradeAttempt {
    const address = limitKeyOf(this.proxies.clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for']));
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://gateway').pathname;
    } catch {
      return { address, stationId: undefined };
    }
    const path = parseStationPath(pathname);
    return { address, stationId: path.ok ? path.stationId : undefined };
  }

  private sweep(): void {
    const now = this.now();
    this.failures.endLapsed(now).forEach((episode) => this.report(episode));
    // Refilled buckets are dropped less often: a sweep walks the whole table.
    this.sweeps += 1;
    if (this.sweeps % 10 === 0) [this.perAddress, this.perStation].forEach((limiter) => limiter.sweep(now));
  }

  private report(episode: BlockEpisode): void {
    const { stationId, techInfo } = summaryOf(episode);
    this.hooks.publishSummary(stationId, REPEATED_FAILED_AUTHENTICATIONS, techInfo).catch((error: unknown) => {
      this.summaryFailedLog.record(episode.scope, { err: error, [episode.scope]: episode.key });
    });
  }
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

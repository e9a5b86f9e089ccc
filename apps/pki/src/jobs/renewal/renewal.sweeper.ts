import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import { type CommandOutcome, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { RenewalAttemptRepository } from './renewal-attempt.repository';
import { type RenewalCandidate, type RenewalPolicy, inFlightOutcomeOf, renewalsDue, retryDelayMs } from './renewal-policy';

const DAY_MS = 24 * 3600 * 1000;
const CANDIDATE_BATCH = 500;
const TRIGGER_TIMEOUT_MS = 30_000;
/** The neutral trigger name; the gateway maps it to 1.6 ExtendedTriggerMessage SignChargePointCertificate. */
const SIGN_TRIGGER = 'SignChargingStationCertificate';

/**
 * Renews station certificates before they expire. Every PKI_RENEWAL_SWEEP_SECONDS it settles the
 * attempts in flight (renewed once a newer certificate was issued to the station; failed when its
 * CSR was refused; timed out without one) and triggers SignChargingStationCertificate at the
 * stations whose newest certificate entered the window. All state is in renewal_attempt, so a
 * restart or a second replica picks up where the sweep was; the station's CSR then goes through
 * the ordinary signing flow (signing/).
 */
@Injectable()
export class RenewalSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Attempts whose trigger this process is sending: not timed out under its feet. */
  private readonly triggering = new Map<string, Promise<void>>();
  private readonly logger: Logger;
  private readonly policy: RenewalPolicy;
  private readonly sweepMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly attempts: RenewalAttemptRepository,
    private readonly commands: StationCommandClient,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'renewal-sweeper' });
    const renewal = config.pki.renewal;
    this.policy = { windowDays: renewal.windowDays, retryBaseMs: renewal.retrySeconds * 1000 };
    this.sweepMs = renewal.sweepSeconds * 1000;
    this.timeoutMs = renewal.csrTimeoutSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sweep()).catch((error: unknown) => this.logger.error({ err: error }, 'renewal sweep failed'));
    }, this.sweepMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await Promise.all(this.triggering.values());
  }

  async sweep(now = new Date()): Promise<void> {
    await this.settle(now);
    const candidates = await this.attempts.candidates(now, new Date(now.getTime() + this.policy.windowDays * DAY_MS), CANDIDATE_BATCH);
    if (candidates.length === 0) return;
    for (const { candidate, attempt } of renewalsDue(candidates, await this.attempts.busyStations(), now, this.policy)) {
      const id = randomUUID();
      if (!(await this.attempts.start({ id, stationId: candidate.stationId, expiringSerial: candidate.serialNumber, expiresAt: candidate.notAfter, attempt }))) continue;
      const sending = this.trigger(id, attempt, candidate)
        .catch((error: unknown) => this.logger.error({ err: error, stationId: candidate.stationId }, 'renewal trigger failed'))
        .finally(() => this.triggering.delete(id));
      this.triggering.set(id, sending);
    }
  }

  private async settle(now: Date): Promise<void> {
    for (const attempt of await this.attempts.inFlight()) {
      if (this.triggering.has(attempt.id)) continue;
      const outcome = inFlightOutcomeOf(attempt, now, this.timeoutMs);
      if (outcome === undefined) continue;
      const logger = this.logger.child({ stationId: attempt.stationId, renewalAttemptId: attempt.id });
      if (outcome.status === 'renewed') {
        await this.attempts.finish(attempt.id, outcome);
        logger.info({ expiringSerial: attempt.expiringSerial, renewedSerial: outcome.renewedSerial }, 'station certificate renewed');
      } else {
        await this.attempts.finish(attempt.id, { ...outcome, retryAt: this.retryAt(attempt.attempt, now) });
        logger.warn({ attempt: attempt.attempt, reason: outcome.reason }, 'certificate renewal failed; retried later');
      }
    }
  }

  private async trigger(id: string, attempt: number, candidate: RenewalCandidate): Promise<void> {
    const logger = this.logger.child({ stationId: candidate.stationId, renewalAttemptId: id });
    const outcome = await this.commands.send(candidate.stationId, { case: 'triggerMessage', value: { message: SIGN_TRIGGER } }, { timeoutMs: TRIGGER_TIMEOUT_MS });
    if (outcome.status === 'accepted') {
      await this.attempts.triggered(id);
      logger.info({ attempt, expiringSerial: candidate.serialNumber, notAfter: candidate.notAfter }, 'certificate renewal triggered');
      return;
    }
    const reason = reasonOf(outcome);
    await this.attempts.finish(id, { status: outcome.status === 'rejected' ? 'rejected' : 'failed', reason, retryAt: this.retryAt(attempt, new Date()) });
    logger.warn({ attempt, reason }, 'certificate renewal not triggered; retried later');
  }

  private retryAt(failures: number, now: Date): Date {
    return new Date(now.getTime() + retryDelayMs(failures, this.policy.retryBaseMs));
  }
}

function reasonOf(outcome: CommandOutcome): string {
  if (outcome.status === 'rejected') {
    const answer = typeof outcome.result?.status === 'string' ? outcome.result.status : 'Rejected';
    return `the station answered TriggerMessage ${SIGN_TRIGGER} with ${answer}`;
  }
  return `TriggerMessage not delivered (${outcome.status}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''})`;
}

import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { DropCause, type StationCommand, StationCommandSchema, timestampFromDate } from '@app/contracts';
import { ROOT_LOGGER } from '@app/observability';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { StationConnection } from '../gateway/station-connection';
import { StationConnections } from '../gateway/station-connections';
import { CommandExecutor } from '../routing/command.executor';
import { type StationPasswordForm, generateStationPassword } from '../security/station-password.generator';
import { type ProvisioningStep, failureDetailOf, nextAttemptAfterFailure, provisioningPlan, stepSucceeded } from './credential-provisioning';
import { CredentialProvisioningRepository } from './credential-provisioning.repository';

/** The origin of commands this service sends on its own, as the command history shows it. */
const CONNECTION_ORIGIN = 'connection';
/** Stations looked up per sweep, at most (the due ones among those this replica holds). */
const SWEEP_BATCH = 1000;

type CommandBody = NonNullable<MessageInitShape<typeof StationCommandSchema>['body']>;

/**
 * Gives stations an operator accepted the password they must connect with from then on
 * (ADR 039), on the replica that holds each one: every sweep it claims the due provisionings of
 * the stations connected here that have booted on their connection, generates a password (ADR
 * 032), sends it through the command path (history, metrics, secrets redacted), and once the
 * station took it stores its hash, raises the station to profile 1 and closes the connection so
 * that the station comes back with Basic auth. A refusal, a CALLERROR or a timeout is recorded and
 * tried again with backoff while the station is connected; until then its old way to connect
 * stays. The password is never logged.
 */
@Injectable()
export class CredentialProvisioner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly sweepMs: number;
  private readonly retryMs: number;
  private readonly callTimeoutMs: number;
  /**
   * Connections on which the station booted Accepted: before it knows it is accepted a station may
   * refuse CALLs (and a Pending one that an operator accepts boots Accepted within its retry interval).
   */
  private readonly booted = new WeakSet<StationConnection>();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly connections: StationConnections,
    private readonly executor: CommandExecutor,
    private readonly provisionings: CredentialProvisioningRepository,
  ) {
    this.logger = logger.child({ component: 'credential-provisioning' });
    this.sweepMs = config.stationCore.credentialProvisioning.sweepMs;
    this.retryMs = config.stationCore.credentialProvisioning.retryMs;
    this.callTimeoutMs = config.gateway.callTimeoutMs;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.sweepMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Called by the BootNotification handler of an accepted station: it now takes CALLs on this connection. */
  afterAcceptedBoot(stationId: string): void {
    const connection = this.connections.get(stationId);
    if (connection !== undefined) this.booted.add(connection);
  }

  /** One round: the due provisionings of the booted stations this replica holds, each at most once at a time. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const held = new Map<string, StationConnection>();
      this.connections.forEach((connection) => {
        if (this.booted.has(connection) && !connection.isClosing && !this.inFlight.has(connection.stationId)) held.set(connection.stationId, connection);
      });
      if (held.size === 0) return;
      const due = await this.provisionings.due([...held.keys()], SWEEP_BATCH);
      await Promise.all(due.map((stationId) => this.provision(held.get(stationId))));
    } catch (error) {
      this.logger.error({ err: error }, 'could not look for due credential provisionings; the next sweep tries again');
    } finally {
      this.sweeping = false;
    }
  }

  private async provision(connection: StationConnection | undefined): Promise<void> {
    if (connection === undefined) return;
    const stationId = connection.stationId;
    const logger = this.logger.child({ stationId });
    this.inFlight.add(stationId);
    try {
      // Long enough for every step to time out once; past it, a replica that died mid-way leaves the provisioning due again.
      const attemptsBefore = await this.provisionings.claim(stationId, this.callTimeoutMs * 4);
      if (attemptsBefore === undefined) return;
      const form: StationPasswordForm = connection.protocol === 'ocpp1.6' ? 'ocpp1.6' : 'ocpp2.0.1';
      const generated = generateStationPassword(form);
      const plan = provisioningPlan(form, generated.password);
      const outcome = await this.set(stationId, plan.password);
      if (!stepSucceeded(plan.password, outcome)) {
        if (outcome.status === 'not-connected') return await this.provisionings.requeue(stationId);
        const nextAttemptAt = nextAttemptAfterFailure(attemptsBefore + 1, this.retryMs, new Date());
        await this.provisionings.failed(stationId, outcome.status, failureDetailOf(plan.password, outcome), nextAttemptAt);
        logger.warn({ outcome: outcome.status, errorCode: outcome.errorCode, attempt: attemptsBefore + 1, nextAttemptAt }, 'the station did not take its password; tried again later');
        return;
      }
      if (!(await this.provisionings.provisioned(stationId, generated.passwordHash))) {
        logger.error('the station took a password but its provisioning was withdrawn meanwhile; it must be given one again');
        return;
      }
      logger.info({ form }, 'station provisioned with a password; it needs Basic auth from now on');
      for (const step of plan.followUps) await this.followUp(stationId, step, logger);
      await this.set(stationId, { case: 'dropConnection', value: { cause: DropCause.CREDENTIALS_CHANGED } });
    } catch (error) {
      logger.error({ err: error }, 'credential provisioning failed unexpectedly; it is due again once its claim expires');
    } finally {
      this.inFlight.delete(stationId);
    }
  }

  private async followUp(stationId: string, step: ProvisioningStep, logger: Logger): Promise<void> {
    const outcome = await this.set(stationId, step);
    if (stepSucceeded(step, outcome)) return;
    const detail = failureDetailOf(step, outcome);
    logger.warn({ outcome: outcome.status, detail }, 'the station took its password but not a follow-up setting; if it keeps connecting without Basic auth it is refused');
    await this.provisionings.noteFollowUp(stationId, detail);
  }

  /** Runs one command on the station here, through the executor (history, metrics, redaction). */
  private async set(stationId: string, what: ProvisioningStep | CommandBody) {
    const body: CommandBody = 'key' in what ? { case: 'setConfiguration', value: { settings: [{ key: what.key, value: what.value }] } } : what;
    const { outcome } = await this.executor.executeOwn(this.command(stationId, body));
    return outcome;
  }

  private command(stationId: string, body: CommandBody): StationCommand {
    const now = new Date();
    const commandId = randomUUID();
    return create(StationCommandSchema, {
      commandId,
      stationId,
      correlationId: commandId,
      issuedAt: timestampFromDate(now),
      deadline: timestampFromDate(new Date(now.getTime() + this.callTimeoutMs)),
      originService: CONNECTION_ORIGIN,
      body,
    });
  }
}

import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type StationCommand, createEnvelope, timestampDate, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { ROOT_LOGGER } from '@app/observability';
import { statusCodes } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandLogRecorder } from '../command-log/command-log.recorder';
import { type CommandRun, commandRecordOf } from '../command-log/command-record';
import { CommandMetrics } from '../command-log/command.metrics';
import { StationConnections } from '../gateway/station-connections';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationRegistrations } from '../stations/station-registrations';
import { type Execution, executeOnStation } from './command-execution';
import { CommandResultObservers } from './command-result.observers';

const DEFAULT_DEADLINE_MS = 30_000;

interface FinishedRun {
  execution: Execution;
  receivedAt: Date;
  completedAt: Date;
  durationSeconds: number;
}
const REMEMBERED_COMMANDS = 10_000;

/**
 * Replica k consumes partition k of ocpp.commands (CommandIntake) and runs each command on
 * the station it holds, answering on ocpp.results. Commands run concurrently
 * (a slow station must not hold up the partition); a redelivered command id
 * is not run twice. Every command run, or answered not-connected, goes to the
 * command history and the command metrics once its result is on its way.
 */
@Injectable()
export class CommandExecutor {
  private readonly logger: Logger;
  private readonly replicaIndex: number;
  private readonly seen = new Set<string>();

  constructor(
    private readonly publisher: EnvelopePublisher,
    private readonly connections: StationConnections,
    private readonly registrations: StationRegistrations,
    private readonly history: CommandLogRecorder,
    private readonly metrics: CommandMetrics,
    private readonly events: StationEventEmitter,
    private readonly observers: CommandResultObservers,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.replicaIndex = config.gateway.replicaIndex;
    this.logger = logger.child({ component: 'commands', replicaIndex: this.replicaIndex });
  }

  /** A command from partition k of ocpp.commands (CommandIntake); a redelivery of one already run is dropped. */
  receive(command: StationCommand): void {
    if (this.firstDelivery(command.commandId)) void this.execute(command);
  }

  private async execute(command: StationCommand): Promise<void> {
    const run = await this.run(command);
    await this.publishResult(command, run.execution);
    this.afterResult(command, run);
  }

  /**
   * Runs a command this replica decided on by itself (e.g. asking a station that just booted for
   * its charging capabilities): like a command from ocpp.commands, but nobody waits for a result.
   */
  async executeOwn(command: StationCommand): Promise<Execution> {
    const run = await this.run(command);
    this.afterResult(command, run);
    return run.execution;
  }

  private async run(command: StationCommand): Promise<FinishedRun> {
    const receivedAt = new Date();
    const started = performance.now();
    const deadline = command.deadline ? timestampDate(command.deadline).getTime() : Date.now() + DEFAULT_DEADLINE_MS;
    let execution: Execution;
    try {
      execution = await executeOnStation(command, this.connections.get(command.stationId), deadline, this.registrations);
    } catch (error) {
      this.logger.error({ err: error, stationId: command.stationId, commandId: command.commandId }, 'command failed unexpectedly');
      execution = { outcome: { status: 'call-error', errorCode: 'InternalError', errorDescription: 'the CSMS failed to run the command' } };
    }
    return { execution, receivedAt, completedAt: new Date(), durationSeconds: (performance.now() - started) / 1000 };
  }

  /**
   * After the result is on its way, and without waiting: what the answer revealed about the
   * station goes to ocpp.events (for every backend, not only the requester), the run to the
   * history and the metrics, and to the observers that learn from answers. None ever delays an answer.
   */
  private afterResult(command: StationCommand, { execution, receivedAt, completedAt, durationSeconds }: FinishedRun): void {
    if (execution.event) {
      const logger = this.logger.child({ stationId: command.stationId, commandId: command.commandId });
      this.events.publishInBackground(command.stationId, execution.event, logger, { correlationId: command.correlationId });
    }
    this.recordHistory(command, execution, { receivedAt, completedAt, replica: this.replicaIndex }, durationSeconds);
    this.observers.notify(command, execution);
  }

  private recordHistory(command: StationCommand, execution: Execution, run: CommandRun, durationSeconds: number): void {
    try {
      const record = commandRecordOf(command, execution, run);
      this.metrics.observe(record, durationSeconds);
      this.history.record(record);
    } catch (error) {
      this.logger.error({ err: error, commandId: command.commandId }, 'could not record a command in the history');
    }
  }

  private async publishResult(command: StationCommand, { outcome }: Execution): Promise<void> {
    await this.publisher
      .publish(
        Topics.results,
        createEnvelope('commandResult', {
          eventId: randomUUID(),
          stationId: command.stationId,
          correlationId: command.correlationId,
          completedAt: timestampFromDate(new Date()),
          commandId: command.commandId,
          originService: command.originService,
          commandPartition: this.replicaIndex,
          body: {
            case: 'outcome',
            value: {
              status: statusCodes[outcome.status],
              payloadJson: outcome.result ? JSON.stringify(outcome.result) : '',
              errorCode: outcome.errorCode ?? '',
              errorDescription: outcome.errorDescription ?? '',
            },
          },
        }),
      )
      .catch((error: unknown) => this.logger.error({ err: error, commandId: command.commandId }, 'could not publish a command result'));
  }

  private firstDelivery(commandId: string): boolean {
    if (this.seen.has(commandId)) return false;
    this.seen.add(commandId);
    if (this.seen.size > REMEMBERED_COMMANDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

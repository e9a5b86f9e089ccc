import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { OcppErrorKind, OcppRpcError, WithholdResponse } from '@app/ocpp';
import { MetricsRegistry } from '@app/observability';
import { GroupCommitFull } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { isRefusedValue } from '../gateway/infrastructure-failure';
import { withinDeadline } from './deadline';
import type { StationEventBody } from './event-body';
import { type EventIdentity, StationEventEmitter } from './station-event.emitter';

export interface PendingEvent {
  body: StationEventBody;
  identity: EventIdentity;
}

/**
 * Acknowledge after durability: the answer to a transaction or meter message leaves only after
 * its rows are committed and its events are acknowledged by the bus. When either cannot happen
 * (database or Kafka unavailable, or Kafka slower than the configured deadline) the station
 * gets no answer at all and sends the message again; ids and writes are idempotent, so the
 * retry adds nothing twice.
 */
@Injectable()
export class DurableAcknowledgement {
  private readonly timeoutMs: number;
  private readonly withheld: Counter;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    private readonly events: StationEventEmitter,
    metrics: MetricsRegistry,
  ) {
    this.timeoutMs = config.stationCore.durableAckTimeoutMs;
    this.withheld = metrics.counter('csms_ocpp_answers_withheld_total', 'Station CALLs left unanswered because they could not be made durable', [
      'action',
      'reason',
    ]);
  }

  /**
   * Runs a message's database writes; when they fail the answer is withheld. An OcppRpcError is
   * the station's own fault (e.g. a value the schema allows but we cannot store): it stays the
   * answer, as does a value the database itself refused (withheld, the station would send the
   * same message for ever).
   */
  async store<T>(logger: Logger, action: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof OcppRpcError) throw error;
      if (isRefusedValue(error)) {
        logger.debug({ err: error, action }, 'the database refused a value of a station message');
        throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `${action} holds a value out of the range this CSMS stores`);
      }
      // Per message at debug only: the gateway logs withheld answers once per interval (WithheldAnswers, ADR 033).
      logger.debug({ err: error, action }, 'could not store a station message; withholding the answer so that the station retries');
      // A full group-commit queue is load beyond what the database takes, not a failure of it.
      this.withheld.inc({ action, reason: error instanceof GroupCommitFull ? 'overloaded' : 'database' });
      throw new WithholdResponse(`${action} could not be stored`, error);
    }
  }

  /** Publishes the message's events and waits until the bus holds them durably, at most the configured time. */
  async publish(stationId: string, logger: Logger, action: string, events: readonly PendingEvent[]): Promise<void> {
    const published = Promise.all(events.map((event) => this.events.publish(stationId, event.body, event.identity)));
    const outcome = await withinDeadline(published, this.timeoutMs);
    if (outcome.ok) return;
    const error = outcome.reason === 'failed' ? outcome.error : undefined;
    logger.debug(
      { err: error, action, reason: outcome.reason, timeoutMs: this.timeoutMs },
      'events not durable; withholding the answer so that the station retries',
    );
    this.withheld.inc({ action, reason: outcome.reason === 'timeout' ? 'bus-timeout' : 'bus' });
    throw new WithholdResponse(`${action} events not durable (${outcome.reason})`, error);
  }
}

import { ContractError, decodeEnvelope, envelopeIdentity } from '@app/contracts';
import { MetricsRegistry, ROOT_LOGGER, inConsumeSpan } from '@app/observability';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import { Headers } from '../headers';
import { type InboundRecord, MESSAGE_BUS, type MessageBus, type RetryLater } from '../message-bus';
import { type EnvelopeTopic, type TopicEnvelope, Topics, topicEnvelope } from '../topics';
import { classifyFailure } from '../poison/failure-classification';
import { type FailureSignature, failureSignature, loggableError } from '../poison/failure-signature';
import { parkedRecord } from '../poison/parked-record';
import { FailureLedger } from '../poison/failure-ledger';
import { DEFAULT_POISON_POLICY, type PoisonPolicy, afterFailure } from '../poison/poison-policy';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './retry-backoff';
import { UnprocessableMessageError } from './unprocessable-message.error';

/** The poison policy of every EnvelopeConsumer of the process (MESSAGING_PARK_AFTER_FAILURES). */
export const POISON_POLICY = Symbol('POISON_POLICY');

export interface EnvelopeDelivery {
  record: InboundRecord;
  logger: Logger;
}

export type EnvelopeHandler<T extends EnvelopeTopic> = (envelope: TopicEnvelope<T>, delivery: EnvelopeDelivery) => Promise<void>;

export interface EnvelopeSubscription<T extends EnvelopeTopic> {
  topic: T;
  groupId: string;
  handle: EnvelopeHandler<T>;
  backoff?: BackoffPolicy;
  partition?: number;
  from?: 'beginning' | 'now';
  /** The group's name in metrics (see Subscription.groupLabel); default groupId. */
  groupLabel?: string;
  /**
   * The body cases the handler acts on; other records are acknowledged without being decoded or
   * handled (a service that follows ocpp.events for a few kinds of event would otherwise decode
   * every meter value). Default: every body.
   */
  bodies?: ReadonlySet<string>;
  /** Called once a record is done with, whatever became of it (handled, filtered, dead-lettered, parked): how far the group has read. */
  onSettled?: (record: InboundRecord) => void;
}

/**
 * Subscribes handlers to a topic's envelopes. A payload that does not decode,
 * or a handler that calls it unprocessable, goes to the dead-letter topic and
 * consumption goes on. Any other handler failure is retried with backoff; a
 * transient one (a dependency that is down) without limit, while an event that
 * fails the same way `parkAfterFailures` times is parked on ocpp.parked and
 * consumption goes on (ADR 041).
 */
@Injectable()
export class EnvelopeConsumer {
  private readonly consumed: Counter;
  private readonly deadLettered: Counter;
  private readonly retried: Counter;
  private readonly parked: Counter;
  private readonly replayed: Counter;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: MetricsRegistry,
    @Optional() @Inject(POISON_POLICY) private readonly poison: PoisonPolicy = DEFAULT_POISON_POLICY,
  ) {
    this.consumed = metrics.counter('csms_messages_consumed_total', 'Envelopes handled successfully', ['topic', 'group']);
    this.deadLettered = metrics.counter('csms_messages_dead_lettered_total', 'Records sent to the dead-letter topic', ['topic', 'group', 'code']);
    this.retried = metrics.counter('csms_message_retries_total', 'Handler attempts that failed and were retried', ['topic', 'group', 'kind']);
    this.parked = metrics.counter('csms_messages_parked_total', 'Records parked on ocpp.parked after failing the same way repeatedly', ['topic', 'group', 'error_class']);
    this.replayed = metrics.counter('csms_messages_replayed_total', 'Replayed parked records handled successfully', ['topic', 'group']);
  }

  subscribe<T extends EnvelopeTopic>(subscription: EnvelopeSubscription<T>): Promise<void> {
    const ledger = new FailureLedger();
    return this.bus.subscribe({
      topic: subscription.topic,
      groupId: subscription.groupId,
      partition: subscription.partition,
      from: subscription.from,
      groupLabel: subscription.groupLabel,
      handler: async (record) => {
        const outcome = await this.deliver(subscription, record, ledger);
        if (!outcome) subscription.onSettled?.(record);
        return outcome;
      },
    });
  }

  /** Leaves the group (in-flight handlers finish first). */
  unsubscribe(topic: EnvelopeTopic, groupId: string): Promise<void> {
    return this.bus.unsubscribe(topic, groupId);
  }

  private async deliver<T extends EnvelopeTopic>(subscription: EnvelopeSubscription<T>, record: InboundRecord, ledger: FailureLedger): Promise<void | RetryLater> {
    const { bodies } = subscription;
    // A replay of a parked record is for the group that parked it only.
    const replayFor = record.headers[Headers.replayForGroup];
    if (replayFor !== undefined && replayFor !== subscription.groupId) return;
    const bodyHeader = record.headers[Headers.body];
    if (bodies && bodyHeader !== undefined && !bodies.has(bodyHeader)) return;
    let envelope: TopicEnvelope<T>;
    try {
      envelope = decodeEnvelope(topicEnvelope[subscription.topic], record.value, record.headers[Headers.contentType]) as TopicEnvelope<T>;
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      return this.deadLetter(subscription.groupId, record, error.code, error.message);
    }
    // A record from a producer that set no body header is filtered once decoded.
    if (bodies && !bodies.has(envelope.body.case ?? '')) return;
    const logger = this.logger.child({
      stationId: envelope.stationId,
      correlationId: envelope.correlationId || undefined,
      topic: record.topic,
      group: subscription.groupId,
    });
    try {
      // A child of the span that produced the record (its traceparent header), when tracing is on.
      await inConsumeSpan(record.topic, subscription.groupId, record.headers, () => subscription.handle(envelope, { record, logger }));
    } catch (error) {
      if (error instanceof UnprocessableMessageError) {
        ledger.forget(record);
        return this.deadLetter(subscription.groupId, record, 'unprocessable', error.message);
      }
      const kind = classifyFailure(error);
      const failure = failureSignature(error);
      const { record: failures, decision } = afterFailure(ledger.failuresOf(record), kind, failure, this.poison);
      if (decision === 'park') {
        ledger.forget(record);
        return this.park(subscription.groupId, record, envelopeIdentity(envelope).id, failure, failures.attempts, logger);
      }
      ledger.remember(record, failures);
      this.retried.inc({ topic: record.topic, group: subscription.groupLabel ?? subscription.groupId, kind });
      const retryAfterMs = backoffDelay(failures.attempts, subscription.backoff ?? DEFAULT_BACKOFF);
      logger.warn({ err: loggableError(error), kind, attempt: failures.attempts, retryInMs: retryAfterMs }, 'message handler failed; retrying');
      return { retryAfterMs };
    }
    ledger.forget(record);
    this.consumed.inc({ topic: record.topic, group: subscription.groupLabel ?? subscription.groupId });
    if (replayFor !== undefined) this.replayed.inc({ topic: record.topic, group: subscription.groupId });
  }

  /** Produces the record to ocpp.parked with where it came from and why it failed; returning commits its offset. */
  private async park(groupId: string, record: InboundRecord, eventId: string, failure: FailureSignature, attempts: number, logger: Logger): Promise<void> {
    await this.bus.publish(Topics.parked, [parkedRecord(record, { groupId, failure, attempts, parkedAt: new Date() })]);
    this.parked.inc({ topic: record.topic, group: groupId, error_class: failure.errorClass });
    // The failure's message is already stripped of what looks like a credential; the payload is never logged.
    logger.error(
      { partition: record.partition, offset: record.offset, eventId, errorClass: failure.errorClass, error: failure.message, attempts },
      'parked a record that failed the same way repeatedly; consumption goes on',
    );
  }

  private async deadLetter(groupId: string, record: InboundRecord, code: string, reason: string): Promise<void> {
    this.logger.error({ topic: record.topic, partition: record.partition, offset: record.offset, group: groupId, code, reason }, 'dead-lettering record');
    await this.bus.publish(Topics.deadLetter, [
      {
        key: record.key,
        value: record.value,
        headers: {
          ...record.headers,
          [Headers.deadLetterCode]: code,
          [Headers.deadLetterReason]: reason.slice(0, 1000),
          [Headers.originalTopic]: record.topic,
          [Headers.originalPartition]: String(record.partition),
          [Headers.originalOffset]: record.offset,
          [Headers.consumerGroup]: groupId,
        },
      },
    ]);
    this.deadLettered.inc({ topic: record.topic, group: groupId, code });
  }
}

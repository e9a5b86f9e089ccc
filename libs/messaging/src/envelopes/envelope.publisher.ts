import { contentTypeOf, encodeEnvelope, envelopeIdentity } from '@app/contracts';
import { inPublishSpan, injectTraceContext } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Headers } from '../headers';
import { MESSAGE_BUS, type MessageBus } from '../message-bus';
import { type EnvelopeTopic, type TopicEnvelope, topicEnvelope } from '../topics';

export interface PublishOptions {
  partition?: number;
  traceparent?: string;
}

/** Encodes envelopes with their topic's contract and publishes them keyed by station id. */
@Injectable()
export class EnvelopePublisher {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  /** With tracing on, inside a producer span whose context the record carries in its `traceparent` header (ADR 048). */
  publish<T extends EnvelopeTopic>(topic: T, envelope: TopicEnvelope<T>, options: PublishOptions = {}): Promise<void> {
    return inPublishSpan(topic, async () => {
      const kind = topicEnvelope[topic];
      const identity = envelopeIdentity(envelope);
      const headers: Record<string, string> = { [Headers.contentType]: contentTypeOf(kind) };
      if (identity.correlationId) headers[Headers.correlationId] = identity.correlationId;
      if (identity.bodyCase) headers[Headers.body] = identity.bodyCase;
      injectTraceContext(headers);
      if (options.traceparent) headers[Headers.traceparent] = options.traceparent;
      await this.bus.publish(topic, [{ key: identity.stationId, value: encodeEnvelope(kind, envelope), headers, partition: options.partition }]);
    });
  }
}

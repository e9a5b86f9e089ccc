import { contentTypeOf, encodeEnvelope, envelopeIdentity } from '@app/contracts';
import { inPublishSpan, injectTraceContext } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Headers } from '../headers';
import { MESSAGE_BUS, type MessageBus } from '../message-bus';
import { type EnvelopeTopic, type TopicEnvelope, topicEnvelope } from '../topics';

/** W3C trace context's vendor part, written beside traceparent by the propagator. */
const TRACESTATE = 'tracestate';

export interface PublishOptions {
  partition?: number;
  /** The trace the record continues, in place of the current one (its tracestate is dropped with it). */
  traceparent?: string;
  /** No producer span: records published on a timer (replica heartbeats) would each start a trace of their own. */
  untraced?: boolean;
}

/** Encodes envelopes with their topic's contract and publishes them keyed by station id. */
@Injectable()
export class EnvelopePublisher {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  /** With tracing on, inside a producer span whose context the record carries in its `traceparent` header (ADR 048). */
  publish<T extends EnvelopeTopic>(topic: T, envelope: TopicEnvelope<T>, options: PublishOptions = {}): Promise<void> {
    const send = async () => {
      const kind = topicEnvelope[topic];
      const identity = envelopeIdentity(envelope);
      const headers: Record<string, string> = { [Headers.contentType]: contentTypeOf(kind) };
      if (identity.correlationId) headers[Headers.correlationId] = identity.correlationId;
      if (identity.bodyCase) headers[Headers.body] = identity.bodyCase;
      if (!options.untraced) injectTraceContext(headers);
      if (options.traceparent) {
        headers[Headers.traceparent] = options.traceparent;
        delete headers[TRACESTATE];
      }
      await this.bus.publish(topic, [{ key: identity.stationId, value: encodeEnvelope(kind, envelope), headers, partition: options.partition }]);
    };
    return options.untraced ? send() : inPublishSpan(topic, send);
  }
}

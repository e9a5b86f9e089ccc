/** Header names used on every topic. */
export const Headers = {
  contentType: 'content-type',
  correlationId: 'x-correlation-id',
  /** The case of the envelope's `body` oneof, so that a consumer can pass over what it does not handle without decoding it. */
  body: 'x-body',
  /** W3C trace context, passed through so traces span services. */
  traceparent: 'traceparent',
  deadLetterCode: 'x-dead-letter-code',
  deadLetterReason: 'x-dead-letter-reason',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  consumerGroup: 'x-consumer-group',
} as const;

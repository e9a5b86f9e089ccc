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
  /** On ocpp.parked: why and when a consumer group gave up on a record (ADR 041). */
  parkedErrorClass: 'x-parked-error-class',
  parkedError: 'x-parked-error',
  parkedAttempts: 'x-parked-attempts',
  parkedAt: 'x-parked-at',
  /** On a replayed record: the only consumer group that handles it; every other group passes it over. */
  replayForGroup: 'x-replay-for-group',
  /** On a replayed record: the parked record it replays (`partition/offset` on ocpp.parked). */
  replayOf: 'x-replay-of',
} as const;

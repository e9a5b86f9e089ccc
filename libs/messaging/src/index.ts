export * from './envelopes/envelope.consumer';
export * from './envelopes/envelope.publisher';
export * from './envelopes/retry-backoff';
export * from './envelopes/unprocessable-message.error';
export * from './headers';
export * from './message-bus';
export * from './messaging.module';
export * from './topics';

import { sendFailureVerdict } from './send-failure';

const protocolError = (type: string) => Object.assign(new Error(type), { name: 'KafkaJSProtocolError', type });
const retriesExceeded = (cause: Error) => Object.assign(new Error(cause.message), { name: 'KafkaJSNumberOfRetriesExceeded', cause });

describe('sendFailureVerdict', () => {
  it('resends a request that failed because the broker was away or slow', () => {
    expect(sendFailureVerdict(retriesExceeded(Object.assign(new Error('Connection error: ECONNREFUSED'), { name: 'KafkaJSConnectionError' })))).toBe('resend');
    expect(sendFailureVerdict(retriesExceeded(protocolError('NOT_LEADER_FOR_PARTITION')))).toBe('resend');
    expect(sendFailureVerdict(new Error('Request Produce(key: 0, version: 7) timed out'))).toBe('resend');
  });

  it('replaces the producer when the broker no longer accepts its identity or sequence', () => {
    expect(sendFailureVerdict(retriesExceeded(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER')))).toBe('reset-and-resend');
    expect(sendFailureVerdict(protocolError('UNKNOWN_PRODUCER_ID'))).toBe('reset-and-resend');
    expect(sendFailureVerdict(Object.assign(new Error('aggregate'), { errors: [protocolError('INVALID_PRODUCER_EPOCH')] }))).toBe('reset-and-resend');
  });

  it('gives up on records the broker refuses for what they are', () => {
    expect(sendFailureVerdict(protocolError('MESSAGE_TOO_LARGE'))).toBe('reject');
    expect(sendFailureVerdict(retriesExceeded(protocolError('TOPIC_AUTHORIZATION_FAILED')))).toBe('reject');
  });
});

import { PermanentFailure, TransientFailure, classifyFailure } from './failure-classification';

/** A pg driver error as node-postgres raises it: an Error with the SQLSTATE in `code`. */
function pgError(code: string, message = 'query failed'): Error {
  return Object.assign(new Error(message), { code });
}

/** typeorm's QueryFailedError keeps the driver error in `driverError`. */
function queryFailed(driverError: Error): Error {
  return Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });
}

describe('classifyFailure', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a database that is shutting down (57P01)', queryFailed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['a connection exception (08006)', queryFailed(pgError('08006'))],
    ['too many connections (53300)', pgError('53300')],
    ['a deadlock (40P01)', queryFailed(pgError('40P01'))],
    ['a serialization failure (40001)', pgError('40001')],
    ['a pool that cannot hand out a connection', new Error('timeout exceeded when trying to connect')],
    ['a kafkajs broker error', Object.assign(new Error('broker not available'), { name: 'KafkaJSConnectionError' })],
    ['a retriable kafkajs protocol error', Object.assign(new Error('leader not available'), { name: 'KafkaJSProtocolError', retriable: true })],
  ])('calls %s transient', (_, error) => {
    expect(classifyFailure(error)).toBe('transient');
  });

  it.each([
    ['a plain Error', new Error('cannot read properties of undefined')],
    ['a TypeError', new TypeError('x is not a function')],
    ['a constraint violation (23505)', queryFailed(pgError('23505', 'duplicate key value'))],
    ['a raised exception (P0001)', queryFailed(pgError('P0001', 'rejected by trigger'))],
    ['an undefined column (42703)', queryFailed(pgError('42703'))],
    ['a non-retriable kafkajs error', Object.assign(new Error('message too large'), { name: 'KafkaJSProtocolError', retriable: false })],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('calls %s permanent', (_, error) => {
    expect(classifyFailure(error)).toBe('permanent');
  });

  it('finds an infrastructure error down the cause chain', () => {
    const wrapped = new Error('could not store the allocation', { cause: queryFailed(pgError('08001')) });
    expect(classifyFailure(wrapped)).toBe('transient');
  });

  it('lets a handler mark a failure transient that the generic rule would park', () => {
    expect(classifyFailure(new TransientFailure('the OCSP responder is restarting'))).toBe('transient');
  });

  it('lets a handler mark a failure permanent that the generic rule would retry forever', () => {
    const marked = new PermanentFailure('this station is refused by its vendor service', { cause: pgError('08006') });
    expect(classifyFailure(marked)).toBe('permanent');
  });

  it('stops at a cycle in the cause chain', () => {
    const error: Error & { cause?: unknown } = new Error('self-caused');
    error.cause = error;
    expect(classifyFailure(error)).toBe('permanent');
  });
});

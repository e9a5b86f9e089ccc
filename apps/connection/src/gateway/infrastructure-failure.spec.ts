import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { infrastructureFailureOf, isRefusedValue } from './infrastructure-failure';

function databaseError(code: string): DatabaseError {
  const error = new DatabaseError('from the server', 0, 'error');
  error.code = code;
  return error;
}

describe('infrastructureFailureOf', () => {
  it("names pg-pool's wait for a free connection", () => {
    expect(infrastructureFailureOf(new Error('timeout exceeded when trying to connect'))).toBe('database-pool');
  });

  it.each([
    ['admin shutdown', '57P01'],
    ['statement timeout', '57014'],
    ['connection failure', '08006'],
    ['too many connections', '53300'],
    ['deadlock', '40P01'],
    ['lock not available', '55P03'],
  ])('withholds on a transient server error (%s)', (_name, code) => {
    expect(infrastructureFailureOf(databaseError(code))).toBe('database');
    expect(infrastructureFailureOf(new QueryFailedError('SELECT 1', [], databaseError(code)))).toBe('database');
  });

  it.each([
    ['unique violation', '23505'],
    ['value too long', '22001'],
    ['undefined column', '42703'],
  ])('answers a permanent server error (%s), which a retry would meet again', (_name, code) => {
    expect(infrastructureFailureOf(new QueryFailedError('INSERT', [], databaseError(code)))).toBeUndefined();
  });

  it('withholds when the server cannot be reached or the connection is lost', () => {
    expect(infrastructureFailureOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('database');
    expect(infrastructureFailureOf(new Error('Connection terminated unexpectedly'))).toBe('database');
  });

  it('names a Kafka client failure', () => {
    expect(infrastructureFailureOf(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe('bus');
    expect(infrastructureFailureOf(new KafkaJSNumberOfRetriesExceeded(new Error('down'), { retryCount: 5, retryTime: 1000 }))).toBe('bus');
  });

  it('answers our own defects, which a retry would meet again', () => {
    expect(infrastructureFailureOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(infrastructureFailureOf(new RangeError('Invalid time value'))).toBeUndefined();
  });

  it('withholds on anything else: the station retrying costs less than a CALLERROR it may act on', () => {
    expect(infrastructureFailureOf(new Error('something new'))).toBe('unknown');
    expect(infrastructureFailureOf('a string')).toBe('unknown');
  });
});

describe('isRefusedValue', () => {
  it.each([
    ['check violation', '23514', true],
    ['numeric out of range', '22003', true],
    ['invalid byte sequence', '22021', true],
    ['unique violation', '23505', false],
    ['connection failure', '08006', false],
  ])('%s (%s): %s', (_name, code, refused) => {
    expect(isRefusedValue(new QueryFailedError('INSERT', [], databaseError(code)))).toBe(refused);
    expect(isRefusedValue(Object.assign(new Error('group commit failed'), { code }))).toBe(refused);
  });

  it('is false for errors without a SQLSTATE', () => {
    expect(isRefusedValue(new Error('connection refused'))).toBe(false);
    expect(isRefusedValue('not an error')).toBe(false);
  });
});

import { classifyFailure } from '@app/messaging';
import { infrastructureFailureOf } from './infrastructure-failure';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

/** The gateway (ADR 033) and the event consumers (ADR 041) read infrastructure failures from the same signs. */
describe('the gateway and the consumers agree on what a passing infrastructure failure is', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an aborted connection', withCode('ECONNABORTED')],
    ['a lost DNS answer', withCode('EAI_AGAIN')],
    ['a database shutting down', withCode('57P01')],
    ['a deadlock', withCode('40P01')],
    ['too many connections', withCode('53300')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool wait that ran out', new Error('timeout exceeded when trying to connect')],
  ])('%s is passing for both', (_, error) => {
    expect(infrastructureFailureOf(error)).toBeDefined();
    expect(classifyFailure(error)).toBe('transient');
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a value out of range', withCode('22003')],
    ['a missing table', withCode('42P01')],
  ])('%s is permanent for both', (_, error) => {
    expect(infrastructureFailureOf(error)).toBeUndefined();
    expect(classifyFailure(error)).toBe('permanent');
  });
});

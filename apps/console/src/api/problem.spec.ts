import { apiErrorOf, unreachableError } from './problem';

describe('apiErrorOf', () => {
  it('words a problem with a detail for people, keeping title and detail', () => {
    const error = apiErrorOf(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Station CP-1 is not connected' });
    expect(error.plain).toBe('This conflicts with the current state: station CP-1 is not connected.');
    expect(error.title).toBe('Conflict');
    expect(error.detail).toBe('Station CP-1 is not connected');
  });

  it('lists validation errors of a 400', () => {
    const error = apiErrorOf(400, { title: 'Bad Request', detail: 'invalid body', errors: [{ path: ['limit', 'l1'], message: 'must be ≥ 0' }, 'extra'] });
    expect(error.plain).toBe('The request was not accepted: invalid body.');
    expect(error.errors).toEqual(['limit.l1: must be ≥ 0', 'extra']);
  });

  it('says what a role refusal means without a body', () => {
    expect(apiErrorOf(403, undefined, 'Forbidden').plain).toBe('Your role does not allow this.');
    expect(apiErrorOf(401, null).plain).toBe('You are not signed in, or your sign-in has expired.');
  });

  it('falls back for unknown statuses', () => {
    expect(apiErrorOf(418, {}).plain).toBe('The request failed (HTTP 418).');
    expect(apiErrorOf(502, { title: 'Bad Gateway', detail: 'Kafka is unreachable' }).plain).toBe('The service failed to answer (HTTP 502): kafka is unreachable.');
  });

  it('names the unreachable service', () => {
    expect(unreachableError('pki').plain).toBe('The pki service could not be reached: check your network or try again.');
  });
});

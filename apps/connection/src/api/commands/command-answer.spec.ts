import { problemOf } from '../api-answer';
import { answerOf } from './command-answer';

describe('the answer to a command', () => {
  it.each(['accepted', 'rejected'] as const)('is 200 with the station’s answer when %s', (status) => {
    expect(answerOf({ commandId: 'c1', status, result: { status: 'Rejected', stationStatus: 'Rejected' } })).toEqual({
      ok: true,
      value: { commandId: 'c1', status, result: { status: 'Rejected', stationStatus: 'Rejected' } },
    });
  });

  it.each([
    ['not-connected', 409, 'station-not-connected'],
    ['timeout', 504, 'station-timeout'],
    ['call-error', 502, 'station-call-error'],
    ['invalid', 422, 'command-not-expressible'],
  ] as const)('is a problem when %s: %s %s', (status, httpStatus, code) => {
    const result = answerOf({ commandId: 'c1', status, errorCode: 'NotSupported', errorDescription: 'why' });
    if (result.ok) throw new Error('expected an error');
    expect(problemOf(result.error).details()).toMatchObject({ status: httpStatus, code, commandId: 'c1' });
  });

  it('names the station’s CALLERROR code in a 502', () => {
    const result = answerOf({ commandId: 'c1', status: 'call-error', errorCode: 'NotImplemented', errorDescription: 'no GetLog here' });
    if (result.ok) throw new Error('expected an error');
    expect(problemOf(result.error).details()).toMatchObject({
      status: 502,
      detail: 'the station answered NotImplemented: no GetLog here',
      stationErrorCode: 'NotImplemented',
      stationErrorDescription: 'no GetLog here',
    });
  });
});

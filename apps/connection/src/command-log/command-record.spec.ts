import { timestampFromDate } from '@app/contracts';
import { commandWith } from '../commands/mapping/station-command.fixtures';
import { commandRecordOf } from './command-record';
import { REDACTED } from './secret-redaction';

const run = { receivedAt: new Date('2025-06-01T10:00:00.100Z'), completedAt: new Date('2025-06-01T10:00:00.350Z'), replica: 2 };

describe('commandRecordOf', () => {
  it('records who asked what of the station, the call it became and the station’s answer', () => {
    const command = commandWith(
      { case: 'reset', value: { hard: true, evseId: 0 } },
      { originService: 'connection', actor: 'noc', issuedAt: timestampFromDate(new Date('2025-06-01T10:00:00Z')) },
    );
    const record = commandRecordOf(command, { outcome: { status: 'accepted', result: { status: 'Accepted' } }, call: { action: 'Reset', payload: { type: 'Immediate' } } }, run);
    expect(record).toEqual({
      commandId: command.commandId,
      stationId: 'CP-1',
      originService: 'connection',
      actor: 'noc',
      command: 'reset',
      action: 'Reset',
      request: { type: 'Immediate' },
      issuedAt: new Date('2025-06-01T10:00:00Z'),
      completedAt: run.completedAt,
      status: 'accepted',
      response: { status: 'Accepted' },
      errorCode: null,
      errorDescription: null,
      replica: 2,
    });
  });

  it('records a service’s command to a station this replica does not hold, with no actor and no call', () => {
    const command = commandWith({ case: 'clearCache', value: {} }, { originService: 'smart-charging' });
    const record = commandRecordOf(command, { outcome: { status: 'not-connected', errorDescription: 'station CP-1 is not connected to this replica' } }, run);
    expect(record).toMatchObject({ actor: null, command: 'clearCache', action: null, request: null, response: null, status: 'not-connected', issuedAt: run.receivedAt });
    expect(record.errorDescription).toBe('station CP-1 is not connected to this replica');
  });

  it('keeps the station’s CALLERROR and blanks credentials the command carried', () => {
    const command = commandWith({ case: 'setConfiguration', value: { settings: [{ key: 'AuthorizationKey', value: 'secret' }] } });
    const call = { action: 'ChangeConfiguration', payload: { key: 'AuthorizationKey', value: 'secret' } };
    const record = commandRecordOf(command, { outcome: { status: 'call-error', errorCode: 'InternalError', errorDescription: 'boom' }, call }, run);
    expect(record).toMatchObject({ request: { key: 'AuthorizationKey', value: REDACTED }, errorCode: 'InternalError', errorDescription: 'boom', response: null });
  });

  it('blanks whom a CustomerInformation is about (personal data), in the request and the answer, for viewers of the history', () => {
    const command = commandWith({ case: 'rawCall', value: { action: 'CustomerInformation', payloadJson: '{}' } }, { originService: 'connection', actor: 'noc' });
    const payload = { requestId: 4, report: true, clear: false, idToken: { idToken: 'DRIVER-CARD-1', type: 'ISO14443' } };
    const record = commandRecordOf(command, { outcome: { status: 'accepted', result: { status: 'Accepted', payload } }, call: { action: 'CustomerInformation', payload } }, run);
    expect(record.request).toEqual({ requestId: 4, report: true, clear: false, idToken: REDACTED });
    expect(record.response).toEqual({ status: 'Accepted', payload: { requestId: 4, report: true, clear: false, idToken: REDACTED } });
    expect(JSON.stringify(record)).not.toContain('DRIVER-CARD-1');
  });
});

import { fromOcppResponse } from './from-ocpp-response';
import { derivedRequestId } from './request-id';
import { COMMAND_ID, at, commandWith, expectCall, expectRefusal, kind, purpose, rateUnit, validAnswer } from './station-command.fixtures';
import { toOcppCall } from './to-ocpp-call';

const txProfile = {
  id: 7,
  stackLevel: 1,
  purpose: purpose.tx,
  kind: kind.relative,
  schedule: { rateUnit: rateUnit.ampere, periods: [{ startPeriodSeconds: 0, limit: 16 }] },
};

const remoteStart = (value: object = {}) =>
  commandWith({ case: 'remoteStart', value: { evseId: 2, idToken: { value: 'TAG-0042', type: 'ISO14443' }, ...value } });

describe('remote start', () => {
  it('maps to a 1.6 RemoteStartTransaction with the token value as idTag and the EVSE as connector', () => {
    expectCall('1.6', remoteStart({ chargingProfile: txProfile }), {
      action: 'RemoteStartTransaction',
      payload: {
        connectorId: 2,
        idTag: 'TAG-0042',
        chargingProfile: {
          chargingProfileId: 7,
          stackLevel: 1,
          chargingProfilePurpose: 'TxProfile',
          chargingProfileKind: 'Relative',
          chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
        },
      },
    });
  });

  it('leaves the 1.6 connector to the station when no EVSE is given', () => {
    expectCall('1.6', remoteStart({ evseId: 0 }), { action: 'RemoteStartTransaction', payload: { idTag: 'TAG-0042' } });
  });

  it('refuses a 1.6 remote start whose token is longer than an idTag (20 characters)', () => {
    expectRefusal('1.6', remoteStart({ idToken: { value: 'A'.repeat(21), type: 'ISO14443' } }), 'longer than the 20 characters');
  });

  it('refuses a remote start without a token in both versions', () => {
    expectRefusal('1.6', remoteStart({ idToken: undefined }), 'needs an id token');
    expectRefusal('2.0.1', remoteStart({ idToken: undefined }), 'needs an id token');
  });

  it('maps to a 2.0.1 RequestStartTransaction with the given remoteStartId and profile', () => {
    expectCall('2.0.1', remoteStart({ remoteStartId: 99, chargingProfile: txProfile }), {
      action: 'RequestStartTransaction',
      payload: {
        evseId: 2,
        idToken: { idToken: 'TAG-0042', type: 'ISO14443' },
        remoteStartId: 99,
        chargingProfile: {
          id: 7,
          stackLevel: 1,
          chargingProfilePurpose: 'TxProfile',
          chargingProfileKind: 'Relative',
          chargingSchedule: [{ id: 0, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
        },
      },
    });
  });

  it('derives a positive 31-bit remoteStartId from the command id when none is given', () => {
    const mapping = toOcppCall('2.0.1', remoteStart({ evseId: 0 }));
    const expected = derivedRequestId(COMMAND_ID);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(mapping).toStrictEqual({
      ok: true,
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'TAG-0042', type: 'ISO14443' }, remoteStartId: expected },
    });
    expect(toOcppCall('2.0.1', remoteStart({ evseId: 0 }))).toStrictEqual(mapping);
  });

  it('types an untyped or 1.6-typed token as Central in 2.0.1, and refuses an unknown type', () => {
    for (const type of ['', 'IdTag']) {
      expectCall('2.0.1', remoteStart({ remoteStartId: 1, idToken: { value: 'T', type } }), {
        action: 'RequestStartTransaction',
        payload: { evseId: 2, idToken: { idToken: 'T', type: 'Central' }, remoteStartId: 1 },
      });
    }
    expectRefusal('2.0.1', remoteStart({ idToken: { value: 'T', type: 'Barcode' } }), 'id token type "Barcode" is not an OCPP 2.0.1 IdTokenType');
  });

  it('makes an unspecified profile purpose a TxProfile and refuses any other purpose or a transaction id', () => {
    const mapping = toOcppCall('1.6', remoteStart({ chargingProfile: { ...txProfile, purpose: purpose.unspecified } }));
    expect(mapping.ok && mapping.payload).toMatchObject({ chargingProfile: { chargingProfilePurpose: 'TxProfile' } });
    expectRefusal('1.6', remoteStart({ chargingProfile: { ...txProfile, purpose: purpose.txDefault } }), 'takes a TxProfile only');
    expectRefusal('2.0.1', remoteStart({ chargingProfile: { ...txProfile, transactionId: '5' } }), 'cannot name a transaction');
  });

  it('answers the station status, and in 2.0.1 the transaction id and remoteStartId', () => {
    const command = remoteStart();
    expect(fromOcppResponse('1.6', command, validAnswer('1.6', 'RemoteStartTransaction', { status: 'Accepted' }))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted' },
    });
    const answer = validAnswer('2.0.1', 'RequestStartTransaction', { status: 'Accepted', transactionId: 'tx-1' });
    expect(fromOcppResponse('2.0.1', command, answer)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', transactionId: 'tx-1', remoteStartId: derivedRequestId(COMMAND_ID) },
    });
  });

  it('keeps the 2.0.1 statusInfo of a rejection', () => {
    const answer = validAnswer('2.0.1', 'RequestStartTransaction', { status: 'Rejected', statusInfo: { reasonCode: 'NoCable', additionalInfo: 'plug in' } });
    expect(fromOcppResponse('2.0.1', remoteStart({ remoteStartId: 3 }), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'Rejected', statusInfo: { reasonCode: 'NoCable', additionalInfo: 'plug in' }, remoteStartId: 3 },
    });
  });
});

describe('remote stop', () => {
  const remoteStop = (transactionId: string) => commandWith({ case: 'remoteStop', value: { transactionId } });

  it('maps to a 1.6 RemoteStopTransaction with the integer transaction id', () => {
    expectCall('1.6', remoteStop('1234'), { action: 'RemoteStopTransaction', payload: { transactionId: 1234 } });
  });

  it('refuses a 1.6 transaction id that is not an integer', () => {
    expectRefusal('1.6', remoteStop('a1b2'), 'is not an OCPP 1.6 (integer) transaction id');
    expectRefusal('1.6', remoteStop('99999999999'), 'is not an OCPP 1.6 (integer) transaction id');
  });

  it('maps to a 2.0.1 RequestStopTransaction with the transaction id as sent', () => {
    expectCall('2.0.1', remoteStop('6c1f-tx'), { action: 'RequestStopTransaction', payload: { transactionId: '6c1f-tx' } });
  });

  it('refuses an empty transaction id', () => {
    expectRefusal('2.0.1', remoteStop(''), 'needs a transaction id');
  });

  it('answers the station status', () => {
    const answer = validAnswer('2.0.1', 'RequestStopTransaction', { status: 'Rejected' });
    expect(fromOcppResponse('2.0.1', remoteStop('t'), answer)).toStrictEqual({ accepted: false, result: { status: 'Rejected', stationStatus: 'Rejected' } });
  });
});

describe('timestamps', () => {
  it('writes profile validity as ISO 8601 UTC', () => {
    const mapping = toOcppCall('2.0.1', remoteStart({ remoteStartId: 1, chargingProfile: { ...txProfile, validTo: at('2025-03-04T05:06:07Z') } }));
    expect(mapping.ok && mapping.payload).toMatchObject({ chargingProfile: { validTo: '2025-03-04T05:06:07.000Z' } });
  });
});

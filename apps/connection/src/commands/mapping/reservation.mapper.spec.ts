import { fromOcppResponse } from './from-ocpp-response';
import { at, commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const EXPIRY = at('2026-03-01T12:30:00Z');
const reserve = (value: object = {}) =>
  commandWith({ case: 'reserveNow', value: { reservationId: 17, evseId: 2, idToken: { value: 'TAG-7', type: 'ISO14443' }, expiresAt: EXPIRY, ...value } });
const cancel = (reservationId: number) => commandWith({ case: 'cancelReservation', value: { reservationId } });

describe('reserve now', () => {
  it('maps to 1.6 ReserveNow with the EVSE as connector and the group token as parentIdTag', () => {
    expectCall('1.6', reserve({ groupIdToken: { value: 'FLEET-1', type: '' } }), {
      action: 'ReserveNow',
      payload: { connectorId: 2, expiryDate: '2026-03-01T12:30:00.000Z', idTag: 'TAG-7', parentIdTag: 'FLEET-1', reservationId: 17 },
    });
  });

  it('reserves connector 0 (any connector) in 1.6 when no EVSE is named', () => {
    expectCall('1.6', reserve({ evseId: 0 }), {
      action: 'ReserveNow',
      payload: { connectorId: 0, expiryDate: '2026-03-01T12:30:00.000Z', idTag: 'TAG-7', reservationId: 17 },
    });
  });

  it('maps to 2.0.1 ReserveNow with a typed idToken, evseId, connectorType and a Central groupIdToken', () => {
    expectCall('2.0.1', reserve({ connectorType: 'cType2', groupIdToken: { value: 'FLEET-1', type: '' } }), {
      action: 'ReserveNow',
      payload: {
        id: 17,
        expiryDateTime: '2026-03-01T12:30:00.000Z',
        connectorType: 'cType2',
        idToken: { idToken: 'TAG-7', type: 'ISO14443' },
        evseId: 2,
        groupIdToken: { idToken: 'FLEET-1', type: 'Central' },
      },
    });
  });

  it('leaves the 2.0.1 EVSE out for a reservation of the station, and types an untyped token as an RFID card', () => {
    expectCall('2.0.1', reserve({ evseId: 0, idToken: { value: 'TAG-7', type: 'IdTag' } }), {
      action: 'ReserveNow',
      payload: { id: 17, expiryDateTime: '2026-03-01T12:30:00.000Z', idToken: { idToken: 'TAG-7', type: 'ISO14443' } },
    });
  });

  it('refuses what cannot be a reservation, before anything is sent', () => {
    expectRefusal('2.0.1', reserve({ reservationId: 0 }), 'needs a reservation id');
    expectRefusal('1.6', reserve({ reservationId: 2 ** 31 }), 'does not fit an OCPP integer');
    expectRefusal('1.6', reserve({ idToken: { value: '', type: '' } }), 'needs an id token');
    expectRefusal('2.0.1', reserve({ expiresAt: undefined }), 'needs an expiry');
    expectRefusal('1.6', reserve({ connectorType: 'cType2' }), 'OCPP 1.6 has no connector type');
    expectRefusal('2.0.1', reserve({ connectorType: 'cType9' }), 'connectorType');
    expectRefusal('1.6', reserve({ idToken: { value: 'T'.repeat(21), type: '' } }), 'must NOT have more than 20 characters');
    expectRefusal('2.0.1', reserve({ idToken: { value: 'TAG-7', type: 'Bogus' } }), 'is not an OCPP 2.0.1 IdTokenType');
  });

  it('reads a refusal with the station’s reason kept in stationStatus, and echoes the reservation id', () => {
    const occupied = validAnswer('1.6', 'ReserveNow', { status: 'Occupied' });
    expect(fromOcppResponse('1.6', reserve(), occupied)).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'Occupied', reservationId: 17 },
    });
    const accepted = validAnswer('2.0.1', 'ReserveNow', { status: 'Accepted' });
    expect(fromOcppResponse('2.0.1', reserve(), accepted)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', reservationId: 17 },
    });
  });
});

describe('cancel reservation', () => {
  it('maps to CancelReservation in both versions', () => {
    expectCall('1.6', cancel(17), { action: 'CancelReservation', payload: { reservationId: 17 } });
    expectCall('2.0.1', cancel(17), { action: 'CancelReservation', payload: { reservationId: 17 } });
  });

  it('refuses a missing reservation id', () => {
    expectRefusal('1.6', cancel(0), 'needs a reservation id');
  });

  it('reads Rejected (no such reservation at the station) as a refusal', () => {
    const answer = validAnswer('2.0.1', 'CancelReservation', { status: 'Rejected' });
    expect(fromOcppResponse('2.0.1', cancel(17), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'Rejected', reservationId: 17 },
    });
  });
});

import { tenths } from './charging-profile.mapper';
import { at, commandWith, expectCall, expectRefusal, kind, purpose, rateUnit, recurrency } from './station-command.fixtures';
import { toOcppCall } from './to-ocpp-call';

const fullProfile = {
  id: 12,
  stackLevel: 2,
  purpose: purpose.txDefault,
  kind: kind.recurring,
  recurrency: recurrency.daily,
  validFrom: at('2025-01-01T00:00:00Z'),
  validTo: at('2025-12-31T23:00:00Z'),
  schedule: {
    id: 4,
    startSchedule: at('2025-01-01T06:00:00Z'),
    durationSeconds: 86400,
    rateUnit: rateUnit.ampere,
    minChargingRate: 6,
    periods: [
      { startPeriodSeconds: 0, limit: 32, numberPhases: 3 },
      { startPeriodSeconds: 3600, limit: 16.34, numberPhases: 1 },
      { startPeriodSeconds: 7200, limit: 8 },
    ],
  },
};

const setProfile = (evseId: number, profile: object) => commandWith({ case: 'setChargingProfile', value: { evseId, profile } });

describe('charging profiles', () => {
  it('writes every field of a 1.6 csChargingProfiles, limits rounded down to 0.1', () => {
    expectCall('1.6', setProfile(1, fullProfile), {
      action: 'SetChargingProfile',
      payload: {
        connectorId: 1,
        csChargingProfiles: {
          chargingProfileId: 12,
          stackLevel: 2,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingProfileKind: 'Recurring',
          recurrencyKind: 'Daily',
          validFrom: '2025-01-01T00:00:00.000Z',
          validTo: '2025-12-31T23:00:00.000Z',
          chargingSchedule: {
            duration: 86400,
            startSchedule: '2025-01-01T06:00:00.000Z',
            chargingRateUnit: 'A',
            chargingSchedulePeriod: [
              { startPeriod: 0, limit: 32, numberPhases: 3 },
              { startPeriod: 3600, limit: 16.3, numberPhases: 1 },
              { startPeriod: 7200, limit: 8 },
            ],
            minChargingRate: 6,
          },
        },
      },
    });
  });

  it('writes every field of a 2.0.1 chargingProfile, with a one-schedule list carrying its id', () => {
    const profile = { ...fullProfile, purpose: purpose.tx, transactionId: 'tx-9', schedule: { ...fullProfile.schedule, periods: [{ startPeriodSeconds: 0, limit: 16.34, numberPhases: 1, phaseToUse: 2 }] } };
    expectCall('2.0.1', setProfile(1, profile), {
      action: 'SetChargingProfile',
      payload: {
        evseId: 1,
        chargingProfile: {
          id: 12,
          stackLevel: 2,
          chargingProfilePurpose: 'TxProfile',
          chargingProfileKind: 'Recurring',
          recurrencyKind: 'Daily',
          validFrom: '2025-01-01T00:00:00.000Z',
          validTo: '2025-12-31T23:00:00.000Z',
          transactionId: 'tx-9',
          chargingSchedule: [
            {
              id: 4,
              startSchedule: '2025-01-01T06:00:00.000Z',
              duration: 86400,
              chargingRateUnit: 'A',
              chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.34, numberPhases: 1, phaseToUse: 2 }],
              minChargingRate: 6,
            },
          ],
        },
      },
    });
  });

  it('names the station-max purpose per version, at connector/EVSE 0', () => {
    const stationMax = { ...fullProfile, purpose: purpose.stationMax, kind: kind.absolute, recurrency: recurrency.unspecified };
    const command = setProfile(0, { ...stationMax, schedule: { ...fullProfile.schedule, rateUnit: rateUnit.watt } });
    const payload16 = expect.objectContaining({ connectorId: 0, csChargingProfiles: expect.objectContaining({ chargingProfilePurpose: 'ChargePointMaxProfile' }) });
    const payload201 = expect.objectContaining({ evseId: 0, chargingProfile: expect.objectContaining({ chargingProfilePurpose: 'ChargingStationMaxProfile' }) });
    expect(toOcppCall('1.6', command)).toEqual({ ok: true, action: 'SetChargingProfile', payload: payload16 });
    expect(toOcppCall('2.0.1', command)).toEqual({ ok: true, action: 'SetChargingProfile', payload: payload201 });
  });

  it('writes a 1.6 TxProfile transaction id as an integer, and refuses one that is not', () => {
    const mapping = toOcppCall('1.6', setProfile(1, { ...fullProfile, purpose: purpose.tx, transactionId: '77' }));
    expect(mapping.ok && mapping.payload).toMatchObject({ csChargingProfiles: { chargingProfilePurpose: 'TxProfile', transactionId: 77 } });
    expectRefusal('1.6', setProfile(1, { ...fullProfile, purpose: purpose.tx, transactionId: 'tx-9' }), '"tx-9" is not an OCPP 1.6 (integer) transaction id');
  });

  it('refuses what 1.6 cannot say: the phase to use', () => {
    const profile = { ...fullProfile, schedule: { ...fullProfile.schedule, periods: [{ startPeriodSeconds: 0, limit: 16, numberPhases: 1, phaseToUse: 2 }] } };
    expectRefusal('1.6', setProfile(1, profile), 'cannot choose the phase to use');
  });

  it.each([
    ['no purpose', { purpose: purpose.unspecified }, 'has no purpose'],
    ['no kind', { kind: kind.unspecified }, 'has no kind'],
    ['a recurring kind without recurrency', { recurrency: recurrency.unspecified }, 'needs a recurrency'],
    ['no schedule', { schedule: undefined }, 'has no schedule'],
    ['no rate unit', { schedule: { ...fullProfile.schedule, rateUnit: rateUnit.unspecified } }, 'has no rate unit'],
    ['no periods', { schedule: { ...fullProfile.schedule, periods: [] } }, 'has no periods'],
  ])('refuses a profile with %s in both versions', (_case, change, reason) => {
    expectRefusal('1.6', setProfile(1, { ...fullProfile, ...change }), reason);
    expectRefusal('2.0.1', setProfile(1, { ...fullProfile, ...change }), reason);
  });

  it('refuses a timestamp no OCPP date-time can hold, naming the field', () => {
    const farFuture = { seconds: 10n ** 15n, nanos: 0 };
    expectRefusal('1.6', setProfile(1, { ...fullProfile, validTo: farFuture }), '/csChargingProfiles/validTo must match format "date-time"');
  });

  // Regression: exact floating-point division once made the 1.6 validator refuse 10.7 (10.7 / 0.1 = 106.99999999999999).
  it.each([10.7, 6.6, 0.3])('sends a 1.6 limit of %p A', (limit) => {
    const profile = { ...fullProfile, schedule: { ...fullProfile.schedule, periods: [{ startPeriodSeconds: 0, limit, numberPhases: 3, phaseToUse: 0 }] } };
    const mapping = toOcppCall('1.6', setProfile(1, profile));
    expect(mapping.ok).toBe(true);
  });

  it('rounds 1.6 limits down to one decimal, never up', () => {
    expect([tenths(16.34), tenths(16.39), tenths(16.3), tenths(7.2), tenths(32)]).toEqual([16.3, 16.3, 16.3, 7.2, 32]);
  });
});

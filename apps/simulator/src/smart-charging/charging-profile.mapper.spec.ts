import { clearCriteriaFrom16, clearCriteriaFrom201, profileFrom16, profileFrom201 } from './charging-profile.mapper';

const received = Date.parse('2025-01-01T00:00:00Z');

describe('charging profile mapping', () => {
  it('reads a 1.6 profile: purpose, numeric transaction id, instants, sorted periods', () => {
    const profile = profileFrom16(
      {
        chargingProfileId: 3,
        transactionId: 55,
        stackLevel: 2,
        chargingProfilePurpose: 'ChargePointMaxProfile',
        chargingProfileKind: 'Recurring',
        recurrencyKind: 'Daily',
        validFrom: '2025-01-01T00:00:00Z',
        validTo: '2025-02-01T00:00:00Z',
        chargingSchedule: {
          duration: 86400,
          startSchedule: '2025-01-01T06:00:00Z',
          chargingRateUnit: 'W',
          chargingSchedulePeriod: [
            { startPeriod: 3600, limit: 7000, numberPhases: 1 },
            { startPeriod: 0, limit: 11000 },
          ],
        },
      },
      received,
    );
    expect(profile).toEqual({
      id: 3,
      stackLevel: 2,
      purpose: 'StationMax',
      kind: 'Recurring',
      recurrency: 'Daily',
      validFrom: Date.parse('2025-01-01T00:00:00Z'),
      validTo: Date.parse('2025-02-01T00:00:00Z'),
      transactionId: '55',
      schedule: {
        startSchedule: Date.parse('2025-01-01T06:00:00Z'),
        duration: 86400,
        unit: 'W',
        periods: [{ startPeriod: 0, limit: 11000 }, { startPeriod: 3600, limit: 7000, numberPhases: 1 }],
        minChargingRate: undefined,
      },
      receivedAt: received,
    });
  });

  it('reads a 2.0.1 profile, using its first schedule', () => {
    const profile = profileFrom201(
      {
        id: 9,
        stackLevel: 0,
        chargingProfilePurpose: 'ChargingStationExternalConstraints',
        chargingProfileKind: 'Relative',
        transactionId: 'tx-1',
        chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
      },
      received,
    );
    expect(profile).toMatchObject({ id: 9, purpose: 'ExternalConstraints', kind: 'Relative', transactionId: 'tx-1', schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 16 }] } });
  });

  it('reads ClearChargingProfile criteria of both versions', () => {
    expect(clearCriteriaFrom16({ connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 2 })).toEqual({ id: undefined, evseId: 1, purpose: 'TxDefault', stackLevel: 2 });
    expect(clearCriteriaFrom201({ chargingProfileId: 4 })).toEqual({ id: 4, evseId: undefined, purpose: undefined, stackLevel: undefined });
    expect(clearCriteriaFrom201({ chargingProfileCriteria: { evseId: 0, chargingProfilePurpose: 'ChargingStationMaxProfile' } })).toMatchObject({ evseId: 0, purpose: 'StationMax' });
  });
});

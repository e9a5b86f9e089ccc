import type { Ocpp201 } from '@app/ocpp';
import { validateRequest } from '@app/ocpp';
import type { ChargingProfile, InstalledProfile } from './charging-profile';
import { profileReports, selectProfiles } from './profile-report';

const T0 = Date.parse('2025-06-01T10:00:00Z');

function installed(evseId: number, overrides: Partial<ChargingProfile>): InstalledProfile {
  const profile: ChargingProfile = {
    id: 1,
    stackLevel: 0,
    purpose: 'TxDefault',
    kind: 'Absolute',
    receivedAt: T0,
    schedule: { id: 3, startSchedule: T0, unit: 'A', periods: [{ startPeriod: 0, limit: 16 }] },
    ...overrides,
  };
  return { evseId, profile };
}

const stationMax = installed(0, { id: 10, purpose: 'StationMax', schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 22000, numberPhases: 3 }] } });
const txDefault = installed(1, { id: 11 });
const tx = installed(1, { id: 12, purpose: 'Tx', stackLevel: 2, kind: 'Relative', transactionId: 'tx-1', schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 10 }] } });
const ems = installed(0, { id: 1_900_000_001, purpose: 'ExternalConstraints', source: 'EMS', schedule: { startSchedule: T0, unit: 'A', periods: [{ startPeriod: 0, limit: 20 }] } });
const all = [stationMax, txDefault, tx, ems];

const ask = (request: Partial<Ocpp201.GetChargingProfilesRequest> = {}): Ocpp201.GetChargingProfilesRequest => ({ requestId: 1, chargingProfile: {}, ...request });

describe('selectProfiles', () => {
  it('takes every profile when nothing narrows, the station-wide ones for EVSE 0', () => {
    expect(selectProfiles(all, ask())).toEqual(all);
    expect(selectProfiles(all, ask({ evseId: 0 }))).toEqual([stationMax, ems]);
    expect(selectProfiles(all, ask({ evseId: 1 }))).toEqual([txDefault, tx]);
  });

  it('matches every criterion given: purpose, stack level, ids and source (CSO for what the CSMS set)', () => {
    expect(selectProfiles(all, ask({ chargingProfile: { chargingProfilePurpose: 'TxProfile' } }))).toEqual([tx]);
    expect(selectProfiles(all, ask({ chargingProfile: { stackLevel: 0, chargingProfileId: [10, 11, 12] } }))).toEqual([stationMax, txDefault]);
    expect(selectProfiles(all, ask({ chargingProfile: { chargingLimitSource: ['EMS'] } }))).toEqual([ems]);
    expect(selectProfiles(all, ask({ evseId: 2 }))).toEqual([]);
  });
});

describe('profileReports', () => {
  it('sends one valid report per EVSE and source, tbc on all but the last', () => {
    const reports = profileReports(42, all);
    expect(reports.map(({ evseId, chargingLimitSource, tbc, chargingProfile }) => [evseId, chargingLimitSource, tbc, chargingProfile.map((p) => p.id)])).toEqual([
      [0, 'CSO', true, [10]],
      [1, 'CSO', true, [11, 12]],
      [0, 'EMS', undefined, [1_900_000_001]],
    ]);
    for (const report of reports) expect(validateRequest('2.0.1', 'ReportChargingProfiles', report)).toEqual({ ok: true });
  });

  it('writes a profile as it was set, schedule id included, the transaction only for a TxProfile', () => {
    const [, evse1] = profileReports(42, all);
    expect(evse1?.chargingProfile).toEqual([
      {
        id: 11,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: [{ id: 3, startSchedule: '2025-06-01T10:00:00.000Z', chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
      },
      {
        id: 12,
        stackLevel: 2,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        transactionId: 'tx-1',
        chargingSchedule: [{ id: 12, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] }],
      },
    ]);
  });

  it('sends nothing when nothing was selected', () => {
    expect(profileReports(1, [])).toEqual([]);
  });
});

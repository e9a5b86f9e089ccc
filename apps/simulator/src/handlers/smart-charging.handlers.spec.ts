import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';

describe('GetChargingProfiles on a 2.0.1 station', () => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = 'GCP-201';
  const reports = () => csms.received.filter((call) => call.action === 'ReportChargingProfiles').map((call) => call.payload);

  beforeEach(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version: '2.0.1', connection: { url: csms.url, securityProfile: 0 }, evseCount: 2 });
    await station.connect();
    await station.boot();
    const txDefault = {
      id: 5,
      stackLevel: 1,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: [{ id: 50, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
    };
    await expect(csms.call(id, 'SetChargingProfile', { evseId: 1, chargingProfile: txDefault })).resolves.toEqual({ status: 'Accepted' });
    await station.notifyChargingLimit({ source: 'EMS', schedule: { unit: 'W', startSchedule: Date.parse('2025-06-01T00:00:00Z'), periods: [{ startPeriod: 0, limit: 30000 }] } });
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('answers Accepted, then reports the profiles it holds per EVSE and source', async () => {
    await expect(csms.call(id, 'GetChargingProfiles', { requestId: 9, chargingProfile: {} })).resolves.toEqual({ status: 'Accepted' });
    await csms.waitFor(() => reports().length === 2);
    expect(reports()).toEqual([
      {
        requestId: 9,
        chargingLimitSource: 'CSO',
        evseId: 1,
        tbc: true,
        chargingProfile: [
          {
            id: 5,
            stackLevel: 1,
            chargingProfilePurpose: 'TxDefaultProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: [{ id: 50, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
          },
        ],
      },
      {
        requestId: 9,
        chargingLimitSource: 'EMS',
        evseId: 0,
        chargingProfile: [expect.objectContaining({ chargingProfilePurpose: 'ChargingStationExternalConstraints', stackLevel: 0 })],
      },
    ]);
    expect(station.counters.protocolIssues).toBe(0);
  });

  it('answers NoProfiles and reports nothing when no profile matches', async () => {
    const request = { requestId: 10, evseId: 2, chargingProfile: { chargingProfilePurpose: 'TxProfile' } };
    await expect(csms.call(id, 'GetChargingProfiles', request)).resolves.toEqual({ status: 'NoProfiles' });
    await expect(csms.call(id, 'GetChargingProfiles', { requestId: 11, chargingProfile: { chargingLimitSource: ['SO'] } })).resolves.toEqual({
      status: 'NoProfiles',
    });
    expect(reports()).toEqual([]);
  });
});

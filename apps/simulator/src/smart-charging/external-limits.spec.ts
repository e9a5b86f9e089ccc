import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';
import { externalProfileId } from './external-limits';

describe.each(['1.6', '2.0.1'] as const)('limits set from outside the CSMS, OCPP %s', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const clock = Date.parse('2025-06-01T16:00:00Z');
  const id = `EXT-${version.replaceAll('.', '')}`;
  const sent = (action: string) => csms.received.filter((call) => call.action === action).map((call) => call.payload);

  beforeEach(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 0 }, evseCount: 2, now: () => clock });
    await station.connect();
    await station.boot();
    await station.startTransaction({ evseId: 1, idToken: 'TAG' });
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('obeys the limit at once, and a 2.0.1 station tells the CSMS with its schedule', async () => {
    await station.notifyChargingLimit({ source: 'SO', gridCritical: true, schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 10 }] } });
    expect(station.limitOn(1)).toMatchObject({ unit: 'A', limit: 10 });
    expect(station.limitOn(2)).toMatchObject({ unit: 'A', limit: 10 });
    expect(station.currentDraw(1)).toMatchObject({ ampsPerPhase: 10, phases: 3 });
    expect(station.profiles.list()).toEqual([expect.objectContaining({ evseId: 0, profile: expect.objectContaining({ id: externalProfileId(0, 'SO'), source: 'SO' }) })]);
    const expected =
      version === '2.0.1'
        ? [
            {
              chargingLimit: { chargingLimitSource: 'SO', isGridCritical: true },
              chargingSchedule: [{ id: 1, startSchedule: '2025-06-01T16:00:00.000Z', chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] }],
            },
          ]
        : [];
    expect(sent('NotifyChargingLimit')).toEqual(expected);
  });

  it('replaces a limit from the same source and EVSE, and lifts it on clearing', async () => {
    await station.notifyChargingLimit({ source: 'EMS', evseId: 1, schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 6900 }] } });
    await station.notifyChargingLimit({ source: 'EMS', evseId: 1, schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 9200 }] } });
    expect(station.profiles.list()).toHaveLength(1);
    expect(station.currentDraw(1)).toMatchObject({ watts: 9200 });
    await station.clearChargingLimit('EMS', 1);
    expect(station.profiles.list()).toEqual([]);
    expect(station.currentDraw(1)).toMatchObject({ watts: 22080 });
    expect(sent('ClearedChargingLimit')).toEqual(version === '2.0.1' ? [{ chargingLimitSource: 'EMS', evseId: 1 }] : []);
    expect(sent('NotifyChargingLimit').map((payload) => payload.evseId)).toEqual(version === '2.0.1' ? [1, 1] : []);
  });

  it('sends nothing to clear a limit it does not have', async () => {
    await station.clearChargingLimit('SO');
    expect(sent('ClearedChargingLimit')).toEqual([]);
    expect(station.counters.protocolIssues).toBe(0);
  });
});

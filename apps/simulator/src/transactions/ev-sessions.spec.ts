import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '../simulated-station';
import { type ReceivedCall, TestCsms } from '../testing/test-csms';

const T0 = Date.parse('2025-06-01T16:00:00Z');
const HOUR = 3_600_000;

/** The sampled values of a meter message in either version: [measurand, phase, value]. */
function readings(call: ReceivedCall | undefined): [string, string, number][] {
  const payload = call?.payload ?? {};
  const meterValues = (payload.meterValue ?? payload.transactionData ?? []) as { sampledValue: { measurand?: string; phase?: string; value: string | number }[] }[];
  return meterValues.flatMap((meterValue) => meterValue.sampledValue.map((sampled): [string, string, number] => [sampled.measurand ?? '', sampled.phase ?? '', Number(sampled.value)]));
}

const currents = (call: ReceivedCall | undefined) => readings(call).filter(([measurand]) => measurand === 'Current.Import');
const chargingState = (call: ReceivedCall | undefined) => (call?.payload.transactionInfo as { chargingState?: string } | undefined)?.chargingState;

describe.each(['1.6', '2.0.1'] as const)('EVs a test plugs in, OCPP %s', (version: OcppVersion) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  let clock = T0;
  const id = `EV-${version.replaceAll('.', '')}`;
  const lastMeter = () => csms.received.filter((call) => call.action === 'MeterValues' || call.action === 'TransactionEvent').at(-1);

  beforeEach(async () => {
    clock = T0;
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 0 }, evseCount: 2, now: () => clock });
    await station.connect();
    await station.boot();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('draws on L1 only for a single-phase EV, at its own maximum, and reports that current', async () => {
    await station.startTransaction({ evseId: 1, idToken: 'TAG', vehicle: { phases: 1, maxCurrentA: 16 } });
    clock += HOUR / 4;
    await station.sendMeterValues(1, 'Periodic');
    expect(currents(lastMeter())).toEqual([['Current.Import', 'L1', 16]]);
    expect(station.currentDraw(1)).toMatchObject({ phases: 1, ampsPerPhase: 16, watts: 3680 });
  });

  it('draws what a profile allows on every phase of a three-phase EV, and pauses below 6 A', async () => {
    await station.startTransaction({ evseId: 1, idToken: 'TAG' });
    await station.notifyChargingLimit({ source: 'EMS', schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 1800, limit: 4 }] } });
    clock += HOUR / 4;
    await station.sendMeterValues(1, 'Periodic');
    expect(currents(lastMeter())).toEqual([
      ['Current.Import', 'L1', 10],
      ['Current.Import', 'L2', 10],
      ['Current.Import', 'L3', 10],
    ]);
    clock += HOUR / 2;
    await station.sendMeterValues(1, 'Periodic');
    expect(currents(lastMeter()).map(([, , amps]) => amps)).toEqual([0, 0, 0]);
    if (version === '2.0.1') expect(chargingState(lastMeter())).toBe('SuspendedEVSE');
    // 10 A on three phases for the first half hour only.
    expect(readings(lastMeter()).find(([measurand]) => measurand === 'Energy.Active.Import.Register')?.[2]).toBe(3450);
  });

  it('overdraws its profile by what it is told to ignore it by, never above the EV or the hardware, and obeys again at 0', async () => {
    await station.startTransaction({ evseId: 1, idToken: 'TAG' });
    await station.notifyChargingLimit({ source: 'EMS', schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 10 }] } });
    await station.setOverdraw(8);
    clock += HOUR / 4;
    await station.sendMeterValues(1, 'Periodic');
    expect(currents(lastMeter()).map(([, phase, amps]) => [phase, amps])).toEqual([
      ['L1', 18],
      ['L2', 18],
      ['L3', 18],
    ]);
    expect(station.limitOn(1)).toMatchObject({ unit: 'A', limit: 10 });
    await station.setOverdraw(30);
    expect(station.currentDraw(1)).toMatchObject({ ampsPerPhase: 32 });
    await station.setOverdraw(0);
    clock += HOUR / 4;
    await station.sendMeterValues(1, 'Periodic');
    expect(currents(lastMeter()).map(([, , amps]) => amps)).toEqual([10, 10, 10]);
    // 18 A for the first quarter hour, 10 A for the second, on three phases.
    expect(readings(lastMeter()).find(([measurand]) => measurand === 'Energy.Active.Import.Register')?.[2]).toBe(Math.floor((18 + 10) * 230 * 3 / 4));
    await expect(station.setOverdraw(-1)).rejects.toMatchObject({ code: 'invalid-settings' });
  });

  it('stops drawing once the EV has the energy it wanted', async () => {
    await station.startTransaction({ evseId: 2, idToken: 'TAG', vehicle: { phases: 3, maxCurrentA: 16, energyNeedWh: 5000 } });
    clock += HOUR;
    await station.sendMeterValues(2, 'Periodic');
    expect(readings(lastMeter()).find(([measurand]) => measurand === 'Energy.Active.Import.Register')?.[2]).toBe(5000);
    expect(station.currentDraw(2)).toMatchObject({ watts: 0, suspended: 'EV' });
    if (version === '2.0.1') expect(chargingState(lastMeter())).toBe('SuspendedEV');
  });

  it('states the EV’s needs after the transaction started (2.0.1 NotifyEVChargingNeeds), as ISO 15118 does', async () => {
    const answered = version === '2.0.1' ? station.events.next('chargingNeedsAnswered') : undefined;
    const vehicle = { phases: 1, maxCurrentA: 32, minCurrentA: 8, energyNeedWh: 20_000.4, departureAt: T0 + 3 * HOUR };
    await station.startTransaction({ evseId: 1, idToken: 'TAG', vehicle });
    const actions = csms.received.map((call) => call.action);
    const needs = csms.received.filter((call) => call.action === 'NotifyEVChargingNeeds').map((call) => call.payload);
    if (version === '1.6') {
      expect(needs).toEqual([]);
      return;
    }
    expect(actions.indexOf('NotifyEVChargingNeeds')).toBeGreaterThan(actions.indexOf('TransactionEvent'));
    expect(needs).toEqual([
      {
        evseId: 1,
        chargingNeeds: {
          requestedEnergyTransfer: 'AC_single_phase',
          departureTime: '2025-06-01T19:00:00.000Z',
          acChargingParameters: { energyAmount: 20000, evMinCurrent: 8, evMaxCurrent: 32, evMaxVoltage: 230 },
        },
      },
    ]);
    await expect(answered).resolves.toEqual({ evseId: 1, status: 'Accepted' });
  });

  it('states no needs for an EV that has none', async () => {
    await station.startTransaction({ evseId: 1, idToken: 'TAG' });
    expect(csms.received.filter((call) => call.action === 'NotifyEVChargingNeeds')).toEqual([]);
    expect(station.counters.protocolIssues).toBe(0);
  });
});

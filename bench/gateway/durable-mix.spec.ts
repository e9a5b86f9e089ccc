import { OcppErrorKind, OcppRpcError, type OcppVersion } from '@app/ocpp';
import { NO_ANSWER, type ReceivedCall, SimulatedStation, TestCsms } from '@app/simulator';
import { CallRecorder } from './call-recorder';
import { DurableMix, STATION_CYCLE, callsPerStep } from './durable-mix';

async function bootedStation(csms: TestCsms, id: string, version: OcppVersion, callTimeoutMs = 10_000): Promise<SimulatedStation> {
  const station = new SimulatedStation({ id, version, callTimeoutMs, meterIntervalS: 86_400, connection: { url: csms.url, securityProfile: 0 } });
  await station.connect();
  await station.boot();
  return station;
}

function callsFrom(csms: TestCsms, stationId: string): ReceivedCall[] {
  return csms.received.filter((call) => call.stationId === stationId && call.action !== 'BootNotification');
}

describe('DurableMix', () => {
  let csms: TestCsms;
  const stations: SimulatedStation[] = [];

  afterEach(async () => {
    await Promise.all(stations.splice(0).map((station) => station.dispose()));
    await csms.close();
  });

  it.each(['1.6', '2.0.1'] as const)('walks one %s station through a whole cycle: a session with its meter values, then idle traffic', async (version) => {
    csms = await TestCsms.start();
    const station = await bootedStation(csms, `MIX-${version}`, version);
    stations.push(station);
    const mix = new DurableMix([station]);
    const recorder = mix.record(new CallRecorder());
    const cycleCalls = STATION_CYCLE.reduce((sum, step) => sum + callsPerStep(version, step), 0);
    // One cycle's worth of schedule at 200 CALLs/s: the steps taken depend on the schedule alone, not on timing.
    await mix.run(200, cycleCalls / 200);
    recorder.stop();

    const calls = callsFrom(csms, station.id);
    expect(calls).toHaveLength(cycleCalls);
    const actions = calls.map((call) => call.action);
    if (version === '1.6') {
      expect(actions.slice(0, 3)).toEqual(['StatusNotification', 'StartTransaction', 'StatusNotification']);
      expect(calls.slice(3, 13).every((call) => call.action === 'MeterValues' && call.payload['transactionId'] !== undefined)).toBe(true);
      expect(actions.slice(13)).toEqual(['StopTransaction', 'StatusNotification', 'StatusNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'Heartbeat']);
    } else {
      expect(actions.slice(0, 2)).toEqual(['StatusNotification', 'TransactionEvent']);
      expect(calls.slice(1, 13).map((call) => call.payload['eventType'])).toEqual(['Started', ...Array.from({ length: 10 }, () => 'Updated'), 'Ended']);
      expect(actions.slice(13)).toEqual(['StatusNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'Heartbeat']);
    }
    const figures = recorder.figures();
    expect(figures.answered).toBe(cycleCalls);
    expect(figures.steps).toBe(STATION_CYCLE.length);
    expect(figures.callErrors).toEqual({});
    expect(figures.unanswered).toEqual({});
  });

  it('counts CALLERRORs by code apart from calls left unanswered, and a step due during an unanswered call as a late send', async () => {
    csms = await TestCsms.start({
      respond: (call) => {
        if (call.action === 'StatusNotification') throw new OcppRpcError(OcppErrorKind.InternalError, 'refused by the test');
        if (call.action === 'Heartbeat') return NO_ANSWER;
        return undefined;
      },
    });
    const station = await bootedStation(csms, 'MIX-ERR', '1.6', 300);
    stations.push(station);
    // Start in the idle part of the cycle: Heartbeat, StatusNotification, MeterValues, Heartbeat.
    const mix = new DurableMix([station], () => STATION_CYCLE.indexOf('Heartbeat'));
    const recorder = mix.record(new CallRecorder());
    // 100 CALLs/s: a step is due every 10 ms, long before an unanswered Heartbeat times out (300 ms).
    await mix.run(100, 0.04);
    recorder.stop();

    const figures = recorder.figures();
    expect(figures.unanswered).toEqual({ timeout: 2 });
    expect(figures.callErrors).toEqual({ InternalError: 1 });
    expect(figures.answered).toBe(1);
    expect(figures.latencyByAction).toEqual({ MeterValues: expect.objectContaining({ count: 1 }) });
    // Every step after the first Heartbeat went out once its 300 ms timeout had passed, long after it was due.
    expect(figures.steps).toBe(4);
    expect(figures.lateSends).toBe(3);
  });

  it('gives up on the steps still behind schedule once the drain time after the end has passed, and counts them as not sent', async () => {
    csms = await TestCsms.start({ respond: (call) => (call.action === 'Heartbeat' ? NO_ANSWER : undefined) });
    const station = await bootedStation(csms, 'MIX-DRAIN', '2.0.1', 300);
    stations.push(station);
    const mix = new DurableMix([station], () => STATION_CYCLE.indexOf('Heartbeat'));
    const recorder = mix.record(new CallRecorder());
    // Four steps due within 40 ms, no drain time: the unanswered Heartbeat (300 ms) outlasts the whole schedule.
    await mix.run(100, 0.04, 0);
    recorder.stop();

    const figures = recorder.figures();
    expect(figures.steps).toBe(1);
    expect(figures.stepsNotSent).toBe(3);
    expect(figures.unanswered).toEqual({ timeout: 1 });
    expect(callsFrom(csms, station.id).map((call) => call.action)).toEqual(['Heartbeat']);
  });
});

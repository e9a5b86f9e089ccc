import { type ReceivedCall, TestCsms } from '../testing/test-csms';
import { Fleet, type FleetOptions, stationIdOf, versionOf } from './fleet';

function fleetOptions(url: string, overrides: Partial<FleetOptions> = {}): FleetOptions {
  return {
    url,
    count: 4,
    version: 'mixed',
    securityProfile: 0,
    prefix: 'FLT-',
    scenario: 'boot',
    meterIntervalS: 1,
    durationS: 20,
    concurrency: 2,
    sourceAddresses: ['127.0.0.1', '127.0.0.2'],
    shutdownGraceMs: 5000,
    ...overrides,
  };
}

describe('Fleet', () => {
  let csms: TestCsms;

  beforeEach(async () => {
    csms = await TestCsms.start({ password: 'fleet-password-16' });
  });

  afterEach(() => csms.close());

  it('names stations with a zero-padded number and alternates versions when mixed', () => {
    expect(stationIdOf('SIM-', 0, 10)).toBe('SIM-0001');
    expect(stationIdOf('SIM-', 99_999, 100_000)).toBe('SIM-100000');
    expect(stationIdOf('SITE-', 9, 10, 3)).toBe('SITE-010');
    expect([0, 1, 2].map((index) => versionOf('mixed', index))).toEqual(['1.6', '2.0.1', '1.6']);
    expect(versionOf('1.6', 1)).toBe('1.6');
  });

  it('boots every station and ends as soon as all are done', async () => {
    const fleet = new Fleet(fleetOptions(csms.url, { securityProfile: 1, password: () => 'fleet-password-16' }));
    const { ok, snapshot } = await fleet.run();
    expect(ok).toBe(true);
    expect(snapshot).toMatchObject({ stations: 4, booted: 4, failed: 0, connected: 0, disconnects: 4 });
    expect(snapshot.elapsedMs).toBeLessThan(10_000);
    expect(new Set(csms.received.filter((call) => call.action === 'BootNotification').map((call) => call.version))).toEqual(new Set(['1.6', '2.0.1']));
    expect(snapshot.latencyByAction.BootNotification?.count).toBe(4);
  });

  it('charges until stopped, then stops every transaction and disconnects', async () => {
    const fleet = new Fleet(fleetOptions(csms.url, { scenario: 'charge', securityProfile: 1, password: () => 'fleet-password-16' }));
    const running = fleet.run();
    await csms.waitFor((call) => call.action === 'MeterValues');
    await csms.waitFor((call) => call.action === 'TransactionEvent' && call.payload.eventType === 'Updated');
    fleet.stop();
    const { ok, snapshot } = await running;
    expect(ok).toBe(true);
    expect(snapshot).toMatchObject({ transactionsStarted: 4, transactionsStopped: 4, failed: 0, connected: 0 });
    expect(snapshot.meterValuesSent).toBeGreaterThanOrEqual(2);
  });

  it('connects again, after the Retry-After it was given, when the CSMS turns a station away as overloaded', async () => {
    const turnedAway = new Map<string, number>();
    await csms.close();
    csms = await TestCsms.start({
      turnAway: (path) => {
        const times = turnedAway.get(path) ?? 0;
        turnedAway.set(path, times + 1);
        return times === 0 ? 0 : undefined;
      },
    });
    const { ok, snapshot } = await new Fleet(fleetOptions(csms.url)).run();
    expect(ok).toBe(true);
    expect(snapshot).toMatchObject({ stations: 4, booted: 4, failed: 0 });
    expect([...turnedAway.values()]).toEqual([2, 2, 2, 2]);
  });

  it('reconnects and boots again when the CSMS drops idle stations', async () => {
    await csms.close();
    const heartbeatEverySecond = (call: ReceivedCall): object | undefined =>
      call.action === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 1 } : undefined;
    csms = await TestCsms.start({ respond: heartbeatEverySecond });
    const fleet = new Fleet(fleetOptions(csms.url, { scenario: 'idle', count: 2 }));
    const running = fleet.run();
    const count = (action: string): number => csms.received.filter((call) => call.action === action).length;
    // A heartbeat from each station: both are up, so a drop now is one of an established connection.
    await csms.waitFor(() => new Set(csms.received.filter((call) => call.action === 'Heartbeat').map((call) => call.stationId)).size === 2);
    csms.dropConnections();
    await csms.waitFor(() => count('BootNotification') === 4);
    fleet.stop();
    const { ok, snapshot } = await running;
    expect(ok).toBe(true);
    expect(snapshot.disconnects).toBe(4);
  });

  it.each([
    [1001, 'Going Away (a draining replica)'],
    [1012, 'Service Restart'],
  ])('reconnects and boots again when the CSMS closes idle stations with %i %s', async (code) => {
    await csms.close();
    const heartbeatEverySecond = (call: ReceivedCall): object | undefined =>
      call.action === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 1 } : undefined;
    csms = await TestCsms.start({ respond: heartbeatEverySecond });
    const fleet = new Fleet(fleetOptions(csms.url, { scenario: 'idle', count: 2 }));
    const running = fleet.run();
    const count = (action: string): number => csms.received.filter((call) => call.action === action).length;
    await csms.waitFor(() => new Set(csms.received.filter((call) => call.action === 'Heartbeat').map((call) => call.stationId)).size === 2);
    csms.closeConnections(code, 'replica shutting down');
    await csms.waitFor(() => count('BootNotification') === 4);
    fleet.stop();
    const { ok, snapshot } = await running;
    expect(ok).toBe(true);
    expect(snapshot.disconnects).toBe(4);
  });

  it('waits at least the Retry-After of a 503 before its next reconnect attempt, not only its back-off', async () => {
    await csms.close();
    const attempts: { at: number; retryAfterS: number | undefined }[] = [];
    let refuseNext = false;
    const heartbeatEverySecond = (call: ReceivedCall): object | undefined =>
      call.action === 'BootNotification' ? { status: 'Accepted', currentTime: new Date().toISOString(), interval: 1 } : undefined;
    csms = await TestCsms.start({
      respond: heartbeatEverySecond,
      turnAway: () => {
        const retryAfterS = refuseNext ? 3 : undefined;
        refuseNext = false;
        attempts.push({ at: Date.now(), retryAfterS });
        return retryAfterS;
      },
    });
    const fleet = new Fleet(fleetOptions(csms.url, { scenario: 'idle', count: 1 }));
    const running = fleet.run();
    await csms.waitFor((call) => call.action === 'Heartbeat');
    refuseNext = true;
    csms.closeConnections(1001, 'replica shutting down');
    await csms.waitFor(() => attempts.length === 3, 15_000);
    fleet.stop();
    expect((await running).ok).toBe(true);
    const [, refused, admitted] = attempts;
    expect(refused?.retryAfterS).toBe(3);
    // The back-off alone would try again after 1-2 s.
    expect((admitted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(3000);
  });

  it('fails, with the refusals counted by HTTP status, when the CSMS refuses the stations', async () => {
    const fleet = new Fleet(fleetOptions(csms.url, { securityProfile: 1, password: () => 'wrong-password-16' }));
    const { ok, snapshot } = await fleet.run();
    expect(ok).toBe(false);
    expect(snapshot).toMatchObject({ failed: 4, failuresByCode: { 'connect-failed': 4 }, refusedByStatus: { '401': 4 }, booted: 0 });
  });
});

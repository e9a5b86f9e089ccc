import { ConnectFailureCode } from '../connection/station-socket';
import { StationEvents } from '../station/station-events';
import { FleetMetrics } from './fleet-metrics';

describe('FleetMetrics', () => {
  it('aggregates the events of several stations', () => {
    let now = 1000;
    const metrics = new FleetMetrics(() => now);
    const [a, b] = [new StationEvents(), new StationEvents()];
    metrics.observe('A', a);
    metrics.observe('B', b);
    a.emit('connected', { protocol: 'ocpp1.6' });
    b.emit('connectFailed', { code: ConnectFailureCode.Refused, httpStatus: 401, message: 'refused' });
    b.emit('connectFailed', { code: ConnectFailureCode.Network, errno: 'ECONNREFUSED', message: 'refused' });
    b.emit('connectFailed', { code: ConnectFailureCode.Timeout, message: 'slow' });
    a.emit('booted', { status: 'Pending', intervalS: 1 });
    a.emit('booted', { status: 'Accepted', intervalS: 300 });
    a.emit('booted', { status: 'Accepted', intervalS: 300 });
    a.emit('callCompleted', { action: 'BootNotification', durationMs: 5 });
    a.emit('callCompleted', { action: 'BootNotification', durationMs: 15 });
    a.emit('callCompleted', { action: 'Heartbeat', durationMs: 30000, errorCode: 'timeout' });
    a.emit('callReceived', { action: 'Reset' });
    a.emit('callReceived', { action: 'Foo', errorCode: 'NotImplemented' });
    a.emit('transactionStarted', { evseId: 1, transactionId: '1' });
    a.emit('meterValues', { evseId: 1, sample: { timestamp: 0, energyWh: 0, draw: { watts: 0, ampsPerPhase: 0, phases: 3, voltageV: 230 } } });
    a.emit('transactionStopped', { evseId: 1, transactionId: '1', reason: 'Local' });
    a.emit('disconnected', { code: 1006, reason: '' });
    metrics.stationFailed('connect-failed');
    now = 3500;

    const snapshot = metrics.snapshot();
    expect(snapshot).toMatchObject({
      elapsedMs: 2500,
      stations: 2,
      connected: 0,
      booted: 1,
      failed: 1,
      failuresByCode: { 'connect-failed': 1 },
      refusedByStatus: { '401': 1 },
      connectErrorsByCode: { ECONNREFUSED: 1, timeout: 1 },
      disconnects: 1,
      callsSent: 3,
      callsReceived: 2,
      errorsByCode: { NotImplemented: 1, timeout: 1 },
      transactionsStarted: 1,
      transactionsStopped: 1,
      meterValuesSent: 1,
    });
    expect(snapshot.latencyByAction.BootNotification).toMatchObject({ count: 2, maxMs: 15 });
    expect(snapshot.latencyByAction.Heartbeat).toBeUndefined();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});

import { validateRequest } from '@app/ocpp';
import type { ActiveTransaction, MeterSample, StopReason } from '../station/station-model';
import { ocpp16Dialect } from './ocpp16.dialect';
import { ocpp201Dialect } from './ocpp201.dialect';
import type { OutgoingCall } from './station-dialect';

const T0 = Date.parse('2025-03-01T12:00:00Z');
const identity = { vendor: 'CSMS', model: 'Simulator', serialNumber: 'SN-1', firmwareVersion: '1.0.0' };
const sample: MeterSample = { timestamp: T0 + 60_000, energyWh: 1234.56, draw: { watts: 6900, ampsPerPhase: 10, phases: 3, voltageV: 230 } };
const transaction: ActiveTransaction = {
  evseId: 1,
  localId: '5f0c3f0e-7a55-4d1e-9d1c-0b0d8a1b2c3d',
  transactionId: '42',
  idToken: 'TAG-1',
  startedAt: T0,
  meterStartWh: 1000,
  trigger: 'Remote',
  remoteStartId: 7,
  nextSeqNo: 3,
};
const reasons: StopReason[] = ['Local', 'Remote', 'EVDisconnected', 'DeAuthorized', 'HardReset', 'SoftReset', 'Reboot', 'UnlockCommand', 'Other'];

describe.each([ocpp16Dialect, ocpp201Dialect])('the $version dialect', (dialect) => {
  const tx = dialect.stationAssignsTransactionIds ? { ...transaction, transactionId: transaction.localId } : transaction;
  const calls: [string, OutgoingCall][] = [
    ['BootNotification', dialect.bootNotification(identity, 'PowerUp')],
    ['Heartbeat', dialect.heartbeat()],
    ['StatusNotification', dialect.statusNotification(2, 'Charging', T0)],
    ['Authorize', dialect.authorize('TAG-1')],
    ['transaction start', dialect.transactionStarted({ transaction: tx, sample })],
    ['periodic update', dialect.transactionUpdated(tx, sample, 'Periodic')],
    ['rate change', dialect.transactionUpdated(tx, sample, 'ChargingRateChanged')],
    ['idle meter values', dialect.idleMeterValues(1, sample)],
    ...reasons.map((reason): [string, OutgoingCall] => [`stop (${reason})`, dialect.transactionEnded({ transaction: tx, sample, reason })]),
  ];

  it.each(calls)('builds a schema-valid %s', (_name, call) => {
    expect(validateRequest(dialect.version, call.action, call.payload)).toEqual({ ok: true });
  });

  it('reports the energy register in whole Wh, power, current per phase and voltage', () => {
    const text = JSON.stringify(dialect.transactionUpdated(tx, sample, 'Periodic').payload);
    for (const fragment of ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage', '"L3"']) expect(text).toContain(fragment);
    expect(text).toMatch(/"value":"?1234"?/);
  });

  it('reads boot and authorisation responses', () => {
    expect(dialect.bootResult({ status: 'Pending', interval: 30, currentTime: new Date(T0).toISOString() })).toEqual({ status: 'Pending', intervalS: 30 });
    const authorized = dialect.version === '1.6' ? { idTagInfo: { status: 'Blocked' } } : { idTokenInfo: { status: 'Blocked' } };
    expect(dialect.authorizationOf(authorized)).toBe('Blocked');
  });
});

describe('dialect differences', () => {
  it('1.6 takes the transaction id from StartTransaction.conf; 2.0.1 keeps its own', () => {
    expect(ocpp16Dialect.startedResult({ transactionId: 77, idTagInfo: { status: 'Accepted' } })).toEqual({ transactionId: '77', authorization: 'Accepted' });
    expect(ocpp201Dialect.startedResult({})).toEqual({ authorization: undefined });
  });

  it('2.0.1 reports every occupied state as Occupied', () => {
    expect((['Preparing', 'Charging', 'Finishing'] as const).map((status) => ocpp201Dialect.reportedStatus(status))).toEqual(['Occupied', 'Occupied', 'Occupied']);
    expect(ocpp16Dialect.reportedStatus('Finishing')).toBe('Finishing');
  });

  it('2.0.1 numbers TransactionEvents with the transaction seqNo and names the remote start', () => {
    const started = ocpp201Dialect.transactionStarted({ transaction: { ...transaction, nextSeqNo: 0 }, sample }).payload;
    expect(started).toMatchObject({ eventType: 'Started', seqNo: 0, triggerReason: 'RemoteStart', transactionInfo: { transactionId: transaction.localId, remoteStartId: 7 } });
  });
});

import type { OcppVersion } from '@app/ocpp';
import { ConnectFailureCode } from './connection/station-socket';
import { SimulatedStation } from './simulated-station';
import { StationErrorCode } from './station/station.error';
import { type ReceivedCall, TestCsms } from './testing/test-csms';

type Sampled = { measurand?: string; value: string | number; phase?: string };

/** The sampled values of a MeterValues / TransactionEvent / StopTransaction payload, by measurand. */
function readings(call: ReceivedCall): Sampled[] {
  const { payload } = call;
  const meterValue = (payload.meterValue ?? payload.transactionData) as { sampledValue: Sampled[] }[] | undefined;
  return meterValue?.flatMap((value) => value.sampledValue) ?? [];
}

const valueOf = (call: ReceivedCall, measurand: string): number | undefined => {
  const sample = readings(call).find((entry) => entry.measurand === measurand);
  return sample === undefined ? undefined : Number(sample.value);
};

const isMeterUpdate = (call: ReceivedCall): boolean =>
  call.action === 'MeterValues' || (call.action === 'TransactionEvent' && call.payload.eventType === 'Updated');

function txProfile(version: OcppVersion, transactionId: string, limitA: number): { action: string; payload: object } {
  const schedule = { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: limitA }] };
  if (version === '1.6') {
    const csChargingProfiles = {
      chargingProfileId: 7,
      transactionId: Number(transactionId),
      stackLevel: 1,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: schedule,
    };
    return { action: 'SetChargingProfile', payload: { connectorId: 1, csChargingProfiles } };
  }
  const chargingProfile = {
    id: 7,
    transactionId,
    stackLevel: 1,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Relative',
    chargingSchedule: [{ id: 1, ...schedule }],
  };
  return { action: 'SetChargingProfile', payload: { evseId: 1, chargingProfile } };
}

describe.each(['1.6', '2.0.1'] as const)('SimulatedStation over OCPP %s', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = `SIM-${version.replaceAll('.', '')}`;

  beforeEach(async () => {
    csms = await TestCsms.start();
    const connection = { url: csms.url, securityProfile: 0 as const };
    station = new SimulatedStation({ id, version, connection, meterIntervalS: 1, evseCount: 2, minBootRetryMs: 10 });
    await station.connect();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('boots, reports Available, authorises, charges at the limit of a profile sent mid-transaction, and stops', async () => {
    await expect(station.boot()).resolves.toEqual({ status: 'Accepted', intervalS: 300 });
    await station.sendStatus('Available');
    const statuses = csms.received.filter((call) => call.action === 'StatusNotification');
    expect(statuses.map((call) => call.payload.evseId ?? call.payload.connectorId)).toEqual([1, 2]);
    expect(statuses[0]?.payload).toMatchObject(version === '1.6' ? { status: 'Available', errorCode: 'NoError' } : { connectorStatus: 'Available', evseId: 1, connectorId: 1 });

    await expect(station.authorize('TAG-1')).resolves.toBe('Accepted');
    const transaction = await station.startTransaction({ evseId: 1, idToken: 'TAG-1' });
    const started = await csms.waitFor((call) => call.action === (version === '1.6' ? 'StartTransaction' : 'TransactionEvent'));
    if (version === '1.6') {
      expect(transaction.transactionId).toBe('101');
      expect(started.payload).toMatchObject({ connectorId: 1, idTag: 'TAG-1' });
    } else {
      expect(started.payload).toMatchObject({ eventType: 'Started', seqNo: 0, evse: { id: 1 }, idToken: { idToken: 'TAG-1', type: 'ISO14443' } });
      expect(started.payload.transactionInfo).toMatchObject({ transactionId: transaction.transactionId });
    }

    const fullPower = await csms.waitFor((call) => isMeterUpdate(call) && valueOf(call, 'Power.Active.Import') !== undefined);
    expect(valueOf(fullPower, 'Power.Active.Import')).toBe(22080);
    if (version === '1.6') expect(fullPower.payload.transactionId).toBe(101);

    const { action, payload } = txProfile(version, transaction.transactionId ?? '', 10);
    await expect(csms.call(id, action, payload)).resolves.toEqual({ status: 'Accepted' });
    expect(station.meterNow(1).draw).toMatchObject({ ampsPerPhase: 10, phases: 3, watts: 6900 });
    const limited = await csms.waitFor((call) => isMeterUpdate(call) && valueOf(call, 'Power.Active.Import') === 6900);
    expect(readings(limited).filter((entry) => entry.measurand === 'Current.Import').map((entry) => Number(entry.value))).toEqual([10, 10, 10]);
    expect(valueOf(limited, 'Voltage')).toBe(230);
    if (version === '2.0.1') expect(limited.payload.triggerReason).toBe('ChargingRateChanged');

    const composite = await csms.call(id, 'GetCompositeSchedule', version === '1.6' ? { connectorId: 1, duration: 600 } : { evseId: 1, duration: 600 });
    const schedule = (version === '1.6' ? composite.chargingSchedule : composite.schedule) as { chargingSchedulePeriod: unknown[] };
    expect(schedule.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10, numberPhases: 3 }]);

    await station.stopTransaction(1, 'Local');
    const stopped = await csms.waitFor((call) => call.action === 'StopTransaction' || call.payload.eventType === 'Ended');
    if (version === '1.6') expect(stopped.payload).toMatchObject({ transactionId: 101, reason: 'Local' });
    else expect(stopped.payload).toMatchObject({ eventType: 'Ended', transactionInfo: { transactionId: transaction.transactionId, stoppedReason: 'Local' } });
    const register = version === '1.6' ? Number(stopped.payload.meterStop) : valueOf(stopped, 'Energy.Active.Import.Register');
    expect(register).toBeGreaterThanOrEqual(0);
    const stoppedAt = csms.received.indexOf(stopped);
    const isAvailable = (call: ReceivedCall): boolean => call.action === 'StatusNotification' && (call.payload.status ?? call.payload.connectorStatus) === 'Available';
    await csms.waitFor((call) => csms.received.indexOf(call) > stoppedAt && isAvailable(call));
    expect(station.profiles.list()).toEqual([]);
    expect(station.counters).toMatchObject({ transactionsStarted: 1, transactionsStopped: 1, callsFailed: 0, protocolIssues: 0 });
  });

  it('answers CSMS calls with valid responses and sends what TriggerMessage asks for afterwards', async () => {
    await station.boot();
    const configuration =
      version === '1.6'
        ? await csms.call(id, 'GetConfiguration', { key: ['HeartbeatInterval', 'Nope'] })
        : await csms.call(id, 'GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
    expect(JSON.stringify(configuration)).toContain('"300"');
    await expect(csms.call(id, 'TriggerMessage', { requestedMessage: 'Heartbeat' })).resolves.toEqual({ status: 'Accepted' });
    await csms.waitFor((call) => call.action === 'Heartbeat');
    await expect(csms.call(id, 'ClearChargingProfile', {})).resolves.toEqual({ status: 'Unknown' });
    await expect(csms.call(id, 'DataTransfer', { vendorId: 'org.example', data: 'ping' })).resolves.toMatchObject({ status: 'Accepted' });
    await expect(csms.call(id, 'GetLocalListVersion', {})).resolves.toEqual(version === '1.6' ? { listVersion: 0 } : { versionNumber: 0 });
    const unhandled =
      version === '1.6'
        ? { action: 'ReserveNow', payload: { connectorId: 1, expiryDate: new Date().toISOString(), idTag: 'T', reservationId: 1 } }
        : { action: 'GetBaseReport', payload: { requestId: 1, reportBase: 'FullInventory' } };
    await expect(csms.call(id, unhandled.action, unhandled.payload)).resolves.toHaveProperty('status');
    await expect(csms.call(id, 'GetInstalledCertificateIds', version === '1.6' ? { certificateType: 'CentralSystemRootCertificate' } : {})).resolves.toEqual({ status: 'NotFound' });
    expect(station.counters.protocolIssues).toBe(0);
  });

  it('starts and stops a transaction when the CSMS asks', async () => {
    await station.boot();
    const start =
      version === '1.6'
        ? { action: 'RemoteStartTransaction', payload: { connectorId: 2, idTag: 'REMOTE' } }
        : { action: 'RequestStartTransaction', payload: { evseId: 2, remoteStartId: 5, idToken: { idToken: 'REMOTE', type: 'Central' } } };
    await expect(csms.call(id, start.action, start.payload)).resolves.toMatchObject({ status: 'Accepted' });
    const { transactionId } = await station.events.next('transactionStarted', (event) => event.evseId === 2);
    const stop =
      version === '1.6' ? { action: 'RemoteStopTransaction', payload: { transactionId: Number(transactionId) } } : { action: 'RequestStopTransaction', payload: { transactionId } };
    await expect(csms.call(id, stop.action, stop.payload)).resolves.toEqual({ status: 'Accepted' });
    await expect(station.events.next('transactionStopped')).resolves.toMatchObject({ evseId: 2, reason: 'Remote' });
  });

  it('boots again after the interval while the CSMS answers Pending', async () => {
    let attempts = 0;
    await csms.close();
    csms = await TestCsms.start({
      respond: (call) => (call.action === 'BootNotification' ? { status: (attempts += 1) < 3 ? 'Pending' : 'Accepted', currentTime: new Date().toISOString(), interval: 0 } : undefined),
    });
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 0 }, minBootRetryMs: 10 });
    await station.connect();
    await expect(station.boot()).resolves.toMatchObject({ status: 'Accepted' });
    expect(attempts).toBe(3);
    expect(station.registrationStatus).toBe('Accepted');
  });
});

describe('SimulatedStation connection', () => {
  it('presents Basic auth once the CSMS gave a 2.0.1 station on profile 0 a password, and a 1.6 one only on SecurityProfile 1', () => {
    const url = 'ws://127.0.0.1:9/ocpp';
    const v201 = new SimulatedStation({ id: 'CP-201', version: '2.0.1', connection: { url, securityProfile: 0 } });
    expect(v201.connectionSettingsFor({ url }).securityProfile).toBe(0);
    expect(v201.basicAuthPassword.setPasswordString('given-by-the-csms-0001')).toBe(true);
    expect(v201.connectionSettingsFor({ url })).toMatchObject({ securityProfile: 1, password: 'given-by-the-csms-0001' });
    const v16 = new SimulatedStation({ id: 'CP-16', version: '1.6', connection: { url, securityProfile: 0 } });
    expect(v16.basicAuthPassword.setAuthorizationKey(Buffer.from('given-by-the-csms-01').toString('hex'))).toBe(true);
    expect(v16.connectionSettingsFor({ url }).securityProfile).toBe(0);
  });

  it('sends Basic credentials with profile 1 and reports the HTTP status of a refusal', async () => {
    const csms = await TestCsms.start({ password: 'right-password-16' });
    try {
      const settings = { url: csms.url, securityProfile: 1 as const };
      const good = new SimulatedStation({ id: 'CP-OK', version: '1.6', connection: { ...settings, password: 'right-password-16' } });
      await good.connect();
      await expect(good.boot()).resolves.toMatchObject({ status: 'Accepted' });
      await good.dispose();
      const bad = new SimulatedStation({ id: 'CP-BAD', version: '1.6', connection: { ...settings, password: 'wrong-password-16' } });
      await expect(bad.connect()).rejects.toMatchObject({ code: StationErrorCode.ConnectFailed, detail: { code: ConnectFailureCode.Refused, httpStatus: 401 } });
      expect(bad.counters.connectFailures).toBe(1);
    } finally {
      await csms.close();
    }
  });
});

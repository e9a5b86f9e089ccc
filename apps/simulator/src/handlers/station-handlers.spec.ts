import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OcppVersion } from '@app/ocpp';
import * as x509 from '@peculiar/x509';
import { TestPki } from '@test/support/test-pki';
import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** Signs a CSR as the CSMS's PKI would; returns the PEM certificate. */
async function signCsr(csrPem: string): Promise<string> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '0a1b',
    subject: csr.subject,
    issuer: 'CN=Test Sub CA',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    publicKey: csr.publicKey,
    signingKey: keys.privateKey,
    signingAlgorithm: algorithm,
  });
  return certificate.toString('pem');
}

interface ProfileShape {
  readonly id: number;
  readonly purpose: 'max' | 'tx';
  readonly kind: 'Absolute' | 'Relative';
  readonly schedule: object;
}

/** A SetChargingProfile request in either version's shape. */
function profileRequest(version: OcppVersion, evseId: number, shape: ProfileShape): object {
  const common = { stackLevel: 0, chargingProfileKind: shape.kind };
  if (version === '1.6') {
    const purpose = shape.purpose === 'max' ? 'ChargePointMaxProfile' : 'TxProfile';
    return { connectorId: evseId, csChargingProfiles: { ...common, chargingProfileId: shape.id, chargingProfilePurpose: purpose, chargingSchedule: shape.schedule } };
  }
  const purpose = shape.purpose === 'max' ? 'ChargingStationMaxProfile' : 'TxProfile';
  return { evseId, chargingProfile: { ...common, id: shape.id, chargingProfilePurpose: purpose, chargingSchedule: [{ id: 1, ...shape.schedule }] } };
}

describe.each(['1.6', '2.0.1'] as const)('station handlers over OCPP %s', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = `H-${version.replaceAll('.', '')}`;

  beforeEach(async () => {
    csms = await TestCsms.start();
    const connection = { url: csms.url, securityProfile: 0 as const };
    station = new SimulatedStation({ id, version, organization: 'Charge Co', connection, evseCount: 2, resetBehaviour: 'reboot' });
    await station.connect();
    await station.boot();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('changes settings the CSMS writes and refuses read-only or unknown ones', async () => {
    const answer =
      version === '1.6'
        ? await csms.call(id, 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '42' })
        : await csms.call(id, 'SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '42' }] });
    expect(JSON.stringify(answer)).toContain('Accepted');
    expect(station.settings.integer('HeartbeatInterval')).toBe(42);
    const readOnly =
      version === '1.6'
        ? await csms.call(id, 'ChangeConfiguration', { key: 'NumberOfConnectors', value: '9' })
        : await csms.call(id, 'SetVariables', { setVariableData: [{ component: { name: 'Nope' }, variable: { name: 'X' }, attributeValue: '1' }] });
    expect(JSON.stringify(readOnly)).toMatch(version === '1.6' ? /Rejected/ : /UnknownComponent/);
  });

  it('goes Unavailable on ChangeAvailability and reports the status after answering', async () => {
    const request = version === '1.6' ? { connectorId: 2, type: 'Inoperative' } : { evse: { id: 2 }, operationalStatus: 'Inoperative' };
    await expect(csms.call(id, 'ChangeAvailability', request)).resolves.toEqual({ status: 'Accepted' });
    await csms.waitFor((call) => call.action === 'StatusNotification' && (call.payload.status ?? call.payload.connectorStatus) === 'Unavailable');
    expect(station.isFree(2)).toBe(false);
    expect(station.isFree(1)).toBe(true);
  });

  it('unlocks a connector and accepts a new local list', async () => {
    const unlock = version === '1.6' ? { connectorId: 1 } : { evseId: 1, connectorId: 1 };
    await expect(csms.call(id, 'UnlockConnector', unlock)).resolves.toEqual({ status: 'Unlocked' });
    const list = version === '1.6' ? { listVersion: 5, updateType: 'Full' } : { versionNumber: 5, updateType: 'Full' };
    await expect(csms.call(id, 'SendLocalList', list)).resolves.toEqual({ status: 'Accepted' });
    await expect(csms.call(id, 'GetLocalListVersion', {})).resolves.toEqual(version === '1.6' ? { listVersion: 5 } : { versionNumber: 5 });
  });

  it('applies differential local list updates that follow its version and answers VersionMismatch to others', async () => {
    const entry = (token: string, status?: string) =>
      version === '1.6'
        ? { idTag: token, ...(status === undefined ? {} : { idTagInfo: { status } }) }
        : { idToken: { idToken: token, type: 'ISO14443' }, ...(status === undefined ? {} : { idTokenInfo: { status } }) };
    const send = (listVersion: number, updateType: string, entries: object[]) =>
      csms.call(id, 'SendLocalList', { ...(version === '1.6' ? { listVersion } : { versionNumber: listVersion }), updateType, localAuthorizationList: entries });
    await expect(send(10, 'Full', [entry('A', 'Accepted'), entry('B', 'Accepted')])).resolves.toEqual({ status: 'Accepted' });
    await expect(send(11, 'Differential', [entry('A'), entry('C', 'Blocked')])).resolves.toEqual({ status: 'Accepted' });
    await expect(send(11, 'Differential', [entry('D', 'Accepted')])).resolves.toEqual({ status: 'VersionMismatch' });
    expect(station.localList.entries()).toEqual([
      { idToken: 'B', status: 'Accepted' },
      { idToken: 'C', status: 'Blocked' },
    ]);
    expect(station.localList.version).toBe(11);
  });

  it('reboots on Reset: reconnects and boots again', async () => {
    await expect(csms.call(id, 'Reset', { type: version === '1.6' ? 'Soft' : 'Immediate' })).resolves.toEqual({ status: 'Accepted' });
    await station.events.next('booted');
    const boots = csms.received.filter((call) => call.action === 'BootNotification');
    expect(boots).toHaveLength(2);
    if (version === '2.0.1') expect(boots[1]?.payload.reason).toBe('RemoteReset');
  });

  it('waits for the running transaction before an OnIdle reset (2.0.1), and reboots at once otherwise', async () => {
    await station.startTransaction({ evseId: 1, idToken: 'TAG' });
    const reset = version === '1.6' ? { type: 'Hard' } : { type: 'OnIdle' };
    await expect(csms.call(id, 'Reset', reset)).resolves.toEqual({ status: version === '1.6' ? 'Accepted' : 'Scheduled' });
    if (version === '2.0.1') {
      expect(station.transactionIdOn(1)).toBeDefined();
      await station.stopTransaction(1, 'Local');
    }
    await station.events.next('booted');
    const stops = csms.received.filter((call) => call.action === 'StopTransaction' || call.payload.eventType === 'Ended');
    expect(stops.map((call) => call.payload.reason ?? (call.payload.transactionInfo as { stoppedReason?: string }).stoppedReason)).toEqual([
      version === '1.6' ? 'HardReset' : 'Local',
    ]);
  });

  it('installs, lists and deletes a CA certificate', async () => {
    const pki = await TestPki.create('Installed Root');
    const certificate = readFileSync(pki.caFile, 'utf8');
    const type = version === '1.6' ? 'CentralSystemRootCertificate' : 'CSMSRootCertificate';
    await expect(csms.call(id, 'InstallCertificate', { certificateType: type, certificate })).resolves.toEqual({ status: 'Accepted' });
    const listed = await csms.call(id, 'GetInstalledCertificateIds', version === '1.6' ? { certificateType: type } : { certificateType: [type] });
    const hashData =
      version === '1.6' ? (listed.certificateHashData as object[])[0] : (listed.certificateHashDataChain as { certificateHashData: object }[])[0]?.certificateHashData;
    expect(hashData).toMatchObject({ hashAlgorithm: 'SHA256', serialNumber: '1' });
    await expect(csms.call(id, 'DeleteCertificate', { certificateHashData: hashData })).resolves.toEqual({ status: 'Accepted' });
    await expect(csms.call(id, 'DeleteCertificate', { certificateHashData: hashData })).resolves.toEqual({ status: 'NotFound' });
    await expect(csms.call(id, 'InstallCertificate', { certificateType: type, certificate: 'not a certificate' })).resolves.toEqual({ status: 'Rejected' });
  });

  it('sends a CSR when triggered and takes the signed certificate as its client identity', async () => {
    const trigger =
      version === '1.6'
        ? { action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'SignChargePointCertificate' } }
        : { action: 'TriggerMessage', payload: { requestedMessage: 'SignChargingStationCertificate' } };
    await expect(csms.call(id, trigger.action, trigger.payload)).resolves.toEqual({ status: 'Accepted' });
    const signRequest = await csms.waitFor((call) => call.action === 'SignCertificate');
    const csr = new x509.Pkcs10CertificateRequest(String(signRequest.payload.csr));
    expect(csr.subject).toBe(`O=Charge Co, CN=${id}`);
    const certificateChain = await signCsr(String(signRequest.payload.csr));
    await expect(csms.call(id, 'CertificateSigned', { certificateChain })).resolves.toEqual({ status: 'Accepted' });
    expect(station.certificates.clientIdentity()?.certPem).toBe(certificateChain);
    await expect(csms.call(id, 'CertificateSigned', { certificateChain })).resolves.toEqual({ status: 'Rejected' });
  });

  it('clears charging profiles by criteria and reports the composite of what is left', async () => {
    const now = new Date().toISOString();
    const watts = { startSchedule: now, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11040 }] };
    await expect(csms.call(id, 'SetChargingProfile', profileRequest(version, 0, { id: 1, purpose: 'max', kind: 'Absolute', schedule: watts }))).resolves.toEqual({ status: 'Accepted' });
    expect(station.limitOn(1)).toMatchObject({ unit: 'W', limit: 11040 });
    const amps = { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] };
    const txOnIdle = profileRequest(version, 1, { id: 2, purpose: 'tx', kind: 'Relative', schedule: amps });
    await expect(csms.call(id, 'SetChargingProfile', txOnIdle)).resolves.toEqual({ status: 'Rejected' });
    const clear = version === '1.6' ? { chargingProfilePurpose: 'ChargePointMaxProfile' } : { chargingProfileCriteria: { chargingProfilePurpose: 'ChargingStationMaxProfile' } };
    await expect(csms.call(id, 'ClearChargingProfile', clear)).resolves.toEqual({ status: 'Accepted' });
    expect(station.profiles.list()).toEqual([]);
    expect(station.limitOn(1)).toEqual({ unit: 'A', limit: 32, numberPhases: 3 });
  });
});

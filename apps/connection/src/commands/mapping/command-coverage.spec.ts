import { StationCommandSchema } from '@app/contracts';
import { create } from '@bufbuild/protobuf';
import { type OcppVersion, ocppVersions, validateRequest, validateResponse } from '@app/ocpp';
import { buildExample, loadSchema } from '@app/ocpp/testing';
import { fromOcppResponse } from './from-ocpp-response';
import type { CommandCase } from './neutral-command.types';
import { type BodyInit, at, authorization, commandWith, kind, purpose, rateUnit } from './station-command.fixtures';
import { toOcppCall } from './to-ocpp-call';

// One command of every body case. A Record over CommandCase: a new case in the contract fails the
// typecheck here, and the reflection test below fails too. A command only one version can express
// names that version; the other must refuse it (STATUS_INVALID) instead of sending anything.
type Sample = BodyInit | { readonly only: OcppVersion; readonly body: BodyInit };

/** Cases the replica holding the station runs itself: no OCPP call (ADR 039). */
const LOCAL_CASES = ['dropConnection'] as const;

const samples: Readonly<Record<Exclude<CommandCase, (typeof LOCAL_CASES)[number]>, Sample>> = {
  rawCall: { case: 'rawCall', value: { action: 'ClearCache', payloadJson: '{}' } },
  remoteStart: { case: 'remoteStart', value: { evseId: 1, idToken: { value: 'TAG-1', type: 'ISO14443' } } },
  remoteStop: { case: 'remoteStop', value: { transactionId: '42' } },
  reset: { case: 'reset', value: { hard: true } },
  unlockConnector: { case: 'unlockConnector', value: { evseId: 1 } },
  changeAvailability: { case: 'changeAvailability', value: { evseId: 1, operative: false } },
  triggerMessage: { case: 'triggerMessage', value: { message: 'Heartbeat' } },
  getConfiguration: { case: 'getConfiguration', value: { keys: ['OCPPCommCtrlr/HeartbeatInterval'] } },
  setConfiguration: { case: 'setConfiguration', value: { settings: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '300' }] } },
  setChargingProfile: {
    case: 'setChargingProfile',
    value: {
      evseId: 1,
      profile: { id: 1, purpose: purpose.txDefault, kind: kind.absolute, schedule: { rateUnit: rateUnit.ampere, periods: [{ limit: 16 }] } },
    },
  },
  clearChargingProfile: { case: 'clearChargingProfile', value: { profileId: 1 } },
  getCompositeSchedule: { case: 'getCompositeSchedule', value: { evseId: 1, durationSeconds: 3600 } },
  clearCache: { case: 'clearCache', value: {} },
  updateFirmware: { case: 'updateFirmware', value: { location: 'https://fw.example.com/f.bin', retrieveAt: at('2025-01-01T00:00:00Z') } },
  getLog: { case: 'getLog', value: { location: 'https://logs.example.com/up' } },
  certificateSigned: { case: 'certificateSigned', value: { certificateChainPem: '-----BEGIN CERTIFICATE-----' } },
  installCertificate: { case: 'installCertificate', value: { certificateType: 'CSMSRootCertificate', certificatePem: '-----BEGIN CERTIFICATE-----' } },
  deleteCertificate: {
    case: 'deleteCertificate',
    value: { certificate: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c' } },
  },
  getInstalledCertificateIds: { case: 'getInstalledCertificateIds', value: { certificateTypes: ['CSMSRootCertificate'] } },
  dataTransfer: { case: 'dataTransfer', value: { vendorId: 'com.acme' } },
  sendLocalList: { case: 'sendLocalList', value: { version: 1, full: true, entries: [{ idToken: { value: 'TAG-1' }, status: authorization.accepted }] } },
  getLocalListVersion: { case: 'getLocalListVersion', value: {} },
  getChargingProfiles: { only: '2.0.1', body: { case: 'getChargingProfiles', value: { requestId: 7n, evseId: 1, purpose: purpose.tx } } },
  getChargingCapabilities: { case: 'getChargingCapabilities', value: {} },
  reserveNow: { case: 'reserveNow', value: { reservationId: 3, evseId: 1, idToken: { value: 'TAG-1', type: 'ISO14443' }, expiresAt: at('2026-01-01T00:00:00Z') } },
  cancelReservation: { case: 'cancelReservation', value: { reservationId: 3 } },
};

const neutralStatuses = ['Accepted', 'Scheduled', 'RebootRequired', 'Rejected', 'NotSupported', 'NotFound', 'Failed', 'VersionMismatch'];

const bodyOf = (sample: Sample): BodyInit => ('only' in sample ? sample.body : sample);
const expressibleIn = (sample: Sample, version: OcppVersion): boolean => !('only' in sample) || sample.only === version;

const cases = Object.entries(samples).flatMap(([name, sample]) =>
  ocppVersions.filter((version) => expressibleIn(sample, version)).map((version): [string, OcppVersion, BodyInit] => [name, version, bodyOf(sample)]),
);
const refusals = Object.entries(samples).flatMap(([name, sample]) =>
  ocppVersions.filter((version) => !expressibleIn(sample, version)).map((version): [string, OcppVersion, BodyInit] => [name, version, bodyOf(sample)]),
);

describe('every command body, both versions', () => {
  it('has a sample for every case of the StationCommand body oneof', () => {
    const oneof = StationCommandSchema.oneofs.find((candidate) => candidate.name === 'body');
    expect([...Object.keys(samples), ...LOCAL_CASES].sort()).toEqual((oneof?.fields ?? []).map((field) => field.localName).sort());
  });

  it.each(ocppVersions)('never sends drop_connection to a station (OCPP %s): it is no OCPP call', (version) => {
    const drop = commandWith({ case: 'dropConnection', value: { cause: 1 } });
    expect(toOcppCall(version, drop)).toEqual({ ok: false, reason: expect.stringContaining('no OCPP call') });
  });

  it('refuses a command without a body, and passes any answer to one through', () => {
    const empty = create(StationCommandSchema, { commandId: 'c', stationId: 'CP-1' });
    expect(toOcppCall('2.0.1', empty)).toEqual({ ok: false, reason: 'the command has no body' });
    expect(fromOcppResponse('2.0.1', empty, { status: 'Accepted' })).toEqual({ accepted: true, result: { status: 'Accepted' } });
  });

  it.each(refusals)('%s in OCPP %s: is refused with the reason, nothing is sent', (_name, version, body) => {
    expect(toOcppCall(version, commandWith(body))).toEqual({ ok: false, reason: expect.stringContaining(`OCPP ${version} has no`) });
  });

  it.each(cases)('%s in OCPP %s: maps to a valid CALL and maps the smallest valid answer back', (_name, version, body) => {
    const command = commandWith(body);
    const mapping = toOcppCall(version, command);
    if (!mapping.ok) throw new Error(`refused: ${mapping.reason}`);
    expect(validateRequest(version, mapping.action, mapping.payload)).toEqual({ ok: true });

    const answer = buildExample(loadSchema(version, mapping.action, 'response'));
    expect(validateResponse(version, mapping.action, answer)).toEqual({ ok: true });
    const response = fromOcppResponse(version, command, answer);
    expect(typeof response.accepted).toBe('boolean');
    if (body.case !== 'rawCall') expect(neutralStatuses).toContain(response.result['status']);
    if (typeof answer['status'] === 'string') expect(response.result['stationStatus'] ?? answer['status']).toBe(answer['status']);
  });
});

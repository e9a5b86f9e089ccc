import { StationCommandSchema, timestampFromDate } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import { create } from '@bufbuild/protobuf';
import { toOcppCall } from '../commands/mapping';
import { type CommandName, commandNames } from './commands/command-catalogue';
import { commandPipe } from './commands/command-request.pipe';

// Every operator command, end to end through the pure layers: the JSON body an operator sends
// → the version-neutral protobuf body → the OCPP call of each version (checked against the OCA
// request schema by toOcppCall). A command without a sample fails the first test.

type Sample =
  | { body: object; calls: Readonly<Record<OcppVersion, string>> }
  | { byVersion: Readonly<Record<OcppVersion, { body: object; call: string }>> }
  // A command only 2.0.1 can carry out: a 1.6 station gets it refused as invalid, with the reason.
  | { only201: { body: object; call: string }; refused16: RegExp };

const both = (body: object, call16: string, call201 = call16): Sample => ({ body, calls: { '1.6': call16, '2.0.1': call201 } });
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

const samples: Readonly<Record<CommandName, Sample>> = {
  'remote-start': both(
    { idToken: 'TAG-1', evseId: 1, chargingProfile: { id: 3, purpose: 'tx', unit: 'A', periods: [{ startSeconds: 0, limit: 10 }] } },
    'RemoteStartTransaction',
    'RequestStartTransaction',
  ),
  'remote-stop': both({ transactionId: '42' }, 'RemoteStopTransaction', 'RequestStopTransaction'),
  reset: both({ type: 'hard' }, 'Reset'),
  'unlock-connector': both({ evseId: 1 }, 'UnlockConnector'),
  'change-availability': both({ availability: 'inoperative', evseId: 1 }, 'ChangeAvailability'),
  'trigger-message': both({ message: 'StatusNotification', evseId: 1 }, 'TriggerMessage'),
  'get-configuration': {
    byVersion: {
      '1.6': { body: { keys: ['HeartbeatInterval'] }, call: 'GetConfiguration' },
      '2.0.1': { body: { keys: ['OCPPCommCtrlr/HeartbeatInterval'] }, call: 'GetVariables' },
    },
  },
  'set-configuration': {
    byVersion: {
      '1.6': { body: { settings: [{ key: 'HeartbeatInterval', value: '60' }] }, call: 'ChangeConfiguration' },
      '2.0.1': { body: { settings: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }] }, call: 'SetVariables' },
    },
  },
  'set-charging-profile': both({ profile: { id: 7, purpose: 'station-max', unit: 'A', periods: [{ startSeconds: 0, limit: 16 }] } }, 'SetChargingProfile'),
  'clear-charging-profile': both({ purpose: 'tx-default', stackLevel: 0 }, 'ClearChargingProfile'),
  'get-charging-profiles': { only201: { body: { evseId: 1, purpose: 'tx-default', sources: ['CSO', 'EMS'] }, call: 'GetChargingProfiles' }, refused16: /1\.6 has no GetChargingProfiles/ },
  'get-transaction-status': { only201: { body: { transactionId: 'TX-1' }, call: 'GetTransactionStatus' }, refused16: /GetTransactionStatus/ },
  'cost-updated': { only201: { body: { transactionId: 'TX-1', totalCost: 12.5 }, call: 'CostUpdated' }, refused16: /CostUpdated/ },
  'get-composite-schedule': both({ evseId: 1, durationSeconds: 3600, unit: 'W' }, 'GetCompositeSchedule'),
  'clear-cache': both({}, 'ClearCache'),
  'update-firmware': both({ location: 'https://fw.example.com/4.2.bin', retrieveAt: '2025-06-01T10:00:00Z', retries: 3 }, 'UpdateFirmware'),
  'get-log': both({ location: 'https://logs.example.com/up', logType: 'SecurityLog', requestId: 5 }, 'GetLog'),
  'certificate-signed': both({ certificateChain: PEM }, 'CertificateSigned'),
  'install-certificate': both({ certificateType: 'CSMSRootCertificate', certificate: PEM }, 'InstallCertificate'),
  'delete-certificate': both({ hashAlgorithm: 'SHA256', issuerNameHash: 'ab'.repeat(32), issuerKeyHash: 'cd'.repeat(32), serialNumber: '01' }, 'DeleteCertificate'),
  'get-installed-certificate-ids': both({ certificateTypes: ['ManufacturerRootCertificate'] }, 'GetInstalledCertificateIds'),
  'data-transfer': both({ vendorId: 'com.acme', messageId: 'ping', data: 'hello' }, 'DataTransfer'),
  'send-local-list': both({ version: 2, updateType: 'full', entries: [{ idToken: 'TAG-1', status: 'Accepted', expiresAt: '2026-01-01T00:00:00Z' }] }, 'SendLocalList'),
  'get-local-list-version': both({}, 'GetLocalListVersion'),
  raw: {
    byVersion: {
      '1.6': { body: { action: 'GetDiagnostics', payload: { location: 'ftp://logs.example.com/' } }, call: 'GetDiagnostics' },
      '2.0.1': { body: { action: 'GetBaseReport', payload: { requestId: 1, reportBase: 'FullInventory' } }, call: 'GetBaseReport' },
    },
  },
};

function sampleFor(name: CommandName, version: OcppVersion): { body: object; call: string } | { body: object; refused: RegExp } {
  const sample = samples[name];
  if ('only201' in sample) return version === '2.0.1' ? sample.only201 : { body: sample.only201.body, refused: sample.refused16 };
  return 'byVersion' in sample ? sample.byVersion[version] : { body: sample.body, call: sample.calls[version] };
}

function callFor(name: CommandName, version: OcppVersion, body: object) {
  const prepared = commandPipe(name).transform(body);
  const command = create(StationCommandSchema, { commandId: 'cmd-1', stationId: 'CP-1', issuedAt: timestampFromDate(new Date('2025-06-01T09:00:00Z')), body: prepared.body });
  return toOcppCall(version, command);
}

const cases = commandNames.flatMap((name) => (['1.6', '2.0.1'] as const).map((version): [CommandName, OcppVersion] => [name, version]));

describe('operator commands: JSON body → neutral command → OCPP call', () => {
  it('has a sample for every command of the catalogue', () => {
    expect(Object.keys(samples).sort()).toEqual([...commandNames].sort());
  });

  it.each(cases)('%s becomes a valid OCPP %s call', (name, version) => {
    const sample = sampleFor(name, version);
    if ('refused' in sample) expect(callFor(name, version, sample.body)).toMatchObject({ ok: false, reason: expect.stringMatching(sample.refused) });
    else expect(callFor(name, version, sample.body)).toMatchObject({ ok: true, action: sample.call });
  });

  it('writes a station-max profile in JSON as a 1.6 ChargePointMaxProfile and a 2.0.1 ChargingStationMaxProfile', () => {
    const body = {
      profile: { id: 7, stackLevel: 2, purpose: 'station-max', unit: 'A', startSchedule: '2025-06-01T10:00:00Z', durationSeconds: 7200, periods: [{ startSeconds: 0, limit: 16.05 }, { startSeconds: 3600, limit: 8, numberPhases: 1 }] },
    };
    expect(callFor('set-charging-profile', '1.6', body)).toEqual({
      ok: true,
      action: 'SetChargingProfile',
      payload: {
        connectorId: 0,
        csChargingProfiles: {
          chargingProfileId: 7,
          stackLevel: 2,
          chargingProfilePurpose: 'ChargePointMaxProfile',
          chargingProfileKind: 'Absolute',
          chargingSchedule: {
            duration: 7200,
            startSchedule: '2025-06-01T10:00:00.000Z',
            chargingRateUnit: 'A',
            chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 3600, limit: 8, numberPhases: 1 }],
          },
        },
      },
    });
    expect(callFor('set-charging-profile', '2.0.1', body)).toMatchObject({
      ok: true,
      payload: {
        evseId: 0,
        chargingProfile: {
          id: 7,
          chargingProfilePurpose: 'ChargingStationMaxProfile',
          chargingSchedule: [{ id: 7, chargingRateUnit: 'A', duration: 7200, chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.05 }, { startPeriod: 3600, limit: 8, numberPhases: 1 }] }],
        },
      },
    });
  });

  it('leaves to the station’s version what only it can express: an EVSE reset is refused for 1.6', () => {
    expect(callFor('reset', '1.6', { evseId: 1 })).toEqual({ ok: false, reason: expect.stringContaining('OCPP 1.6 resets the whole station only') });
    expect(callFor('reset', '2.0.1', { evseId: 1 })).toMatchObject({ ok: true, payload: { type: 'OnIdle', evseId: 1 } });
  });
});

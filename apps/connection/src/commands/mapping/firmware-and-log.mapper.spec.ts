import { fromOcppResponse } from './from-ocpp-response';
import { derivedRequestId } from './request-id';
import { COMMAND_ID, at, commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const plainUpdate = { location: 'https://fw.example.com/v2.bin', retrieveAt: at('2025-02-01T02:00:00Z'), retries: 3, retryIntervalSeconds: 60 };
const signedUpdate = { ...plainUpdate, requestId: 41n, signingCertificatePem: PEM, signature: 'c2lnbmF0dXJl', installAt: at('2025-02-01T03:00:00Z') };
const updateFirmware = (value: object, issuedAt = at('2025-01-31T00:00:00Z')) => commandWith({ case: 'updateFirmware', value }, { issuedAt });
const getLog = (value: object) => commandWith({ case: 'getLog', value });

describe('update firmware', () => {
  it('maps an unsigned update to 1.6 UpdateFirmware', () => {
    expectCall('1.6', updateFirmware(plainUpdate), {
      action: 'UpdateFirmware',
      payload: { location: 'https://fw.example.com/v2.bin', retrieveDate: '2025-02-01T02:00:00.000Z', retries: 3, retryInterval: 60 },
    });
  });

  it('retrieves at the instant the command was issued when no retrieve time is given', () => {
    expectCall('1.6', updateFirmware({ location: 'https://fw.example.com/v2.bin' }), {
      action: 'UpdateFirmware',
      payload: { location: 'https://fw.example.com/v2.bin', retrieveDate: '2025-01-31T00:00:00.000Z' },
    });
    expectRefusal('1.6', commandWith({ case: 'updateFirmware', value: { location: 'https://fw.example.com/v2.bin' } }), 'needs a retrieve time');
  });

  it('maps a signed update to the 1.6 security extension SignedUpdateFirmware', () => {
    expectCall('1.6', updateFirmware(signedUpdate), {
      action: 'SignedUpdateFirmware',
      payload: {
        requestId: 41,
        firmware: {
          location: 'https://fw.example.com/v2.bin',
          retrieveDateTime: '2025-02-01T02:00:00.000Z',
          installDateTime: '2025-02-01T03:00:00.000Z',
          signingCertificate: PEM,
          signature: 'c2lnbmF0dXJl',
        },
        retries: 3,
        retryInterval: 60,
      },
    });
  });

  it('refuses in 1.6 what UpdateFirmware cannot carry: an install time, or half a signature', () => {
    expectRefusal('1.6', updateFirmware({ ...plainUpdate, installAt: at('2025-02-01T03:00:00Z') }), 'has no install time');
    expectRefusal('1.6', updateFirmware({ ...plainUpdate, signature: 'c2ln' }), 'needs both the signing certificate and the signature');
  });

  it('maps to 2.0.1 UpdateFirmware, deriving the request id when none is given', () => {
    expectCall('2.0.1', updateFirmware(plainUpdate), {
      action: 'UpdateFirmware',
      payload: {
        requestId: derivedRequestId(COMMAND_ID),
        firmware: { location: 'https://fw.example.com/v2.bin', retrieveDateTime: '2025-02-01T02:00:00.000Z' },
        retries: 3,
        retryInterval: 60,
      },
    });
  });

  it('refuses a missing location and a request id beyond 32 bits', () => {
    expectRefusal('2.0.1', updateFirmware({ ...plainUpdate, location: '' }), 'needs a location');
    expectRefusal('2.0.1', updateFirmware({ ...plainUpdate, requestId: 2n ** 40n }), 'is not a positive 32-bit integer');
  });

  it('answers 1.6 UpdateFirmware (an empty answer) as accepted', () => {
    expect(fromOcppResponse('1.6', updateFirmware(plainUpdate), validAnswer('1.6', 'UpdateFirmware', {}))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted' },
    });
  });

  it('answers a signed or 2.0.1 update with its status and request id', () => {
    const answer = validAnswer('1.6', 'SignedUpdateFirmware', { status: 'InvalidCertificate' });
    expect(fromOcppResponse('1.6', updateFirmware(signedUpdate), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'InvalidCertificate', requestId: 41 },
    });
    const accepted = validAnswer('2.0.1', 'UpdateFirmware', { status: 'AcceptedCanceled' });
    expect(fromOcppResponse('2.0.1', updateFirmware(signedUpdate), accepted)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'AcceptedCanceled', requestId: 41 },
    });
  });
});

describe('get log', () => {
  const window = { location: 'ftp://logs.example.com/up', oldest: at('2025-01-01T00:00:00Z'), latest: at('2025-01-02T00:00:00Z'), retries: 2 };

  it('maps a 1.6 diagnostics log without request id to GetDiagnostics', () => {
    expectCall('1.6', getLog(window), {
      action: 'GetDiagnostics',
      payload: { location: 'ftp://logs.example.com/up', startTime: '2025-01-01T00:00:00.000Z', stopTime: '2025-01-02T00:00:00.000Z', retries: 2 },
    });
  });

  it('maps a 1.6 security log, or any log with a request id, to the security extension GetLog', () => {
    expectCall('1.6', getLog({ ...window, logType: 'SecurityLog', requestId: 8n }), {
      action: 'GetLog',
      payload: {
        logType: 'SecurityLog',
        requestId: 8,
        log: { remoteLocation: 'ftp://logs.example.com/up', oldestTimestamp: '2025-01-01T00:00:00.000Z', latestTimestamp: '2025-01-02T00:00:00.000Z' },
        retries: 2,
      },
    });
    expectCall('1.6', getLog({ location: 'ftp://logs.example.com/up', logType: 'DiagnosticsLog', requestId: 9n }), {
      action: 'GetLog',
      payload: { logType: 'DiagnosticsLog', requestId: 9, log: { remoteLocation: 'ftp://logs.example.com/up' } },
    });
  });

  it('maps to 2.0.1 GetLog, the diagnostics log by default, deriving the request id', () => {
    expectCall('2.0.1', getLog({ location: 'ftp://logs.example.com/up' }), {
      action: 'GetLog',
      payload: { logType: 'DiagnosticsLog', requestId: derivedRequestId(COMMAND_ID), log: { remoteLocation: 'ftp://logs.example.com/up' } },
    });
  });

  it('refuses an unknown log type and a missing location', () => {
    expectRefusal('2.0.1', getLog({ ...window, logType: 'DebugLog' }), 'log type "DebugLog" is neither DiagnosticsLog nor SecurityLog');
    expectRefusal('1.6', getLog({ ...window, location: '' }), 'needs a location');
  });

  it('answers GetDiagnostics with the file name, GetLog with status, file name and request id', () => {
    const diagnostics = validAnswer('1.6', 'GetDiagnostics', { fileName: 'diag.zip' });
    expect(fromOcppResponse('1.6', getLog(window), diagnostics)).toStrictEqual({ accepted: true, result: { status: 'Accepted', filename: 'diag.zip' } });
    const log = validAnswer('2.0.1', 'GetLog', { status: 'Accepted', filename: 'security.log' });
    expect(fromOcppResponse('2.0.1', getLog({ ...window, requestId: 5n }), log)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', filename: 'security.log', requestId: 5 },
    });
  });
});

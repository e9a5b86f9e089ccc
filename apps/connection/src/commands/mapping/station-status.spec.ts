import { normaliseStatus } from './station-status';

describe('status normalisation', () => {
  it.each([
    ['Accepted', 'Accepted'],
    ['AcceptedCanceled', 'Accepted'],
    ['Unlocked', 'Accepted'],
    ['Scheduled', 'Scheduled'],
    ['RebootRequired', 'RebootRequired'],
  ])('counts %s as success (%s)', (stationStatus, status) => {
    expect(normaliseStatus(stationStatus)).toEqual({ status, accepted: true });
  });

  it.each([
    ['Rejected', 'Rejected'],
    ['OngoingAuthorizedTransaction', 'Rejected'],
    ['InvalidCertificate', 'Rejected'],
    ['RevokedCertificate', 'Rejected'],
    ['NotSupported', 'NotSupported'],
    ['NotImplemented', 'NotSupported'],
    ['NotSupportedAttributeType', 'NotSupported'],
    ['UnknownMessageId', 'NotSupported'],
    ['UnknownVendorId', 'NotSupported'],
    ['NotFound', 'NotFound'],
    ['Unknown', 'NotFound'],
    ['UnknownConnector', 'NotFound'],
    ['UnknownComponent', 'NotFound'],
    ['UnknownVariable', 'NotFound'],
    ['Failed', 'Failed'],
    ['UnlockFailed', 'Failed'],
    ['VersionMismatch', 'VersionMismatch'],
  ])('counts %s as a refusal (%s)', (stationStatus, status) => {
    expect(normaliseStatus(stationStatus)).toEqual({ status, accepted: false });
  });

  it('counts a status no mapped action defines as Rejected', () => {
    expect(normaliseStatus('Occupied')).toEqual({ status: 'Rejected', accepted: false });
    expect(normaliseStatus('constructor')).toEqual({ status: 'Rejected', accepted: false });
  });
});

import { fromOcppResponse } from './from-ocpp-response';
import { at, authorization, commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const entry = (value: string, status: number, type = '', expiresAt?: ReturnType<typeof at>) => ({ idToken: { value, type }, status, expiresAt });
const sendList = (full: boolean, entries: object[], version = 4) => commandWith({ case: 'sendLocalList', value: { version, full, entries } });
const EXPIRY = at('2026-01-01T00:00:00Z');

describe('send local list', () => {
  it('maps a full list to 1.6 with idTagInfo', () => {
    expectCall('1.6', sendList(true, [entry('TAG-1', authorization.accepted, '', EXPIRY), entry('TAG-2', authorization.unknown)]), {
      action: 'SendLocalList',
      payload: {
        listVersion: 4,
        updateType: 'Full',
        localAuthorizationList: [
          { idTag: 'TAG-1', idTagInfo: { status: 'Accepted', expiryDate: '2026-01-01T00:00:00.000Z' } },
          { idTag: 'TAG-2', idTagInfo: { status: 'Invalid' } },
        ],
      },
    });
  });

  it('maps a differential list to 2.0.1, an entry without status removing its token', () => {
    expectCall('2.0.1', sendList(false, [entry('TAG-1', authorization.blocked, 'eMAID', EXPIRY), entry('TAG-2', authorization.unspecified), entry('TAG-3', authorization.unknown)]), {
      action: 'SendLocalList',
      payload: {
        versionNumber: 4,
        updateType: 'Differential',
        localAuthorizationList: [
          { idToken: { idToken: 'TAG-1', type: 'eMAID' }, idTokenInfo: { status: 'Blocked', cacheExpiryDateTime: '2026-01-01T00:00:00.000Z' } },
          { idToken: { idToken: 'TAG-2', type: 'ISO14443' } },
          { idToken: { idToken: 'TAG-3', type: 'ISO14443' }, idTokenInfo: { status: 'Unknown' } },
        ],
      },
    });
  });

  it('sends an empty full list as no list', () => {
    expectCall('1.6', sendList(true, []), { action: 'SendLocalList', payload: { listVersion: 4, updateType: 'Full' } });
    expectCall('2.0.1', sendList(true, []), { action: 'SendLocalList', payload: { versionNumber: 4, updateType: 'Full' } });
  });

  it('refuses reserved versions, status-less entries in a full list, tokens too long for 1.6', () => {
    expectRefusal('1.6', sendList(true, [], 0), 'local list version 0 is reserved');
    expectRefusal('2.0.1', sendList(true, [entry('TAG-1', authorization.unspecified)]), 'a full local list cannot hold an entry without a status');
    expectRefusal('1.6', sendList(false, [entry('T'.repeat(21), authorization.accepted)]), 'must NOT have more than 20 characters');
    expectRefusal('2.0.1', sendList(false, [entry('', authorization.accepted)]), 'has no id token');
  });

  it('reads VersionMismatch as its own status', () => {
    const answer = validAnswer('2.0.1', 'SendLocalList', { status: 'VersionMismatch' });
    expect(fromOcppResponse('2.0.1', sendList(false, []), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'VersionMismatch', stationStatus: 'VersionMismatch' },
    });
  });
});

describe('local list version and cache', () => {
  const getVersion = commandWith({ case: 'getLocalListVersion', value: {} });
  const clearCache = commandWith({ case: 'clearCache', value: {} });

  it('maps GetLocalListVersion and ClearCache to empty payloads in both versions', () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      expectCall(version, getVersion, { action: 'GetLocalListVersion', payload: {} });
      expectCall(version, clearCache, { action: 'ClearCache', payload: {} });
    }
  });

  it('answers the list version of both versions as version', () => {
    expect(fromOcppResponse('1.6', getVersion, validAnswer('1.6', 'GetLocalListVersion', { listVersion: 7 }))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', version: 7 },
    });
    expect(fromOcppResponse('2.0.1', getVersion, validAnswer('2.0.1', 'GetLocalListVersion', { versionNumber: 0 }))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', version: 0 },
    });
  });

  it('maps the ClearCache status', () => {
    expect(fromOcppResponse('1.6', clearCache, validAnswer('1.6', 'ClearCache', { status: 'Rejected' }))).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'Rejected' },
    });
  });
});

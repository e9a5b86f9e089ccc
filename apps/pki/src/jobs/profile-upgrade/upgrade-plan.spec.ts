import { decideUpgrade, freeSlot, networkProfilePayload, parsePriority, upgradedPriority } from './upgrade-plan';

const station = { stationId: 'CP-1', connected: true, securityProfile: 1, holdsClientCertificate: false };

describe('decideUpgrade', () => {
  it('allows a real upgrade', () => {
    expect(decideUpgrade(station, 2)).toBeUndefined();
    expect(decideUpgrade({ ...station, holdsClientCertificate: true }, 3)).toBeUndefined();
  });

  it('refuses a downgrade or the same profile', () => {
    expect(decideUpgrade({ ...station, securityProfile: 2 }, 1)?.code).toBe('not-an-upgrade');
    expect(decideUpgrade({ ...station, securityProfile: 2 }, 2)?.detail).toContain('never a downgrade');
  });

  it('only upgrades onto TLS', () => {
    expect(decideUpgrade({ ...station, securityProfile: 0 }, 1)?.code).toBe('profile-unsupported');
    expect(decideUpgrade(station, 1)?.code).toBe('not-an-upgrade');
  });

  it('refuses profile 3 without a client certificate of ours', () => {
    expect(decideUpgrade(station, 3)).toMatchObject({ code: 'client-certificate-missing', detail: expect.stringContaining('sign one first') });
  });

  it('refuses an offline station', () => {
    expect(decideUpgrade({ ...station, connected: false }, 2)?.code).toBe('station-not-connected');
  });
});

describe('network profile slots', () => {
  it('reads priority lists and refuses anything else', () => {
    expect(parsePriority('1')).toEqual([1]);
    expect(parsePriority(' 2, 1 ')).toEqual([2, 1]);
    expect(parsePriority('')).toBeUndefined();
    expect(parsePriority('a,1')).toBeUndefined();
    expect(parsePriority(undefined)).toBeUndefined();
  });

  it('puts the new slot first and keeps the old ones as fallback', () => {
    expect(freeSlot([1])).toBe(2);
    expect(freeSlot([3, 1])).toBe(4);
    expect(freeSlot([])).toBe(1);
    expect(upgradedPriority(2, [1])).toBe('2,1');
    expect(upgradedPriority(4, [3, 1])).toBe('4,3,1');
  });

  it('builds SetNetworkProfile for OCPP 2.0.1 over JSON', () => {
    expect(networkProfilePayload(2, 'wss://gw/ocpp', 2)).toEqual({
      configurationSlot: 2,
      connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'wss://gw/ocpp', messageTimeout: 30, securityProfile: 2, ocppInterface: 'Wired0' },
    });
  });
});

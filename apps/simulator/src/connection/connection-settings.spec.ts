import { SettingsProblemCode, basicAuthorization, socketTargetOf, stationUrl } from './connection-settings';

describe('stationUrl', () => {
  it('appends the station id to a base path', () => {
    expect(stationUrl('ws://127.0.0.1:9000/ocpp', 'CP-1')).toBe('ws://127.0.0.1:9000/ocpp/CP-1');
    expect(stationUrl('ws://127.0.0.1:9000/ocpp/', 'CP-1')).toBe('ws://127.0.0.1:9000/ocpp/CP-1');
  });

  it('substitutes {id} and encodes it', () => {
    expect(stationUrl('wss://csms.example/ocpp/{id}?x=1', 'a b')).toBe('wss://csms.example/ocpp/a%20b?x=1');
  });
});

describe('socketTargetOf', () => {
  it('offers exactly the subprotocol of the version', () => {
    const result = socketTargetOf('CP-1', '2.0.1', { url: 'ws://h/ocpp', securityProfile: 0 });
    expect(result).toMatchObject({ ok: true, target: { url: 'ws://h/ocpp/CP-1', protocols: ['ocpp2.0.1'] } });
  });

  it('sends no credentials with profile 0', () => {
    const result = socketTargetOf('CP-1', '1.6', { url: 'ws://h/ocpp', securityProfile: 0, password: 'ignored' });
    expect(result.ok && result.target.options.headers).toBeUndefined();
  });

  it('sends HTTP Basic with the station id as user for profiles 1 and 2', () => {
    const result = socketTargetOf('CP-1', '1.6', { url: 'wss://h/ocpp', securityProfile: 2, password: 'secret-secret-16', ca: 'PEM' });
    expect(result).toMatchObject({ ok: true, target: { options: { headers: { authorization: basicAuthorization('CP-1', 'secret-secret-16') }, ca: 'PEM' } } });
    expect(basicAuthorization('CP-1', 'pw')).toBe(`Basic ${Buffer.from('CP-1:pw').toString('base64')}`);
  });

  it('presents the client certificate with profile 3', () => {
    const result = socketTargetOf('CP-1', '1.6', { url: 'wss://h/ocpp', securityProfile: 3, cert: 'C', key: 'K', localAddress: '127.0.0.2' });
    expect(result).toMatchObject({ ok: true, target: { options: { cert: 'C', key: 'K', localAddress: '127.0.0.2' } } });
  });

  it.each([
    [{ url: 'http://h/ocpp', securityProfile: 0 as const }, SettingsProblemCode.InvalidUrl],
    [{ url: 'not a url', securityProfile: 0 as const }, SettingsProblemCode.InvalidUrl],
    [{ url: 'ws://h/ocpp', securityProfile: 2 as const, password: 'p' }, SettingsProblemCode.ProfileNeedsWss],
    [{ url: 'wss://h/ocpp', securityProfile: 1 as const, password: 'p' }, SettingsProblemCode.ProfileNeedsWs],
    [{ url: 'ws://h/ocpp', securityProfile: 1 as const }, SettingsProblemCode.MissingPassword],
    [{ url: 'wss://h/ocpp', securityProfile: 3 as const, cert: 'C' }, SettingsProblemCode.MissingClientCertificate],
  ])('refuses inconsistent settings %#', (settings, code) => {
    expect(socketTargetOf('CP-1', '1.6', settings)).toMatchObject({ ok: false, problem: { code } });
  });
});

import { type PresentedCredentials, RefusalReason, decideProfile } from './connection-profile';

const none: PresentedCredentials = { transport: 'ws', basicAuth: 'absent', clientCertificate: 'absent' };
const basicWs: PresentedCredentials = { ...none, basicAuth: 'valid' };
const basicWss: PresentedCredentials = { ...basicWs, transport: 'wss' };
const mutualTls: PresentedCredentials = { transport: 'wss', basicAuth: 'absent', clientCertificate: 'valid' };

describe('decideProfile', () => {
  it('ignores an invalid client certificate of a station below profile 3 that authenticates with its password (regression)', () => {
    expect(decideProfile(2, { ...basicWss, clientCertificate: { invalid: 'CRL has expired' } })).toEqual({ accept: true, profile: 2 });
  });

  it.each([
    [0, none, 0],
    [0, basicWs, 1],
    [1, basicWs, 1],
    [1, basicWss, 2],
    [2, basicWss, 2],
    [1, mutualTls, 3],
    [3, mutualTls, 3],
  ])('accepts a station configured for profile %i when the connection offers %o', (configured, credentials, profile) => {
    expect(decideProfile(configured, credentials)).toEqual({ accept: true, profile });
  });

  it.each([
    [1, none, RefusalReason.missingCredentials],
    [2, basicWs, RefusalReason.profileDowngrade],
    [3, basicWss, RefusalReason.profileDowngrade],
    [3, { ...none, transport: 'wss' as const }, RefusalReason.missingCredentials],
    [1, { ...none, basicAuth: 'invalid' as const }, RefusalReason.invalidCredentials],
    [0, { ...none, basicAuth: 'invalid' as const }, RefusalReason.invalidCredentials],
    [3, { ...mutualTls, clientCertificate: { invalid: 'expired' } }, RefusalReason.invalidClientCertificate],
    [2, { ...none, transport: 'wss' as const, clientCertificate: { invalid: 'expired' } }, RefusalReason.missingCredentials],
  ])('refuses a station configured for profile %i offering %o: %s', (configured, credentials, reason) => {
    expect(decideProfile(configured, credentials)).toMatchObject({ accept: false, reason });
  });
});

import { consoleClientConfigOf, consoleContentSecurityPolicy } from './console-client-config';

describe('console config.json', () => {
  it('points every API at /api of the console’s own origin by default (embedded mode), without OIDC', () => {
    expect(consoleClientConfigOf({ api: { smartCharging: undefined, pki: undefined }, oidc: undefined })).toEqual({ api: { connection: '/api', smartCharging: '/api', pki: '/api' }, oidc: null });
    expect(consoleContentSecurityPolicy({ api: { smartCharging: undefined, pki: undefined }, oidc: undefined })).toContain("connect-src 'self';");
  });

  it('names the other services’ base URLs and the OIDC client in the distributed mode, and lets the CSP reach them once each', () => {
    const settings = { api: { smartCharging: 'http://host:3001/api', pki: 'http://host:3002/api' }, oidc: { issuer: 'https://kc.example/realms/cpo', clientId: 'csms-console', scope: 'openid' } };
    expect(consoleClientConfigOf(settings)).toEqual({ api: { connection: '/api', smartCharging: 'http://host:3001/api', pki: 'http://host:3002/api' }, oidc: settings.oidc });
    expect(consoleContentSecurityPolicy({ ...settings, api: { smartCharging: 'http://host:3001/api', pki: 'http://host:3001/api' } })).toContain("connect-src 'self' http://host:3001 https://kc.example;");
  });
});

import path from 'node:path';
import { configErrorOf } from './config-error-of.testing';
import { loadConfig } from './load-config';

const connection = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };
const OIDC = { OIDC_ISSUER: 'https://kc.example/realms/cpo', OIDC_AUDIENCE: 'csms' };

describe('console configuration', () => {
  it('serves dist/apps/console of the installation by default, same-origin APIs, no OIDC and no CORS', () => {
    const config = loadConfig(connection, {});
    expect(config.console).toEqual({ enabled: true, dir: path.resolve(__dirname, '../../..', 'dist/apps/console'), api: { smartCharging: undefined, pki: undefined }, oidc: undefined });
    expect(config.cors).toEqual({ allowedOrigins: [] });
  });

  it('takes a console folder, can be switched off, and makes every API URL a base ending in /api', () => {
    const config = loadConfig(connection, {
      CONSOLE_DIR: 'web/console',
      CONSOLE_ENABLED: 'false',
      CONSOLE_SMART_CHARGING_API_URL: 'http://sc.example:3001/',
      CONSOLE_PKI_API_URL: 'https://pki.example/api',
    });
    expect(config.console).toMatchObject({ enabled: false, dir: path.resolve('web/console'), api: { smartCharging: 'http://sc.example:3001/api', pki: 'https://pki.example/api' } });
  });

  it('refuses API URLs that are not absolute http(s)', () => {
    expect(configErrorOf(() => loadConfig(connection, { CONSOLE_PKI_API_URL: '/pki' })).variable).toBe('CONSOLE_PKI_API_URL');
    expect(configErrorOf(() => loadConfig(connection, { CONSOLE_SMART_CHARGING_API_URL: 'ftp://sc' })).variable).toBe('CONSOLE_SMART_CHARGING_API_URL');
  });

  it('tells the console about OIDC only with both the issuer and its client id, scope openid by default', () => {
    expect(loadConfig(connection, OIDC).console.oidc).toBeUndefined();
    expect(loadConfig(connection, { ...OIDC, CONSOLE_OIDC_CLIENT_ID: 'csms-console' }).console.oidc).toEqual({ issuer: OIDC.OIDC_ISSUER, clientId: 'csms-console', scope: 'openid' });
    expect(loadConfig(connection, { ...OIDC, CONSOLE_OIDC_CLIENT_ID: 'c', CONSOLE_OIDC_SCOPE: 'openid profile' }).console.oidc?.scope).toBe('openid profile');
    expect(configErrorOf(() => loadConfig(connection, { CONSOLE_OIDC_CLIENT_ID: 'csms-console' })).variable).toBe('CONSOLE_OIDC_CLIENT_ID');
  });

  it('takes exact CORS origins and refuses anything else at start', () => {
    expect(loadConfig(connection, { CORS_ALLOWED_ORIGINS: 'http://localhost:3000, https://console.example' }).cors.allowedOrigins).toEqual(['http://localhost:3000', 'https://console.example']);
    for (const bad of ['*', 'null', 'https://console.example/', 'https://console.example/app', 'console.example', 'ftp://console.example', 'https://a.example,*']) {
      expect(configErrorOf(() => loadConfig(connection, { CORS_ALLOWED_ORIGINS: bad })).variable).toBe('CORS_ALLOWED_ORIGINS');
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedAdminToken } from '@test/support/e2e-run';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type AppName, type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { createTestDatabase } from '@test/support/test-database';

/**
 * Where API tokens come from: the embedded process generates an admin token on first start and
 * keeps it; API_TOKENS_FILE is checked at start-up (a wrong one stops the process with one line);
 * a distributed service without it refuses every REST call.
 */
describe('operator API tokens', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-api-tokens-'));
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  async function started(app: AppName, env: Record<string, string>): Promise<ServiceProcess> {
    const service = startService(app, { OCPP_WS_PORT: String(await freePort()), ...env }, await freePort());
    running.push(service);
    await waitUntilReady(service, 30_000);
    return service;
  }

  const stations = (service: ServiceProcess, token?: string) =>
    fetch(`${service.baseUrl}/api/stations`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  describe('embedded mode without API_TOKENS_FILE', () => {
    const dataDir = path.join(dir, 'data');
    let token = '';

    it('generates an admin token on first start, prints where it is, and never prints or logs the token itself', async () => {
      const service = await started('embedded', { EMBEDDED_DATA_DIR: dataDir });
      const tokenFile = path.join(dataDir, 'admin-token');
      token = embeddedAdminToken(dataDir);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(service.output()).toContain(`API token     admin token in ${tokenFile}`);
      expect(readFileSync(path.join(dataDir, 'api-tokens.json'), 'utf8')).not.toContain(token);
      expect((await stations(service, token)).status).toBe(200);
      expect((await stations(service, `${token}x`)).status).toBe(401);
      expect((await stations(service)).status).toBe(401);
      // Request logs (LOG_LEVEL info) carry the Authorization header redacted.
      expect(service.output()).toContain('/api/stations');
      expect(service.output()).not.toContain(token);
      expect(await service.stop('SIGTERM')).toBe(0);
    });

    it('keeps the same token across a restart', async () => {
      const service = await started('embedded', { EMBEDDED_DATA_DIR: dataDir });
      expect(readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim()).toBe(token);
      expect((await stations(service, token)).status).toBe(200);
      expect(await service.stop('SIGTERM')).toBe(0);
    });
  });

  it('refuses every REST call of a distributed service without API_TOKENS_FILE, and says so at start-up', async () => {
    const database = await createTestDatabase('api_tokens_none');
    try {
      const service = await started('connection', { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('apitokens'), DATABASE_URL: database.url });
      expect(service.output()).toContain('API_TOKENS_FILE is not set: the REST API answers 401 to every request');
      expect((await stations(service, 'anything-at-all')).status).toBe(401);
      expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
      await service.stop('SIGKILL');
    } finally {
      await database.drop();
    }
  });

  describe('start-up checks of API_TOKENS_FILE', () => {
    it.each([
      ['a file that does not exist', () => path.join(dir, 'missing.json'), 'names a file that cannot be read (ENOENT)'],
      ['a file that is not JSON', () => file('broken.json', '{'), 'is not valid JSON'],
      ['an entry with an unknown role', () => file('role.json', JSON.stringify([{ name: 'x', sha256: 'a'.repeat(64), roles: ['root'] }])), 'entry 0 roles.0:'],
    ])('stops the connection service on %s, with one line naming the variable', async (_case, pathOf, reason) => {
      const service = startService('connection', { API_TOKENS_FILE: pathOf() }, await freePort());
      running.push(service);
      expect(await service.exited).toBe(1);
      const lines = service.output().trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(/^invalid configuration: API_TOKENS_FILE /)]);
      expect(lines[0]).toContain(reason);
      expect(lines[0]).not.toContain('a'.repeat(64));
    });

    function file(name: string, content: string): string {
      const target = path.join(dir, name);
      writeFileSync(target, content);
      return target;
    }
  });
});

import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ProductionInstall, createProductionInstall, runLauncher, serveFromInstall, spawnInInstall } from '@test/support/production-install';
import { type ServiceProcess, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The production artefact: dist/ plus only the packages `npm ci --omit=dev` installs, started
 * through the launcher the container image runs (ADR 046). No build and no dev dependency at run time.
 */
describe('production artefact: dist/ and production dependencies only', () => {
  let install: ProductionInstall;
  let database: TestDatabase;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    install = createProductionInstall();
    database = await createTestDatabase('production_artefact');
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop('SIGKILL')));
    await database?.drop();
    install?.remove();
  });

  it('has no dev dependency to fall back on (the isolation this test relies on)', async () => {
    // Strictly dev packages only: a `devOptional` one (typescript, an optional peer) stays with --omit=dev.
    for (const devOnly of ['jest', '@swc/core', '@nestjs/testing', 'eslint']) expect(existsSync(path.join(install.dir, 'node_modules', devOnly))).toBe(false);
    expect(existsSync(path.join(install.dir, 'node_modules/@nestjs/core'))).toBe(true);
    const probe = spawnInInstall(install, ['-e', "require.resolve('jest')"], {});
    const code = await new Promise((resolve) => probe.once('close', resolve));
    expect(code).not.toBe(0);
  });

  it('passes the install check: every app loads, the native addon loads, the embedded store is prepared', async () => {
    const { code, output } = await runLauncher(install, ['check']);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('ok   app embedded: loads') });
    expect(output.match(/^ok {3}/gm)).toHaveLength(6);
    expect(output).not.toContain('FAIL');
  });

  it('migrates every schema and exits, and a second run finds nothing to do', async () => {
    const env = { DATABASE_URL: database.url };
    const first = await runLauncher(install, ['migrate', 'connection', 'smart-charging', 'pki'], env);
    expect(first.code).toBe(0);
    expect(first.output.match(/applied migrations/g)).toHaveLength(3);
    const tables = await database.query<{ schema: string }>("SELECT DISTINCT table_schema AS schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY 1");
    expect(tables.map((row) => row.schema)).toEqual(['connection', 'pki', 'smart_charging']);
    const second = await runLauncher(install, ['migrate', 'pki'], env);
    expect(second.code).toBe(0);
    expect(second.output).not.toContain('applied migrations');
    expect(second.output).toContain('schema is up to date');
  });

  it('serves each distributed service until ready, and stops cleanly on SIGTERM', async () => {
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('artefact'),
      KAFKA_PARTITIONS: '1',
      KAFKA_COMMAND_PARTITIONS: '1',
      DATABASE_URL: database.url,
      OCPP_WS_PORT: String(await freePort()),
    };
    for (const app of ['connection', 'smart-charging', 'pki'] as const) services.push(serveFromInstall(install, app, env, await freePort()));
    await Promise.all(services.map((service) => waitUntilReady(service, 90_000)));
    const codes = await Promise.all(services.map((service) => service.stop('SIGTERM')));
    expect(codes).toEqual([0, 0, 0]);
  });
});

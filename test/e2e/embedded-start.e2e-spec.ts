import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { processAlive } from '@test/support/process-alive';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';

const READY_TIMEOUT_MS = 120_000;
// Each start keeps both cores busy for half a minute, which slows every test running beside it;
// five in a row keep the check within CI's time now that the suite has grown.
const STARTS = 5;

/** Processes that keep both cores busy, as other work on a developer's machine or a CI runner does. */
function cpuBurners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/** The newcomer's first `npm start`, and what they see when it cannot start. */
describe('embedded mode start-up', () => {
  const dirs: string[] = [];
  const running: ServiceProcess[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-first-start-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  async function start(dataDir: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const service = startService('embedded', { EMBEDDED_DATA_DIR: dataDir, OCPP_WS_PORT: String(await freePort()), ...env }, Number(env.HTTP_PORT ?? (await freePort())));
    running.push(service);
    return service;
  }

  /** stderr without blank lines: what a person reads when the process stops. */
  const errorLines = (service: ServiceProcess) => service.errorOutput().split('\n').filter((line) => line.trim() !== '');

  it(`is ready from an empty data folder ${STARTS} times in a row while both cores are busy`, async () => {
    const burners = cpuBurners(2);
    const readyAfterMs: number[] = [];
    try {
      for (let attempt = 0; attempt < STARTS; attempt += 1) {
        const started = Date.now();
        const service = await start(newDataDir());
        await waitUntilReady(service, READY_TIMEOUT_MS);
        readyAfterMs.push(Date.now() - started);
        expect(service.output()).toContain('CSMS is running');
        expect(errorLines(service)).toEqual([]);
        expect(await service.stop('SIGTERM')).toBe(0);
      }
    } finally {
      burners.forEach((burner) => burner.kill('SIGKILL'));
    }
    process.stdout.write(`embedded start-up under two CPU burners, ready after (ms): ${readyAfterMs.join(', ')}\n`);
    expect(readyAfterMs).toHaveLength(STARTS);
  }, STARTS * (READY_TIMEOUT_MS + 30_000));

  it('stops with one line naming a port in use and how to move it, leaving no database server behind', async () => {
    const dataDir = newDataDir();
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => {
        const address = blocker.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    try {
      const service = await start(dataDir, { HTTP_PORT: String(port) });
      expect(await service.exited).toBe(1);
      expect(errorLines(service)).toEqual([`start-up failed: port ${port} is already in use; stop what listens there, or choose another port (HTTP_PORT)`]);
      const serverPid = Number(readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').match(/\[(\d+)\] LOG: {2}starting PostgreSQL/)?.[1]);
      expect(serverPid).toBeGreaterThan(0);
      await eventually('the database server to stop with the process', async () => (processAlive(serverPid) ? undefined : true), 60_000);
    } finally {
      blocker.close();
    }
  });

  it('stops with one line when another CSMS process already uses the data folder', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await waitUntilReady(first, READY_TIMEOUT_MS);
    const second = await start(dataDir);
    expect(await second.exited).toBe(1);
    const lines = errorLines(second);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^start-up failed: the embedded store in .* is in use by another process \(PostgreSQL pid \d+\); stop the other CSMS process, or set EMBEDDED_DATA_DIR to another folder$/);
    // The first one is unharmed.
    expect((await fetch(`${first.baseUrl}/health/ready`)).status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);
  });
});

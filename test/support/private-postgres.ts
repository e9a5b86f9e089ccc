import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from './repo-root';
import type { TestDatabase } from './test-database';

const run = promisify(execFile);

/**
 * A PostgreSQL server of one test's own (tools/postgres), for a test that stops and starts it:
 * the shared server on :5432 serves the other tests and is never touched. Commands run without
 * blocking the event loop, so simulated stations keep sending while the server goes down.
 */
export class PrivatePostgres {
  private constructor(
    readonly runDir: string,
    readonly adminUrl: string,
  ) {}

  static async start(runName: string): Promise<PrivatePostgres> {
    const runDir = path.join(repoRoot(), '.cache/postgres', `${runName}-${randomBytes(3).toString('hex')}`);
    const output = await command(runDir, 'start');
    const adminUrl = /^DATABASE_ADMIN_URL=(.+)$/m.exec(output)?.[1];
    if (!adminUrl) throw new Error(`postgres-server.sh start printed no DATABASE_ADMIN_URL:\n${output}`);
    return new PrivatePostgres(runDir, adminUrl);
  }

  /** Fast shutdown: open transactions roll back, every client is disconnected. */
  async stop(): Promise<void> {
    await command(this.runDir, 'stop');
  }

  /** Starts the stopped server again, on the same port and data. */
  async restart(): Promise<void> {
    await command(this.runDir, 'start');
  }

  /** Stops the server and deletes its data. */
  async reset(): Promise<void> {
    await command(this.runDir, 'reset');
  }

  async createDatabase(label: string): Promise<TestDatabase> {
    const name = `csms_fault_${label.replace(/\W/g, '_')}`;
    await this.withClient(this.adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      name,
      query: async (sql, params) => this.withClient(url.toString(), async (client) => (await client.query(sql, params)).rows),
      // The whole server goes with reset(); dropping one database first would only cost time.
      drop: async () => undefined,
    };
  }

  private async withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

async function command(runDir: string, name: 'start' | 'stop' | 'reset'): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PG_RUN_DIR: runDir };
  delete env.PG_PORT;
  const { stdout } = await run('bash', [path.join(repoRoot(), 'tools/postgres/postgres-server.sh'), name], { env, timeout: 300_000 });
  return stdout;
}

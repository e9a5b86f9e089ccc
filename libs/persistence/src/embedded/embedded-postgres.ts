import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '@app/config';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { locatePostgresBinaries } from './postgres-binaries';
import { PostgresServerProcess, type SocketConnection } from './postgres-server.process';
import { serverAccount } from './server-account';
import { clearStaleServer } from './stale-server';
import { checkVersion, initialise } from './store-cluster';
import { ownRecursively, reachableBinaries, reachableStoreDir, rotate, socketDirIn } from './store-folders';
export interface EmbeddedConnection extends SocketConnection {
  database: string;
}

/** A share of the process's embedded server; the last release stops it. */
export interface EmbeddedPostgresLease {
  connection: EmbeddedConnection;
  release(): Promise<void>;
}

const DATABASE = 'csms';

/**
 * Small, since the whole system shares one machine with it: an idle server takes ~10 MB,
 * each busy connection a few more. Only the Unix socket in a private directory is served.
 */
const SERVER_SETTINGS: Record<string, string> = {
  max_connections: '100',
  synchronous_commit: 'off',
  shared_buffers: '32MB',
  wal_buffers: '16MB',
  io_method: 'sync',
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_logical_replication_workers: '0',
  max_parallel_workers_per_gather: '0',
  min_wal_size: '32MB',
  max_wal_size: '256MB',
  timezone: 'UTC',
  log_timezone: 'UTC',
  unix_socket_permissions: '0700',
};

interface Shared {
  started: Promise<{ server: PostgresServerProcess; connection: EmbeddedConnection }>;
  users: number;
}

const servers = new Map<string, Shared>();

/**
 * A real PostgreSQL server for the embedded mode, from the binaries npm installed, with its data
 * in `<dataDir>/postgres`; every service in the process shares it (one schema each, as in the
 * distributed mode). Started by the first service that asks, stopped after the last releases it.
 */
export async function acquireEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgresLease> {
  const key = path.resolve(dataDir);
  let shared = servers.get(key);
  if (shared === undefined) {
    shared = { started: startStore(key, logger).catch((error: unknown) => Promise.reject(asStartupError(error, key))), users: 0 };
    servers.set(key, shared);
    shared.started.catch(() => servers.delete(key));
  }
  shared.users += 1;
  const current = shared;
  const { connection } = await current.started;
  let released = false;
  return {
    connection,
    async release() {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users > 0) return;
      servers.delete(key);
      await (await current.started).server.stop();
    },
  };
}

/** Anything unforeseen still ends the start with one line that points at the folder. */
function asStartupError(error: unknown, dataDir: string): StartupError {
  if (error instanceof StartupError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StartupError(
    `the embedded PostgreSQL store in ${dataDir} could not be opened (${reason})`,
    'check the folder (permissions, free space), or set EMBEDDED_DATA_DIR to another folder',
    { cause: error },
  );
}

async function startStore(dataDir: string, logger: Logger): Promise<{ server: PostgresServerProcess; connection: EmbeddedConnection }> {
  mkdirSync(dataDir, { recursive: true });
  const account = serverAccount();
  const binaries = reachableBinaries(locatePostgresBinaries(), account, logger);
  const storeDir = reachableStoreDir(dataDir, account, logger);
  if (existsSync(path.join(dataDir, 'pglite'))) {
    logger.warn({ folder: path.join(dataDir, 'pglite') }, 'this folder holds an older embedded store (PGlite) that is no longer used; its data were not carried over; delete it to free the space');
  }
  const pgdata = path.join(storeDir, 'postgres');
  const started = Date.now();
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    logger.info({ pgdata }, 'first start: creating the embedded PostgreSQL store');
    await initialise(binaries, pgdata, account);
  }
  checkVersion(pgdata, binaries);
  if (account) ownRecursively(pgdata, account);
  await clearStaleServer(pgdata, logger);
  const socketDir = socketDirIn(storeDir, account);
  const logFile = path.join(storeDir, 'postgres.log');
  rotate(logFile);
  const server = await PostgresServerProcess.start({ binaries, pgdata, socketDir, account, logFile, settings: SERVER_SETTINGS }, logger);
  try {
    await createDatabase(server.connection);
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ pgdata, version: binaries.version, ms: Date.now() - started, log: logFile }, 'embedded PostgreSQL server ready');
  return { server, connection: { ...server.connection, database: DATABASE } };
}

async function createDatabase(connection: SocketConnection): Promise<void> {
  const client = new Client({ ...connection, user: connection.username, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await client.end();
  }
}


import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StartupError } from '@app/config';
import type { Logger } from 'pino';
import { type PostgresBinaries, copyBinaries } from './postgres-binaries';
import { type ServerAccount, canExecute, canSearch } from './server-account';

// Where the embedded store's files live, and making sure the server account can reach them when
// this process runs as root (the server itself may not).

/** Where copies go that the server account must reach when this process's own folders are closed to it. */
export function sharedFolder(): string {
  const folder = path.join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'csms-embedded');
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  return folder;
}

/** The binaries in node_modules, or a copy the server account can run when node_modules is closed to it. */
export function reachableBinaries(binaries: PostgresBinaries, account: ServerAccount | undefined, logger: Logger): PostgresBinaries {
  if (account === undefined || canExecute(account, binaries.postgres)) return binaries;
  const copy = copyBinaries(binaries, sharedFolder());
  logger.info({ account: account.name, binaries: copy.root }, 'the server account cannot read node_modules: running a copy of the PostgreSQL binaries');
  if (!canExecute(account, copy.postgres)) {
    throw new StartupError(`the PostgreSQL server account "${account.name}" cannot run ${copy.postgres}`, 'run as a normal user, or set DATABASE_URL');
  }
  return copy;
}

/**
 * `dataDir` itself, where its data belong (removing the folder resets everything). Running as
 * root, the folder is ours and 0700 (it holds the admin token), so the server account's group is
 * let through it, search only: the token stays 0600. Only when a folder above it is closed to the
 * account (e.g. under /root) does the database go to a shared folder instead.
 */
export function reachableStoreDir(dataDir: string, account: ServerAccount | undefined, logger: Logger): string {
  if (account === undefined || canSearch(account, dataDir)) return dataDir;
  const folder = statSync(dataDir);
  if (folder.uid === 0) {
    chownSync(dataDir, 0, account.gid);
    chmodSync(dataDir, (folder.mode & 0o7777) | 0o010);
    if (canSearch(account, dataDir)) return dataDir;
  }
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const storeDir = path.join(sharedFolder(), `store-${hash}`);
  mkdirSync(storeDir, { recursive: true, mode: 0o755 });
  logger.warn(
    { account: account.name, dataDir, storeDir },
    'running as root, the PostgreSQL server account cannot reach EMBEDDED_DATA_DIR: the database lives in a folder it can reach instead (set EMBEDDED_DATA_DIR outside /root to keep it beside the rest)',
  );
  return storeDir;
}

/**
 * The server's only way in: a folder of its own beside the data, open to the server account alone.
 * A Unix socket path is limited to ~100 bytes, so a deep data folder gets one under the temp folder.
 */
export function socketDirIn(storeDir: string, account: ServerAccount | undefined): string {
  const beside = path.join(storeDir, 'run');
  let dir: string;
  if (`${beside}/.s.PGSQL.5432`.length < 100) {
    rmSync(beside, { recursive: true, force: true });
    mkdirSync(beside, { mode: 0o700 });
    dir = beside;
  } else {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pg-'));
  }
  if (account) chownSync(dir, account.uid, account.gid);
  return dir;
}

/** The server refuses a data directory that is not its own (e.g. after the server account changed). */
export function ownRecursively(dir: string, account: ServerAccount): void {
  if (statSync(dir).uid === account.uid) return;
  const walk = (entry: string) => {
    chownSync(entry, account.uid, account.gid);
    if (statSync(entry).isDirectory()) for (const child of readdirSync(entry)) walk(path.join(entry, child));
  };
  walk(dir);
}

/** Keeps one previous log: the server writes only warnings and errors, so this is rarely reached. */
export function rotate(logFile: string): void {
  if (existsSync(logFile) && statSync(logFile).size > 10 * 2 ** 20) renameSync(logFile, `${logFile}.1`);
}

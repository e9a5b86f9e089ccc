import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '@app/config';
import type { Logger } from 'pino';
import { WATCHDOG_MARK } from './postgres-server.process';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Whether `pid`'s parent is the watchdog shell of a CSMS process that is still running. */
function ownedByRunningCsms(pid: number): boolean {
  const parent = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1];
  return parent !== undefined && read(`/proc/${parent}/cmdline`).includes(WATCHDOG_MARK);
}

/**
 * A server left running on `pgdata` (its postmaster.pid names a live process) is either in use by
 * another CSMS process, which we must not disturb, or an orphan whose CSMS died without its
 * watchdog noticing, which we stop so that ours can start.
 */
export async function clearStaleServer(pgdata: string, logger: Logger): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(read(pidFile).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !read(`/proc/${pid}/cmdline`).includes('postgres')) return;
  if (process.platform !== 'linux' || ownedByRunningCsms(pid)) {
    throw new StartupError(
      `the embedded store in ${pgdata} is in use by another process (PostgreSQL pid ${pid})`,
      'stop the other CSMS process, or set EMBEDDED_DATA_DIR to another folder',
    );
  }
  logger.warn({ pid, pgdata }, 'stopping an embedded PostgreSQL server left running by a CSMS process that ended');
  process.kill(pid, 'SIGINT');
  if (await gone(pid, 30_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (await gone(pid, 10_000)) return;
  throw new StartupError(`a PostgreSQL server left running on ${pgdata} (pid ${pid}) does not stop`, `kill ${pid}, then start again`);
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

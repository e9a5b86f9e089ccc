import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '@app/config';
import type { PostgresBinaries } from './postgres-binaries';
import type { ServerAccount } from './server-account';

/** Creates the database cluster (initdb) on first start. */
export async function initialise(binaries: PostgresBinaries, pgdata: string, account: ServerAccount | undefined): Promise<void> {
  // initdb into a side folder, renamed when complete: an interrupted first start leaves nothing half-made.
  const partial = `${pgdata}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o700 });
  if (account) chownSync(partial, account.uid, account.gid);
  const args = ['-D', partial, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-instructions'];
  const { code, output } = await run(binaries.initdb, args, account);
  if (code !== 0) {
    rmSync(partial, { recursive: true, force: true });
    const reason = output.trim().split('\n').at(-1) ?? `exit code ${code}`;
    throw new StartupError(`creating the embedded PostgreSQL store failed (${reason})`, `check that ${path.dirname(pgdata)} is writable and has free space, then start again`);
  }
  renameSync(partial, pgdata);
}

/** A store made by another major version cannot be opened by these binaries. */
export function checkVersion(pgdata: string, binaries: PostgresBinaries): void {
  const storeMajor = readFileSync(path.join(pgdata, 'PG_VERSION'), 'utf8').trim();
  const binaryMajor = binaries.version.split('.')[0];
  if (storeMajor !== binaryMajor) {
    throw new StartupError(
      `the embedded store in ${pgdata} was created by PostgreSQL ${storeMajor}, the installed binaries are PostgreSQL ${binaryMajor}`,
      `move ${pgdata} away (its data are not carried over) and start again`,
    );
  }
}

function run(command: string, args: string[], account: ServerAccount | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { uid: account?.uid, gid: account?.gid, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ code: -1, output: error.message }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

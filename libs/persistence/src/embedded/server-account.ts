import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { StartupError } from '@app/config';

/** The unprivileged account the server runs as when this process runs as root (PostgreSQL refuses root). */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

/** Accounts tried in order: the distribution's own PostgreSQL account, then the one every system has. */
const CANDIDATES = ['postgres', 'nobody'];

/** Parses /etc/passwd lines into accounts by name. */
export function accountsOf(passwd: string): Map<string, ServerAccount> {
  const accounts = new Map<string, ServerAccount>();
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name && uid !== undefined && gid !== undefined && /^\d+$/.test(uid) && /^\d+$/.test(gid)) {
      accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
    }
  }
  return accounts;
}

/** Undefined when this process is not root: the server then runs as the current user. */
export function serverAccount(): ServerAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const accounts = accountsOf(readFileSync('/etc/passwd', 'utf8'));
  for (const name of CANDIDATES) {
    const account = accounts.get(name);
    if (account && account.uid !== 0) return account;
  }
  throw new StartupError(
    'running as root, the embedded PostgreSQL server needs an unprivileged account to run as, and neither "postgres" nor "nobody" exists',
    'create a "postgres" user, run as a normal user, or set DATABASE_URL',
  );
}

/** Whether `account` can run `file` (which needs every directory above it to be searchable). */
export function canExecute(account: ServerAccount | undefined, file: string): boolean {
  return asAccount(account, ['-x', file]);
}

/** Whether `account` can reach what is inside `dir` (every directory on the way must be searchable). */
export function canSearch(account: ServerAccount | undefined, dir: string): boolean {
  return asAccount(account, ['-x', dir]);
}

function asAccount(account: ServerAccount | undefined, test: string[]): boolean {
  const result = spawnSync('test', test, { uid: account?.uid, gid: account?.gid, stdio: 'ignore' });
  return result.status === 0;
}

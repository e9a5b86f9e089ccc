import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';
import { type Leak, findLeaks } from './secret-scan';

// One folder per e2e run (.cache/e2e-runs/<started>-<pid>/): every line every service process
// wrote (logs/<app>-<pid>.log) and the secrets the tests used (secrets.jsonl), so that the global
// teardown can prove no secret reached a log.

const RUNS_DIR = path.join(repoRoot(), '.cache/e2e-runs');
const KEPT_RUNS = 5;

/** Set by the e2e global setup; the workers inherit it. Unset (unit tests, benchmarks): nothing is kept. */
export function e2eRunDir(): string | undefined {
  return process.env.CSMS_E2E_RUN_DIR;
}

/** Creates this run's folder (and drops all but the latest runs); returns it. */
export function startE2eRun(): string {
  mkdirSync(RUNS_DIR, { recursive: true });
  const old = readdirSync(RUNS_DIR).sort();
  for (const name of old.slice(0, Math.max(0, old.length - KEPT_RUNS + 1))) rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
  const dir = path.join(RUNS_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  return dir;
}

/** Where a started process's output goes; undefined outside an e2e run. */
export function logFileOf(name: string, pid: number | undefined): string | undefined {
  const dir = e2eRunDir();
  return dir === undefined ? undefined : path.join(dir, 'logs', `${name}-${pid ?? 'unknown'}.log`);
}

/** Records secret values a test uses (tokens, passwords, private keys) for the scan at the end of the run. */
export function registerSecret(...values: (string | undefined)[]): void {
  const dir = e2eRunDir();
  const kept = values.filter((value): value is string => typeof value === 'string' && value.length > 0 && !isRedactionMarker(value));
  if (dir === undefined || kept.length === 0) return;
  appendFileSync(path.join(dir, 'secrets.jsonl'), kept.map((value) => `${JSON.stringify(value)}\n`).join(''));
}

/**
 * What the CSMS writes in place of a secret (`[redacted]` in logs, the command history and the
 * audit log): an API answer holding it in a secret-named field is no secret, and it is in every log.
 */
export function isRedactionMarker(value: string): boolean {
  return /^\[redacted\]$/i.test(value);
}

/** A station's Basic auth credentials: the password, and `user:password` (whose base64 is the header). */
export function registerBasicCredentials(user: string, password: string): void {
  registerSecret(password, `${user}:${password}`);
}

/** A PEM private key: its base64 lines are what would show in a log. */
export function registerPrivateKey(pem: string): void {
  registerSecret(...pem.split('\n').filter((line) => line.length >= 32 && !line.startsWith('-----')));
}

/** Environment variables whose values are secrets by their name (files named by *_FILE are not). */
export function registerSecretEnv(env: Readonly<Record<string, string>>): void {
  registerSecret(...Object.entries(env).filter(([name]) => /(PASSWORD|PASSPHRASE|SECRET|TOKEN)$/.test(name)).map(([, value]) => value));
}

/** Every registered secret found in any log of the run at `dir`. */
export function scanE2eRun(dir: string): Leak[] {
  const file = path.join(dir, 'secrets.jsonl');
  if (!existsSync(file)) return [];
  const secrets = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as string)
    .filter((secret) => !isRedactionMarker(secret));
  const logs = path.join(dir, 'logs');
  return readdirSync(logs).flatMap((name) => findLeaks(secrets, readFileSync(path.join(logs, name), 'utf8'), path.join(logs, name)));
}

/** The admin token an embedded process generated in its data folder (registered as a secret). */
export function embeddedAdminToken(dataDir: string): string {
  const token = readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  registerSecret(token);
  return token;
}

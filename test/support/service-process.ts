import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { logFileOf, registerSecretEnv } from './e2e-run';
import { repoRoot } from './repo-root';

const REPO_ROOT = repoRoot();

export type AppName = 'connection' | 'smart-charging' | 'pki' | 'embedded';

export interface ServiceProcess {
  name: AppName;
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** What the process wrote to stderr alone. */
  errorOutput(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Runs a built app (dist/) as its own OS process, as in production; in an e2e run its output is also kept in the run's folder. */
export function startService(name: AppName, env: Record<string, string>, port: number): ServiceProcess {
  registerSecretEnv(env);
  const entry = path.join(REPO_ROOT, 'dist/apps', name, 'src/main.js');
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', HTTP_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errorOutput = '';
  const capture = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  const logFile = logFileOf(name, child.pid);
  if (logFile !== undefined) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('close', () => log.end());
  }
  child.stderr?.on('data', (chunk: Buffer) => {
    if (errorOutput.length < 100_000) errorOutput += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    name,
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    errorOutput: () => errorOutput,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Thrown by a probe to stop polling at once (the process under test died). */
export class ProbeAbort extends Error {}

/** Polls until `probe` returns a value, or fails with the service's recent output. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, services: ServiceProcess[] = []): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof ProbeAbort) throw new Error(`${error.message}\n${services.map((s) => s.output().slice(-4000)).join('\n')}`);
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const logs = services.map((service) => `--- ${service.name} ---\n${service.output().slice(-4000)}`).join('\n');
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}\n${logs}`);
}

export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  await eventually(
    `${service.name} ready`,
    async () => {
      if (service.child.exitCode !== null) throw new ProbeAbort(`${service.name} exited with ${service.child.exitCode}`);
      const response = await fetch(`${service.baseUrl}/health/ready`);
      return response.status === 200 ? true : undefined;
    },
    timeoutMs,
    [service],
  );
}

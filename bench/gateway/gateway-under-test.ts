import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@test/support/repo-root';

const REPO_ROOT = repoRoot();

export interface GatewayUnderTest {
  pid: number;
  httpUrl: string;
  /** Resident set size of the gateway process, from /proc. */
  rssBytes(): number;
  /** Stations connected, as the gateway's own metrics say. */
  connections(): Promise<number>;
  stop(): Promise<void>;
}

/** The connection service as its own process, with as many file descriptors as the machine allows. */
export async function startGateway(env: Record<string, string>, httpPort: number, nodeFlags: string[] = []): Promise<GatewayUnderTest> {
  const entry = path.join(REPO_ROOT, 'dist/apps/connection/src/main.js');
  // exec keeps the pid, so /proc/<pid> is node's own.
  const child: ChildProcess = spawn('bash', ['-c', `ulimit -n $(ulimit -Hn); exec node ${nodeFlags.map((flag) => JSON.stringify(flag)).join(' ')} ${JSON.stringify(entry)}`], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, HTTP_PORT: String(httpPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the gateway did not become ready within 60 s');
    const ready = await fetch(`${httpUrl}/health/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    httpUrl,
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    async connections() {
      const metrics = await (await fetch(`${httpUrl}/metrics`)).text();
      return [...metrics.matchAll(/^csms_ocpp_connections\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

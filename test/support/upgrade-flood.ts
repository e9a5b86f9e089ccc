import { spawn } from 'node:child_process';
import { repoRoot } from './repo-root';

export interface UpgradeFlood {
  /** ws:// base URL of the OCPP endpoint, without the station id. */
  url: string;
  /** The loopback address the flood comes from. */
  localAddress: string;
  attempts: number;
  concurrency: number;
  /** The station id and Basic password of attempt i. */
  target: (i: number) => { stationId: string; password: string };
}

export interface FloodOutcome {
  statuses: Map<number, number>;
  durationMs: number;
}

/**
 * Upgrade attempts as fast as `concurrency` allows, from another OS process: the flood must not
 * share the test's event loop, or the test would measure its own lag instead of the gateway's.
 * Resolves with the count of each HTTP status (101 for an accepted upgrade).
 */
export function floodUpgrades(flood: UpgradeFlood): Promise<FloodOutcome> {
  const targets = Array.from({ length: flood.attempts }, (_, i) => flood.target(i));
  const script = `
    const WebSocket = require('ws');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', () => run(JSON.parse(input)));
    function run({ url, localAddress, concurrency, targets }) {
    const statuses = {};
    const count = (status) => (statuses[status] = (statuses[status] || 0) + 1);
    const attempt = ({ stationId, password }) => new Promise((resolve) => {
      const authorization = 'Basic ' + Buffer.from(stationId + ':' + password).toString('base64');
      const socket = new WebSocket(url + '/' + stationId, ['ocpp1.6'], { localAddress, headers: { authorization }, handshakeTimeout: 30000 });
      let settled = false;
      // The first outcome counts; terminating the socket afterwards raises an error nobody needs.
      const settle = (status) => { if (settled) return; settled = true; count(status); socket.terminate(); resolve(); };
      socket.once('open', () => settle(101));
      socket.once('unexpected-response', (_request, response) => { response.resume(); settle(response.statusCode); });
      socket.on('error', (error) => settle('error:' + error.message));
    });
    let next = 0;
    const worker = async () => { while (next < targets.length) await attempt(targets[next++]); };
    const started = Date.now();
    Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
      process.stdout.write(JSON.stringify({ statuses, durationMs: Date.now() - started }));
    });
    }
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: repoRoot(), stdio: ['pipe', 'pipe', 'pipe'] });
    // The targets go through stdin: thousands of them exceed what a command line may hold.
    child.stdin.end(JSON.stringify({ url: flood.url, localAddress: flood.localAddress, concurrency: flood.concurrency, targets }));
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the flood process exited with ${code}: ${errors.slice(-2000)}`));
      const parsed = JSON.parse(output) as { statuses: Record<string, number>; durationMs: number };
      const statuses = new Map<number, number>();
      for (const [status, count] of Object.entries(parsed.statuses)) {
        if (!/^\d+$/.test(status)) return reject(new Error(`flood attempts failed: ${status} (${count} times)`));
        statuses.set(Number(status), count);
      }
      resolve({ statuses, durationMs: parsed.durationMs });
    });
  });
}

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root';

const run = promisify(execFile);

/**
 * Stops and starts a dedicated broker (see startKafka(..., { dedicated: true })) without
 * blocking the event loop, so that simulated stations keep sending while the script runs;
 * `reset` stops it and deletes its data.
 */
export async function brokerCommand(runDir: string, command: 'stop' | 'start' | 'reset'): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_RUN_DIR: runDir };
  delete env.KAFKA_PORT;
  await run('bash', [path.join(repoRoot(), 'tools/kafka/kafka-broker.sh'), command], { env, timeout: 120_000 });
}

// Real infrastructure for tests and benchmarks, started from the repo's own scripts:
// - PostgreSQL: the server on 127.0.0.1:5432 when one answers (or TEST_DATABASE_ADMIN_URL),
//   otherwise a throwaway server from Maven Central binaries (tools/postgres);
// - Kafka: the repo's single-node broker (tools/kafka), unless KAFKA_BROKERS names one.
// Each start returns what it started, so stop() never touches a server the caller named.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './repo-root';

const root = repoRoot();
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

function runScript(script: string, command: string, env: Record<string, string>): string {
  return execFileSync('bash', [path.join(root, script), command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  }).toString();
}

function lineValue(output: string, name: string): string {
  const value = new RegExp(`^${name}=(.+)$`, 'm').exec(output)?.[1];
  if (!value) throw new Error(`expected a ${name}=… line, got:\n${output}`);
  return value;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startPostgres(runName: string): Promise<{ adminUrl: string; runDir?: string }> {
  if (process.env.TEST_DATABASE_ADMIN_URL) return { adminUrl: process.env.TEST_DATABASE_ADMIN_URL };
  if (await answers(LOCAL_POSTGRES)) return { adminUrl: LOCAL_POSTGRES };
  const runDir = path.join(root, '.cache/postgres', runName);
  const adminUrl = lineValue(runScript('tools/postgres/postgres-server.sh', 'start', { PG_RUN_DIR: runDir }), 'DATABASE_ADMIN_URL');
  return { adminUrl, runDir };
}

/** A broker of our own (unless KAFKA_BROKERS names one); `dedicated` always starts one, e.g. for a test that stops it. */
export function startKafka(runName: string, options: { dedicated?: boolean } = {}): { brokers: string; runDir?: string } {
  if (process.env.KAFKA_BROKERS && !options.dedicated) return { brokers: process.env.KAFKA_BROKERS };
  const runDir = path.join(root, '.cache/kafka', runName);
  // A fresh log dir per run: old data only costs disk and start-up time.
  runScript('tools/kafka/kafka-broker.sh', 'reset', { KAFKA_RUN_DIR: runDir });
  const brokers = lineValue(runScript('tools/kafka/kafka-broker.sh', 'start', { KAFKA_RUN_DIR: runDir }), 'KAFKA_BROKERS');
  return { brokers, runDir };
}

export interface SecureKafka {
  runDir: string;
  brokers: string;
  /** What a client needs, named as the CSMS reads them: the CA, a client certificate and key (mutual TLS), the SCRAM user and password file. */
  clientEnv: Record<'KAFKA_SSL_CA_FILE' | 'KAFKA_SSL_CERT_FILE' | 'KAFKA_SSL_KEY_FILE' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD_FILE', string>;
}

/**
 * A second broker of our own whose only client listener is SASL_SSL (mutual TLS with a throwaway
 * CA, then SCRAM-SHA-512/256), in its own run dir and ports, so that it never meets the run's main broker.
 */
export function startSecureKafka(runName: string): SecureKafka {
  const runDir = path.join(root, '.cache/kafka', runName);
  runScript('tools/kafka/kafka-broker.sh', 'reset', { KAFKA_RUN_DIR: runDir });
  // A second JVM while the run's broker and services are busy: give it longer than the script's default 60 s.
  const output = runScript('tools/kafka/kafka-broker.sh', 'start', { KAFKA_RUN_DIR: runDir, KAFKA_SECURITY: 'sasl_ssl', KAFKA_START_TIMEOUT: '180' });
  return {
    runDir,
    brokers: lineValue(output, 'KAFKA_BROKERS'),
    clientEnv: {
      KAFKA_SSL_CA_FILE: lineValue(output, 'KAFKA_SSL_CA_FILE'),
      KAFKA_SSL_CERT_FILE: lineValue(output, 'KAFKA_SSL_CERT_FILE'),
      KAFKA_SSL_KEY_FILE: lineValue(output, 'KAFKA_SSL_KEY_FILE'),
      KAFKA_SASL_USERNAME: lineValue(output, 'KAFKA_SASL_USERNAME'),
      KAFKA_SASL_PASSWORD_FILE: lineValue(output, 'KAFKA_SASL_PASSWORD_FILE'),
    },
  };
}

/** Stops a broker and deletes its run dir (data, certificates, SCRAM password). */
export function resetKafka(runDir: string): void {
  runScript('tools/kafka/kafka-broker.sh', 'reset', { KAFKA_RUN_DIR: runDir });
}

/** Starts a stopped broker again on the same port and data. */
export function restartKafka(runDir: string): string {
  return lineValue(runScript('tools/kafka/kafka-broker.sh', 'start', { KAFKA_RUN_DIR: runDir }), 'KAFKA_BROKERS');
}

export function stopKafka(runDir: string | undefined): void {
  if (runDir) runScript('tools/kafka/kafka-broker.sh', 'stop', { KAFKA_RUN_DIR: runDir });
}

export function stopPostgres(runDir: string | undefined): void {
  if (runDir) runScript('tools/postgres/postgres-server.sh', 'stop', { PG_RUN_DIR: runDir });
}

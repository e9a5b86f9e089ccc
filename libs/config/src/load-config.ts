import { z } from 'zod';
import { envSchema, type Env } from './env-schema';
import type { RuntimeConfig, ServiceName } from './runtime-config';

/** A configuration value that stops the process; the message names the variable, never a secret's value. */
export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

export interface ProcessLayout {
  services: ServiceName[];
  defaultHttpPort: number;
  /** Embedded: no KAFKA_BROKERS means the in-process bus, no DATABASE_URL an embedded store. */
  embedded: boolean;
}

const LOCAL_KAFKA = ['127.0.0.1:9092'];
const LOCAL_DATABASE = 'postgres://postgres@127.0.0.1:5432/csms';

export function loadConfig(layout: ProcessLayout, environment: NodeJS.ProcessEnv): RuntimeConfig {
  const env = parseEnv(environment);
  return {
    services: layout.services,
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT ?? layout.defaultHttpPort },
    logLevel: env.LOG_LEVEL,
    internalApiToken: env.INTERNAL_API_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    messaging: messagingConfig(env, layout),
    database: databaseConfig(env, layout),
  };
}

function parseEnv(environment: NodeJS.ProcessEnv): Env {
  // Empty strings count as unset, as they do in most deployment tools.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
}

function messagingConfig(env: Env, layout: ProcessLayout): RuntimeConfig['messaging'] {
  if (!env.KAFKA_BROKERS && layout.embedded) return { kind: 'in-process' };
  return {
    kind: 'kafka',
    brokers: env.KAFKA_BROKERS ?? LOCAL_KAFKA,
    clientId: env.KAFKA_CLIENT_ID ?? `csms-${layout.services.join('-')}`,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    partitions: env.KAFKA_PARTITIONS,
    commandPartitions: env.KAFKA_COMMAND_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    retentionMs: env.KAFKA_RETENTION_MS,
  };
}

function databaseConfig(env: Env, layout: ProcessLayout): RuntimeConfig['database'] {
  if (!env.DATABASE_URL && layout.embedded) return { kind: 'embedded', dataDir: env.EMBEDDED_DATA_DIR };
  return { kind: 'postgres', url: env.DATABASE_URL ?? LOCAL_DATABASE, poolSize: env.DATABASE_POOL_SIZE };
}

export type ServiceName = 'connection' | 'smart-charging' | 'pki';

export type MessagingConfig =
  | { kind: 'in-process' }
  | {
      kind: 'kafka';
      brokers: string[];
      clientId: string;
      /** Prepended to every topic and consumer group, so several deployments (or test runs) can share a cluster. */
      topicPrefix: string;
      partitions: number;
      commandPartitions: number;
      replicationFactor: number;
      retentionMs: number;
    };

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'embedded'; dataDir: string };

/** The whole validated configuration of one process, injected as RUNTIME_CONFIG. */
export interface RuntimeConfig {
  services: ServiceName[];
  http: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Bearer token for /api/internal endpoints; they answer 404 when unset. */
  internalApiToken: string | undefined;
  shutdownTimeoutMs: number;
  messaging: MessagingConfig;
  database: DatabaseConfig;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

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

export interface TlsConfig {
  port: number;
  /** PEM files; an RSA and an ECDSA pair may both be given, and the handshake picks what the client supports. */
  certFiles: string[];
  keyFiles: string[];
  /** CA bundle that client certificates (security profile 3) must chain to. */
  caFile: string | undefined;
  crlFile: string | undefined;
}

export interface GatewayConfig {
  /** This connection replica's index k: it consumes partition k of ocpp.commands (a StatefulSet ordinal). */
  replicaIndex: number;
  host: string;
  wsPort: number;
  /** Absent: no wss:// listener (profiles 2 and 3 unavailable). */
  tls: TlsConfig | undefined;
  /** The O that station client certificates must carry (profile 3). */
  certificateOrganization: string | undefined;
  /** Unknown station ids: accepted and registered without credentials (embedded default), or refused. */
  unknownStations: 'accept' | 'reject';
  maxFrameBytes: number;
  pingIntervalMs: number;
  callTimeoutMs: number;
  heartbeatIntervalSeconds: number;
}

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
  gateway: GatewayConfig;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

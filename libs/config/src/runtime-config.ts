import type { ReplicaIndexSource } from './replica-index';

export type ServiceName = 'connection' | 'smart-charging' | 'pki';

/** How consumers treat a record that keeps failing (ADR 041); both buses. */
export interface PoisonConfig {
  /** MESSAGING_PARK_AFTER_FAILURES: identical permanent failures of one record before it is parked; unset in hand-built configs: the library default. */
  parkAfterFailures?: number;
}

export type MessagingConfig = PoisonConfig & (InProcessMessagingConfig | KafkaMessagingConfig);

export interface InProcessMessagingConfig {
  kind: 'in-process';
}

export interface KafkaMessagingConfig {
  kind: 'kafka';
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and consumer group, so several deployments (or test runs) can share a cluster. */
  topicPrefix: string;
  partitions: number;
  commandPartitions: number;
  replicationFactor: number;
  retentionMs: number;
  /** KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: partitions of one subscription handled at once; unset: one. */
  partitionsConsumedConcurrently?: number;
  /** KAFKA_MIN_INSYNC_REPLICAS of created topics; unset: 2, or 1 on a single replica. */
  minInsyncReplicas?: number;
  /** KAFKA_CREATE_TOPICS: false only checks that the catalogue exists; unset: create and grow topics. */
  createTopics?: boolean;
  /** TLS and SASL (ADR 043); unset: plaintext, unauthenticated. */
  security?: KafkaSecurityConfig;
}

/** How the Kafka client authenticates: file paths only, read when the client is built (secrets never sit in the config). */
export interface KafkaSecurityConfig {
  /** Absent: no TLS. The brokers' certificates are always verified. */
  tls?: {
    caFile?: string;
    certFile?: string;
    keyFile?: string;
    keyPasswordFile?: string;
    servername?: string;
  };
  sasl?: KafkaSaslConfig;
}

export type KafkaSaslConfig =
  | { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; passwordFile: string }
  | { mechanism: 'oauthbearer'; tokenUrl: string; clientId: string; clientSecretFile: string; scope?: string };

/** A second, small pool of the connection schema for the gateway's station lookups (ADR 033). */
export interface RegistryPoolConfig {
  size: number;
  /** Longest wait for a free connection of this pool before the lookup fails (and the upgrade is refused with 503). */
  waitMs: number;
}

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number; registryPool?: RegistryPoolConfig }
  | { kind: 'embedded'; dataDir: string; poolSize: number; registryPool?: RegistryPoolConfig };

export interface TlsConfig {
  port: number;
  /** PEM files; an RSA and an ECDSA pair may both be given, and the handshake picks what the client supports. */
  certFiles: string[];
  keyFiles: string[];
  /** CA bundle that client certificates (security profile 3) must chain to. */
  caFile: string | undefined;
  crlFile: string | undefined;
  /** The CRLs fetched into crlFile (OCPP_TLS_CRL_URLS); empty: crlFile is maintained by someone else. */
  crlUrls: string[];
  /** Longest wait between two fetches of crlUrls; sooner when a CRL's nextUpdate approaches. */
  crlRefreshMs: number;
  /** How often the files are checked for changes (a renewed certificate, a fresh CRL) and reloaded. */
  reloadIntervalMs: number;
  /** OCPP_TLS_SERVER_CERT_FROM_PKI: the gateway keeps certFiles/keyFiles (RSA first, then ECDSA) issued by this PKI. */
  serverCertificates: { pkiUrl: string; names: string[] } | undefined;
}

export interface GatewayConfig {
  /** This connection replica's index k: it consumes partition k of ocpp.commands (a StatefulSet ordinal). */
  replicaIndex: number;
  /** CONNECTION_REPLICA_INDEX, the host name's ordinal, or the single-replica default 0 (ADR 042). */
  replicaIndexSource?: ReplicaIndexSource;
  host: string;
  /** The plain ws:// listener's port; undefined when OCPP_WS_ENABLED=false (nothing listens there, wss:// only). */
  wsPort: number | undefined;
  /** Absent: no wss:// listener (profiles 2 and 3 unavailable). */
  tls: TlsConfig | undefined;
  /** The O that station client certificates must carry (profile 3). */
  certificateOrganization: string | undefined;
  /**
   * Unknown station ids: refused with 401 (`reject`), registered without credentials and held
   * Pending until an operator accepts them (`pending`), or registered and accepted (`accept`,
   * the embedded default).
   */
  unknownStations: 'accept' | 'pending' | 'reject';
  maxFrameBytes: number;
  pingIntervalMs: number;
  callTimeoutMs: number;
  heartbeatIntervalSeconds: number;
  /** Upgrades authenticated at once; more are refused with 503 + Retry-After (ADR 033). */
  maxConcurrentUpgrades: number;
  /** The Retry-After of a 503 refusal: when a turned-away station should try again. */
  retryAfterSeconds: number;
  /** Limits on what one address or station may cost the gateway (ADR 040). */
  abuse: GatewayAbuseConfig;
  /** How the gateway hands its stations over to other replicas on SIGTERM (ADR 045). */
  drain: GatewayDrainConfig;
}

/** OCPP_DRAIN_*: station sockets closed in paced batches, so that the other replicas take them over gradually. */
export interface GatewayDrainConfig {
  /** Every station closed within this long (0: all in one batch); SHUTDOWN_TIMEOUT_MS leaves room for it. */
  windowMs: number;
  /** The fewest stations closed per batch. */
  minBatchSize: number;
  batchIntervalMs: number;
}

/** A token bucket: `burst` at once, then `perSecond` on average; perSecond 0 means no limit. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** OCPP_TRUSTED_PROXIES, OCPP_CONNECT_*, OCPP_AUTH_*, OCPP_ABUSE_TRACKED_KEYS, handshake and message limits (ADR 040). */
export interface GatewayAbuseConfig {
  /** IP addresses and CIDR ranges whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  connectPerAddress: RateLimit;
  connectPerStation: RateLimit;
  /** Failed authentications within `failureWindowMs` that block an address / a station id for `blockMs`. */
  failuresPerAddress: number;
  failuresPerStation: number;
  failureWindowMs: number;
  blockMs: number;
  /** The most entries each tracking table keeps. */
  trackedKeys: number;
  maxPendingHandshakesPerAddress: number;
  handshakeTimeoutMs: number;
  messages: RateLimit;
  /** A station held back by the message rate this long without a break is closed with 1008. */
  messageRateCloseMs: number;
}

/** How the connection service's station core answers what stations send. */
export interface StationCoreConfig {
  /** BootNotification interval for Pending and Rejected stations: the wait before they boot again. */
  bootRetryIntervalSeconds: number;
  /** Id tokens the CSMS does not know: Accepted (embedded default) or Invalid. */
  unknownIdTokens: 'accept' | 'reject';
  /** How long a transaction or meter message waits for its event to be durable before its answer is withheld. */
  durableAckTimeoutMs: number;
  /** Vendor ids whose DataTransfer messages are Accepted; any other gets UnknownVendorId. */
  dataTransferVendorIds: string[];
  /** Ask every station that boots Accepted for its smart-charging capabilities (published as `charging_capabilities`). */
  chargingCapabilitiesAfterBoot: boolean;
  /** GetCertificateStatus (2.0.1): how long the OCSP responder the station names may take. */
  ocspTimeoutMs: number;
  /** OCPP_OCSP_RESPONDER_HOSTS: the only hosts GetCertificateStatus may call; undefined: any but internal addresses. */
  ocspResponderHosts: string[] | undefined;
  /** Get15118EVCertificate (2.0.1) goes here; undefined: answered Failed. */
  contractCertificateUrl: string | undefined;
  /** Passwords given to stations an operator accepts (ADR 039): how often due ones are looked for, and the first retry delay. */
  credentialProvisioning: { sweepMs: number; retryMs: number };
}

/** PRESENCE_HEARTBEAT_SECONDS, PRESENCE_EXPIRY_SECONDS: a connection replica's liveness on ocpp.presence (ADR 042). */
export interface PresenceConfig {
  /** How often a connection replica publishes its heartbeat (and renews its replica-index lease). */
  heartbeatMs: number;
  /** A replica whose last heartbeat is older than this counts as gone: its stations as not connected. */
  expiryMs: number;
}

/** The history the connection service keeps for operators (commands, boots, statuses, connections). */
export interface HistoryConfig {
  /** Rows older than this many days are pruned. */
  retentionDays: number;
}

/** The classes of tables the retention job prunes, each kept for its own number of days. */
export type RetentionClass = 'processedEvents' | 'meterSamples' | 'transactionEvents' | 'audit' | 'history' | 'drawHistory';

export interface RetentionConfig {
  /** Days each class is kept; 0: for ever (never for history, which HISTORY_RETENTION_DAYS bounds to at least 1). */
  days: Record<RetentionClass, number>;
  intervalMs: number;
  /** The most rows one DELETE (one short transaction) removes. */
  batchRows: number;
}

/** The PKI service's CA keys. */
export interface PkiConfig {
  /**
   * PKI_CA_KEY_PASSPHRASE: decrypts the CA key files (encrypted PKCS#8). A secret: never logged,
   * and absent means file-backed CAs cannot be opened (they are refused, not opened unencrypted).
   */
  caKeyPassphrase: string | undefined;
  /** PKI_KEY_DIR (embedded: EMBEDDED_DATA_DIR/pki-keys): where new and imported CA key files go; undefined: file CAs cannot be created. */
  keyDir: string | undefined;
  /** PKI_CERT_ORGANIZATION, else OCPP_CERT_ORGANIZATION: the O of station certificates; undefined: CSRs wait. */
  certificateOrganization: string | undefined;
  /** PKI_PUBLIC_URL (default http://localhost:<HTTP port>), without a trailing slash. */
  publicUrl: string;
  stationCertificateValidityDays: number;
  /** PKI_GATEWAY_SERVER_NAMES: what a gateway server certificate may name; empty: none are issued. */
  gatewayServerNames: string[];
  gatewayServerCertificateValiditySeconds: number;
  signingTimeoutSeconds: number;
  /** Renewal of station certificates before they expire (PKI_RENEWAL_*). */
  renewal: PkiRenewalConfig;
  /** Security-profile upgrades of stations (PKI_GATEWAY_WSS_URL, PKI_CONNECTION_URL, PKI_PROFILE_UPGRADE_TIMEOUT_SECONDS). */
  profileUpgrade: PkiProfileUpgradeConfig;
  /** The HSM token for CAs with keyStorage "pkcs11" (PKI_PKCS11_*); undefined: such CAs cannot be created or opened. */
  pkcs11: PkiPkcs11Config | undefined;
}

export interface PkiPkcs11Config {
  library: string;
  tokenLabel: string;
  /** A secret: never logged. */
  pin: string;
}

export interface PkiProfileUpgradeConfig {
  /** Undefined: upgrades are refused (503), there is nowhere to send the station. */
  gatewayWssUrl: string | undefined;
  /** Undefined: upgrades are refused (503), the registered minimum could not be raised. */
  connectionUrl: string | undefined;
  timeoutSeconds: number;
}

/** PKI_RENEWAL_WINDOW_DAYS, _SWEEP_SECONDS, _CSR_TIMEOUT_SECONDS, _RETRY_SECONDS. */
export interface PkiRenewalConfig {
  windowDays: number;
  sweepSeconds: number;
  csrTimeoutSeconds: number;
  retrySeconds: number;
}

/** Where the REST APIs' bearer tokens come from (read and checked by libs/runtime/src/auth before Nest starts). */
export interface ApiTokensConfig {
  /** API_TOKENS_FILE: a JSON list of { name, sha256, roles }; it wins wherever it is set. */
  file: string | undefined;
  /** Embedded process only: the directory where a first admin token is generated when no file is named. */
  embeddedDir: string | undefined;
  /** API_TOKENS_RELOAD_SECONDS: how often the token file is checked for changes (revocation without restart). */
  reloadIntervalMs: number;
}

/** Where each part of the caller's identity is read from in an OIDC access token: a claim name or dotted path. */
export interface OidcClaimsConfig {
  /** OIDC_ROLES_CLAIM (default `roles`; Keycloak: `realm_access.roles`). */
  roles: string;
  /** OIDC_SITES_CLAIM (default `sites`): the sites a grid-operator may set limits for. */
  sites: string;
  /** OIDC_TENANT_CLAIM; undefined: tokens carry no tenant. */
  tenant: string | undefined;
  /** OIDC_NAME_CLAIM (default `sub`): the caller's name in logs and audit. */
  name: string;
}

/** OIDC access tokens (JWTs) accepted beside the API tokens; set when OIDC_ISSUER is. */
export interface OidcConfig {
  issuer: string;
  audience: string;
  /** OIDC_JWKS_URL; undefined: discovered through <issuer>/.well-known/openid-configuration. */
  jwksUrl: string | undefined;
  /** Asymmetric only (RS*, PS*, ES*, EdDSA). */
  algorithms: string[];
  clockToleranceSeconds: number;
  jwksCooldownMs: number;
  claims: OidcClaimsConfig;
}

/** The whole validated configuration of one process, injected as RUNTIME_CONFIG. */
export interface RuntimeConfig {
  services: ServiceName[];
  http: { host: string; port: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Bearer token for /api/internal endpoints; they answer 404 when unset. */
  internalApiToken: string | undefined;
  apiTokens: ApiTokensConfig;
  /** Undefined: only API tokens are accepted. */
  oidc: OidcConfig | undefined;
  shutdownTimeoutMs: number;
  messaging: MessagingConfig;
  database: DatabaseConfig;
  gateway: GatewayConfig;
  stationCore: StationCoreConfig;
  history: HistoryConfig;
  /** How long each class of ever-growing table is kept, and how the retention job deletes (ADR 044). */
  retention: RetentionConfig;
  pki: PkiConfig;
  /**
   * SMART_CHARGING_CONNECTION_URL: where smart charging learns which stations a tenant holds (ADR 037);
   * DRAW_HISTORY_SAMPLE_SECONDS: how often it records each node's limit, allocation and draw (ADR 050).
   */
  smartCharging: { connectionUrl: string | undefined; drawHistorySampleMs: number };
  presence: PresenceConfig;
  observability: ObservabilityConfig;
  /** The operator console the connection service serves at /console. */
  console: ConsoleConfig;
  /** CORS_ALLOWED_ORIGINS: browser origins that may call this process's REST APIs; empty: no CORS headers. */
  cors: { allowedOrigins: string[] };
}

/** CONSOLE_*: the built SPA and what its /console/config.json says. */
export interface ConsoleConfig {
  /** CONSOLE_ENABLED: false serves nothing at /console. */
  enabled: boolean;
  /** CONSOLE_DIR, absolute; default dist/apps/console of the installation. */
  dir: string;
  /** Base URLs (ending in /api) of the other services' APIs; undefined: /api of the console's own origin (embedded). */
  api: { smartCharging: string | undefined; pki: string | undefined };
  /** Set when OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID are: where and as which client the console signs people in. */
  oidc: { issuer: string; clientId: string; scope: string } | undefined;
}

/** OpenTelemetry traces over OTLP/HTTP; undefined: off (a no-op tracer, nothing loaded). */
export interface TracingConfig {
  serviceName: string;
  /** The full URL spans are posted to (…/v1/traces). */
  tracesUrl: string;
  /** Share of new traces recorded, 0-1. */
  sampleRatio: number;
}

export interface ObservabilityConfig {
  tracing: TracingConfig | undefined;
  /** KAFKA_LAG_POLL_SECONDS in ms; 0: consumer lag is not measured. */
  kafkaLagPollMs: number;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

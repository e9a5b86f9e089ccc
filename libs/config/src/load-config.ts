import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config.error';
import { envSchema, type Env } from './env-schema';
import { consoleConfig } from './console-config';
import { observabilityConfig } from './observability-config';
import { retentionConfig } from './retention-config';
import { kafkaSecurityConfig, kafkaTopicSettings } from './kafka-config';
import type { KafkaSecurityConfig, RuntimeConfig, ServiceName } from './runtime-config';
import { resolveReplicaIndex } from './replica-index';

export { ConfigError } from './config.error';

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
    apiTokens: { file: env.API_TOKENS_FILE, embeddedDir: layout.embedded ? env.EMBEDDED_DATA_DIR : undefined, reloadIntervalMs: env.API_TOKENS_RELOAD_SECONDS * 1000 },
    oidc: oidcConfig(env),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    messaging: messagingConfig(env, layout),
    database: databaseConfig(env, layout),
    gateway: gatewayConfig(env, layout),
    stationCore: stationCoreConfig(env, layout),
    history: { retentionDays: env.HISTORY_RETENTION_DAYS },
    retention: retentionConfig(env, messagingConfig(env, layout)),
    pki: pkiConfig(env, layout),
    smartCharging: { connectionUrl: smartChargingConnectionUrl(env, layout), drawHistorySampleMs: env.DRAW_HISTORY_SAMPLE_SECONDS * 1000 },
    observability: observabilityConfig(env, layout),
    presence: presenceConfig(env),
    console: consoleConfig(env),
    cors: { allowedOrigins: env.CORS_ALLOWED_ORIGINS ?? [] },
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

/** OIDC is on with an issuer; an audience is then required, so that a token minted for another application is never accepted. */
function oidcConfig(env: Env): RuntimeConfig['oidc'] {
  if (env.OIDC_ISSUER === undefined) {
    const stray = (['OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'OIDC_TENANT_CLAIM'] as const).find((name) => env[name] !== undefined);
    if (stray !== undefined) throw new ConfigError(stray, 'needs OIDC_ISSUER: without an issuer no OIDC token is accepted');
    return undefined;
  }
  if (env.OIDC_AUDIENCE === undefined) throw new ConfigError('OIDC_AUDIENCE', 'is required with OIDC_ISSUER: tokens must be issued for this API');
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    jwksUrl: env.OIDC_JWKS_URL,
    algorithms: env.OIDC_ALGORITHMS,
    clockToleranceSeconds: env.OIDC_CLOCK_TOLERANCE_SECONDS,
    jwksCooldownMs: env.OIDC_JWKS_COOLDOWN_SECONDS * 1000,
    claims: { roles: env.OIDC_ROLES_CLAIM, sites: env.OIDC_SITES_CLAIM, tenant: env.OIDC_TENANT_CLAIM, name: env.OIDC_NAME_CLAIM },
  };
}

/** The connection service's base URL for smart charging's tenant checks; in one process it is this process's own API. */
function smartChargingConnectionUrl(env: Env, layout: ProcessLayout): string | undefined {
  const url = env.SMART_CHARGING_CONNECTION_URL ?? (layout.embedded ? `http://127.0.0.1:${env.HTTP_PORT ?? layout.defaultHttpPort}` : undefined);
  return url?.replace(/\/+$/, '');
}

function pkiConfig(env: Env, layout: ProcessLayout): RuntimeConfig['pki'] {
  const port = env.HTTP_PORT ?? layout.defaultHttpPort;
  return {
    caKeyPassphrase: env.PKI_CA_KEY_PASSPHRASE,
    keyDir: env.PKI_KEY_DIR ?? (layout.embedded ? join(env.EMBEDDED_DATA_DIR, 'pki-keys') : undefined),
    certificateOrganization: env.PKI_CERT_ORGANIZATION ?? env.OCPP_CERT_ORGANIZATION,
    publicUrl: (env.PKI_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    stationCertificateValidityDays: env.PKI_STATION_CERT_VALIDITY_DAYS,
    gatewayServerNames: env.PKI_GATEWAY_SERVER_NAMES ?? [],
    gatewayServerCertificateValiditySeconds: env.PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS,
    signingTimeoutSeconds: env.PKI_SIGNING_TIMEOUT_SECONDS,
    renewal: {
      windowDays: env.PKI_RENEWAL_WINDOW_DAYS,
      sweepSeconds: env.PKI_RENEWAL_SWEEP_SECONDS,
      csrTimeoutSeconds: env.PKI_RENEWAL_CSR_TIMEOUT_SECONDS,
      retrySeconds: env.PKI_RENEWAL_RETRY_SECONDS,
    },
    profileUpgrade: {
      gatewayWssUrl: env.PKI_GATEWAY_WSS_URL?.replace(/\/+$/, ''),
      connectionUrl: env.PKI_CONNECTION_URL?.replace(/\/+$/, ''),
      timeoutSeconds: env.PKI_PROFILE_UPGRADE_TIMEOUT_SECONDS,
    },
    pkcs11: pkcs11Config(env),
  };
}

/** The HSM token: all three settings or none, so that a half-configured token fails at start-up, not at the first CA. */
function pkcs11Config(env: Env): RuntimeConfig['pki']['pkcs11'] {
  const { PKI_PKCS11_LIBRARY: library, PKI_PKCS11_TOKEN_LABEL: tokenLabel, PKI_PKCS11_PIN: pin } = env;
  if (library === undefined && tokenLabel === undefined && pin === undefined) return undefined;
  if (library === undefined) throw new ConfigError('PKI_PKCS11_LIBRARY', 'is required with PKI_PKCS11_TOKEN_LABEL and PKI_PKCS11_PIN');
  if (tokenLabel === undefined) throw new ConfigError('PKI_PKCS11_TOKEN_LABEL', 'is required with PKI_PKCS11_LIBRARY and PKI_PKCS11_PIN');
  if (pin === undefined) throw new ConfigError('PKI_PKCS11_PIN', 'is required with PKI_PKCS11_LIBRARY and PKI_PKCS11_TOKEN_LABEL');
  return { library, tokenLabel, pin };
}

function messagingConfig(env: Env, layout: ProcessLayout): RuntimeConfig['messaging'] {
  if (!env.KAFKA_BROKERS && layout.embedded) return { kind: 'in-process', parkAfterFailures: env.MESSAGING_PARK_AFTER_FAILURES };
  return {
    kind: 'kafka',
    brokers: env.KAFKA_BROKERS ?? LOCAL_KAFKA,
    clientId: env.KAFKA_CLIENT_ID ?? `csms-${layout.services.join('-')}`,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    partitions: env.KAFKA_PARTITIONS,
    commandPartitions: env.KAFKA_COMMAND_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    retentionMs: env.KAFKA_RETENTION_MS,
    partitionsConsumedConcurrently: env.KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY,
    parkAfterFailures: env.MESSAGING_PARK_AFTER_FAILURES,
    ...kafkaTopicSettings(env),
    ...kafkaSecurity(env),
  };
}

function kafkaSecurity(env: Env): { security?: KafkaSecurityConfig } {
  const security = kafkaSecurityConfig(env);
  return security === undefined ? {} : { security };
}

function databaseConfig(env: Env, layout: ProcessLayout): RuntimeConfig['database'] {
  const pools = { poolSize: env.DATABASE_POOL_SIZE, registryPool: { size: env.DATABASE_REGISTRY_POOL_SIZE, waitMs: env.DATABASE_REGISTRY_WAIT_MS } };
  if (!env.DATABASE_URL && layout.embedded) return { kind: 'embedded', dataDir: env.EMBEDDED_DATA_DIR, ...pools };
  return { kind: 'postgres', url: env.DATABASE_URL ?? LOCAL_DATABASE, ...pools };
}

function gatewayConfig(env: Env, layout: ProcessLayout): RuntimeConfig['gateway'] {
  const certFiles = env.OCPP_TLS_CERT_FILES ?? [];
  const keyFiles = env.OCPP_TLS_KEY_FILES ?? [];
  if (certFiles.length !== keyFiles.length) {
    throw new ConfigError('OCPP_TLS_KEY_FILES', `must name one key per certificate in OCPP_TLS_CERT_FILES (${certFiles.length})`);
  }
  if (env.OCPP_TLS_CA_FILE && !env.OCPP_CERT_ORGANIZATION) {
    throw new ConfigError('OCPP_CERT_ORGANIZATION', 'is required with OCPP_TLS_CA_FILE: client certificates are checked against it');
  }
  if (env.OCPP_TLS_CA_FILE && certFiles.length === 0) {
    throw new ConfigError('OCPP_TLS_CERT_FILES', 'is required with OCPP_TLS_CA_FILE: mutual TLS needs a server certificate');
  }
  if (env.OCPP_TLS_CRL_URLS && (!env.OCPP_TLS_CRL_FILE || !env.OCPP_TLS_CA_FILE)) {
    throw new ConfigError('OCPP_TLS_CRL_URLS', 'needs OCPP_TLS_CRL_FILE (where the fetched CRLs are kept) and OCPP_TLS_CA_FILE (whose chains they check)');
  }
  if (env.OCPP_TLS_SERVER_CERT_FROM_PKI && (certFiles.length !== 2 || !env.OCPP_TLS_SERVER_NAMES || !env.INTERNAL_API_TOKEN)) {
    throw new ConfigError(
      'OCPP_TLS_SERVER_CERT_FROM_PKI',
      'needs two OCPP_TLS_CERT_FILES/KEY_FILES (where the RSA, then the ECDSA certificate and key are kept), OCPP_TLS_SERVER_NAMES and INTERNAL_API_TOKEN',
    );
  }
  if (!env.OCPP_WS_ENABLED && certFiles.length === 0 && layout.services.includes('connection')) {
    throw new ConfigError('OCPP_WS_ENABLED', 'is false but no wss:// listener is configured (OCPP_TLS_CERT_FILES/KEY_FILES): stations could not connect at all');
  }
  const replica = resolveReplicaIndex(env.CONNECTION_REPLICA_INDEX, env.HOSTNAME ?? '', layout.services.includes('connection') && !layout.embedded);
  if (replica.index >= env.KAFKA_COMMAND_PARTITIONS) {
    const origin = replica.source === 'hostname' ? ` (unset, so taken from the host name ${replica.hostname}: set it, or raise KAFKA_COMMAND_PARTITIONS)` : '';
    throw new ConfigError('CONNECTION_REPLICA_INDEX', `must be below KAFKA_COMMAND_PARTITIONS (${env.KAFKA_COMMAND_PARTITIONS})${origin}`);
  }
  return {
    replicaIndex: replica.index,
    replicaIndexSource: replica.source,
    host: env.OCPP_HOST ?? env.HTTP_HOST,
    wsPort: env.OCPP_WS_ENABLED ? env.OCPP_WS_PORT : undefined,
    tls:
      certFiles.length === 0
        ? undefined
        : {
            port: env.OCPP_WSS_PORT,
            certFiles,
            keyFiles,
            caFile: env.OCPP_TLS_CA_FILE,
            crlFile: env.OCPP_TLS_CRL_FILE,
            crlUrls: env.OCPP_TLS_CRL_URLS ?? [],
            crlRefreshMs: env.OCPP_TLS_CRL_REFRESH_SECONDS * 1000,
            reloadIntervalMs: env.OCPP_TLS_RELOAD_SECONDS * 1000,
            serverCertificates: env.OCPP_TLS_SERVER_CERT_FROM_PKI
              ? { pkiUrl: env.OCPP_TLS_SERVER_CERT_FROM_PKI.replace(/\/+$/, ''), names: env.OCPP_TLS_SERVER_NAMES ?? [] }
              : undefined,
          },
    certificateOrganization: env.OCPP_CERT_ORGANIZATION,
    unknownStations: env.OCPP_UNKNOWN_STATIONS ?? (layout.embedded ? 'accept' : 'reject'),
    maxFrameBytes: env.OCPP_MAX_FRAME_BYTES,
    pingIntervalMs: env.OCPP_PING_INTERVAL_SECONDS * 1000,
    callTimeoutMs: env.OCPP_CALL_TIMEOUT_SECONDS * 1000,
    heartbeatIntervalSeconds: env.OCPP_HEARTBEAT_INTERVAL_SECONDS,
    maxConcurrentUpgrades: env.OCPP_MAX_CONCURRENT_UPGRADES,
    retryAfterSeconds: env.OCPP_RETRY_AFTER_SECONDS,
    abuse: gatewayAbuseConfig(env),
    drain: gatewayDrainConfig(env, layout),
  };
}

/** Time SIGTERM leaves after the drain: flushing the producers (up to 5 s), exporting the last spans (up to 3 s) and closing the pools. */
export const SHUTDOWN_RESERVE_MS = 8000;

function gatewayDrainConfig(env: Env, layout: ProcessLayout): RuntimeConfig['gateway']['drain'] {
  const windowMs = env.OCPP_DRAIN_SECONDS * 1000;
  if (layout.services.includes('connection') && windowMs + SHUTDOWN_RESERVE_MS > env.SHUTDOWN_TIMEOUT_MS) {
    throw new ConfigError(
      'SHUTDOWN_TIMEOUT_MS',
      `must be at least OCPP_DRAIN_SECONDS (${env.OCPP_DRAIN_SECONDS} s) + ${SHUTDOWN_RESERVE_MS / 1000} s, and below the pod's terminationGracePeriodSeconds`,
    );
  }
  return { windowMs, minBatchSize: env.OCPP_DRAIN_BATCH_SIZE, batchIntervalMs: env.OCPP_DRAIN_BATCH_INTERVAL_MS };
}

/** A heartbeat must be able to go missing once and be late a little before a replica counts as gone. */
function presenceConfig(env: Env): RuntimeConfig['presence'] {
  if (env.PRESENCE_EXPIRY_SECONDS < 2 * env.PRESENCE_HEARTBEAT_SECONDS) {
    throw new ConfigError('PRESENCE_EXPIRY_SECONDS', `must be at least twice PRESENCE_HEARTBEAT_SECONDS (${env.PRESENCE_HEARTBEAT_SECONDS})`);
  }
  return { heartbeatMs: env.PRESENCE_HEARTBEAT_SECONDS * 1000, expiryMs: env.PRESENCE_EXPIRY_SECONDS * 1000 };
}

function gatewayAbuseConfig(env: Env): RuntimeConfig['gateway']['abuse'] {
  return {
    trustedProxies: env.OCPP_TRUSTED_PROXIES ?? [],
    connectPerAddress: { perSecond: env.OCPP_CONNECT_RATE_PER_ADDRESS, burst: env.OCPP_CONNECT_BURST_PER_ADDRESS },
    connectPerStation: { perSecond: env.OCPP_CONNECT_RATE_PER_STATION, burst: env.OCPP_CONNECT_BURST_PER_STATION },
    failuresPerAddress: env.OCPP_AUTH_FAILURES_PER_ADDRESS,
    failuresPerStation: env.OCPP_AUTH_FAILURES_PER_STATION,
    failureWindowMs: env.OCPP_AUTH_FAILURE_WINDOW_SECONDS * 1000,
    blockMs: env.OCPP_AUTH_BLOCK_SECONDS * 1000,
    trackedKeys: env.OCPP_ABUSE_TRACKED_KEYS,
    maxPendingHandshakesPerAddress: env.OCPP_MAX_PENDING_HANDSHAKES_PER_ADDRESS,
    handshakeTimeoutMs: env.OCPP_HANDSHAKE_TIMEOUT_SECONDS * 1000,
    messages: { perSecond: env.OCPP_MAX_MESSAGES_PER_SECOND, burst: env.OCPP_MESSAGE_BURST },
    messageRateCloseMs: env.OCPP_MESSAGE_RATE_CLOSE_SECONDS * 1000,
  };
}

function stationCoreConfig(env: Env, layout: ProcessLayout): RuntimeConfig['stationCore'] {
  return {
    bootRetryIntervalSeconds: env.OCPP_BOOT_RETRY_INTERVAL_SECONDS,
    unknownIdTokens: env.OCPP_UNKNOWN_ID_TOKENS ?? (layout.embedded ? 'accept' : 'reject'),
    durableAckTimeoutMs: env.OCPP_DURABLE_ACK_TIMEOUT_MS,
    dataTransferVendorIds: env.OCPP_DATA_TRANSFER_VENDOR_IDS ?? [],
    chargingCapabilitiesAfterBoot: env.OCPP_CHARGING_CAPABILITIES_AFTER_BOOT,
    credentialProvisioning: { sweepMs: env.OCPP_CREDENTIAL_SWEEP_SECONDS * 1000, retryMs: env.OCPP_CREDENTIAL_RETRY_SECONDS * 1000 },
    ocspTimeoutMs: env.OCPP_OCSP_TIMEOUT_SECONDS * 1000,
    ocspResponderHosts: env.OCPP_OCSP_RESPONDER_HOSTS,
    contractCertificateUrl: env.OCPP_CONTRACT_CERTIFICATE_URL,
  };
}

import { isIP } from 'node:net';
import { z } from 'zod';
import { consoleEnv } from './console-env';
import { observabilityEnv } from './observability-env';

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number between ${min} and ${max}`);

const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `must be a number between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a number between ${min} and ${max}`);

const fileList = z
  .string()
  .transform((value) => value.split(',').map((file) => file.trim()).filter(Boolean))
  .refine((files) => files.length > 0, 'must name at least one file');

const httpUrlList = z
  .string()
  .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
  .refine((urls) => urls.length > 0 && urls.every((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)), 'must be a comma-separated list of http(s) URLs');

const nameList = z
  .string()
  .transform((value) => value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean))
  .refine((names) => names.length > 0 && names.every((name) => /^[a-z0-9.:-]{1,253}$/.test(name)), 'must be a comma-separated list of host names or IP addresses');

// Asymmetric JWS algorithms only: `none` and HS* (a shared secret, or a public key misused as one) are never accepted.
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

const algorithmList = z
  .string()
  .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
  .refine(
    (names) => names.length > 0 && names.every((name) => (OIDC_ALGORITHMS as readonly string[]).includes(name)),
    `must be a comma-separated list of asymmetric algorithms (${OIDC_ALGORITHMS.join(', ')}); none and HS* are refused`,
  );

// A claim name, or a dotted path into nested objects (`realm_access.roles`); URL-like names are allowed too.
const claimPath = z.string().regex(/^[A-Za-z0-9_:/.@-]{1,200}$/, 'must be a claim name or a dotted path such as realm_access.roles');

// An IPv4/IPv6 address or CIDR range, e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8.
const addressRangeList = z
  .string()
  .transform((value) => value.split(',').map((range) => range.trim()).filter(Boolean))
  .refine((ranges) => ranges.length > 0 && ranges.every(isAddressRange), 'must be a comma-separated list of IP addresses or CIDR ranges');

const booleanFlag = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true');

/** SASL mechanisms of the Kafka client, as KAFKA_SASL_MECHANISM spells them (case does not matter). */
export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain', 'oauthbearer'] as const;

export const envSchema = z.object({
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  HTTP_PORT: integer(1, 65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  INTERNAL_API_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  API_TOKENS_FILE: z.string().min(1).optional(),
  // How often the token file (API_TOKENS_FILE or the embedded api-tokens.json) is checked for changes: revoking = removing the entry.
  API_TOKENS_RELOAD_SECONDS: integer(1, 3600).default(5),
  // OIDC access tokens (JWTs) beside the API tokens: the issuer turns them on; OIDC_AUDIENCE is then required.
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_AUDIENCE: z.string().min(1).max(500).optional(),
  // Where the signing keys are; unset: the jwks_uri of <OIDC_ISSUER>/.well-known/openid-configuration.
  OIDC_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_ALGORITHMS: algorithmList.default(['RS256', 'ES256']),
  OIDC_CLOCK_TOLERANCE_SECONDS: integer(0, 300).default(30),
  // Least time between two JWKS fetches caused by an unknown key id (rotation), so forged kids cannot hammer the provider.
  OIDC_JWKS_COOLDOWN_SECONDS: integer(1, 3600).default(30),
  OIDC_ROLES_CLAIM: claimPath.default('roles'),
  OIDC_SITES_CLAIM: claimPath.default('sites'),
  // Unset: tokens carry no tenant (they see every tenant). Set: a token without a valid tenant claim is refused.
  OIDC_TENANT_CLAIM: claimPath.optional(),
  OIDC_NAME_CLAIM: claimPath.default('sub'),
  // Below Kubernetes' default terminationGracePeriodSeconds (30): a gateway drains its stations within it (ADR 045).
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(25_000),
  KAFKA_BROKERS: z
    .string()
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
    .refine((brokers) => brokers.length > 0 && brokers.every((b) => hostPort.test(b)), 'must be a comma-separated list of host:port')
    .optional(),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'may only contain letters, digits, ".", "_" and "-"')
    .default(''),
  KAFKA_PARTITIONS: integer(1, 1000).default(6),
  KAFKA_COMMAND_PARTITIONS: integer(1, 1000).default(16),
  KAFKA_REPLICATION_FACTOR: integer(1, 10).default(1),
  KAFKA_RETENTION_MS: integer(60_000, 31_536_000_000).default(7 * 24 * 3600 * 1000),
  KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: integer(1, 1000).default(3),
  MESSAGING_PARK_AFTER_FAILURES: integer(1, 1000).default(5),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: integer(1, 200).default(10),
  // The gateway's own small pool for the station lookup of an upgrade, so that connecting never waits behind message writes.
  DATABASE_REGISTRY_POOL_SIZE: integer(1, 50).default(4),
  // Longest wait for a free registry connection; past it the upgrade is refused with 503 + Retry-After.
  DATABASE_REGISTRY_WAIT_MS: integer(100, 60_000).default(5000),
  EMBEDDED_DATA_DIR: z.string().min(1).default('.data'),
  // The pod name in Kubernetes (a StatefulSet pod's ends in its ordinal); only read for the replica index.
  HOSTNAME: z.string().max(253).optional(),
  // Unset: the StatefulSet ordinal at the end of the pod's host name (csms-connection-2 → 2), else 0 (ADR 042).
  CONNECTION_REPLICA_INDEX: integer(0, 999).optional(),
  // How often a connection replica says on ocpp.presence that it is alive, and how long that holds (ADR 042).
  PRESENCE_HEARTBEAT_SECONDS: integer(1, 300).default(5),
  PRESENCE_EXPIRY_SECONDS: integer(2, 3600).default(20),
  OCPP_HOST: z.string().min(1).optional(),
  OCPP_WS_PORT: integer(1, 65535).default(9000),
  // false: no plain ws:// listener at all (only wss://, so OCPP_TLS_CERT_FILES is then required).
  OCPP_WS_ENABLED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  OCPP_WSS_PORT: integer(1, 65535).default(9443),
  OCPP_TLS_CERT_FILES: fileList.optional(),
  OCPP_TLS_KEY_FILES: fileList.optional(),
  OCPP_TLS_CA_FILE: z.string().min(1).optional(),
  OCPP_TLS_CRL_FILE: z.string().min(1).optional(),
  OCPP_TLS_RELOAD_SECONDS: integer(1, 86_400).default(60),
  // The PKI's CRLs of every CA in the client chain (root and issuing CAs), kept in OCPP_TLS_CRL_FILE.
  OCPP_TLS_CRL_URLS: httpUrlList.optional(),
  OCPP_TLS_CRL_REFRESH_SECONDS: integer(1, 86_400).default(900),
  // The PKI's base URL: the gateway then keeps its own RSA and ECDSA server certificates (OCPP_TLS_CERT_FILES/KEY_FILES) issued by it.
  OCPP_TLS_SERVER_CERT_FROM_PKI: z.url({ protocol: /^https?$/ }).optional(),
  // The host names / IP addresses the gateway's server certificates name (subjectAltName).
  OCPP_TLS_SERVER_NAMES: nameList.optional(),
  // ISO 15118 for 2.0.1 stations: GetCertificateStatus asks the OCSP responder the request names;
  // Get15118EVCertificate goes to the contract-certificate provider (a Mobility Operator / CPS endpoint).
  OCPP_OCSP_TIMEOUT_SECONDS: integer(1, 60).default(10),
  // The only hosts GetCertificateStatus may call (the responderURL comes from the station); unset:
  // any host but loopback, private and link-local addresses.
  OCPP_OCSP_RESPONDER_HOSTS: nameList.optional(),
  OCPP_CONTRACT_CERTIFICATE_URL: z.url({ protocol: /^https?$/ }).optional(),
  OCPP_CERT_ORGANIZATION: z.string().min(1).max(64).optional(),
  OCPP_UNKNOWN_STATIONS: z.enum(['accept', 'pending', 'reject']).optional(),
  // Upgrades being authenticated at once; beyond it the gateway answers 503 + Retry-After (the station tries again later).
  OCPP_MAX_CONCURRENT_UPGRADES: integer(1, 100_000).default(1000),
  OCPP_RETRY_AFTER_SECONDS: integer(1, 3600).default(10),
  // Abuse resistance at the gateway (ADR 040). Rates are per second; 0 switches that limit off.
  // Addresses (IPs or CIDR ranges) of proxies whose X-Forwarded-For names the client; nobody else's is believed.
  OCPP_TRUSTED_PROXIES: addressRangeList.optional(),
  OCPP_CONNECT_RATE_PER_ADDRESS: decimal(0, 100_000).default(100),
  OCPP_CONNECT_BURST_PER_ADDRESS: integer(1, 1_000_000).default(1000),
  OCPP_CONNECT_RATE_PER_STATION: decimal(0, 1000).default(1),
  OCPP_CONNECT_BURST_PER_STATION: integer(1, 10_000).default(20),
  // Failed authentications within the window before the address / station id is blocked for OCPP_AUTH_BLOCK_SECONDS.
  OCPP_AUTH_FAILURES_PER_ADDRESS: integer(1, 100_000).default(20),
  OCPP_AUTH_FAILURES_PER_STATION: integer(1, 100_000).default(10),
  OCPP_AUTH_FAILURE_WINDOW_SECONDS: integer(1, 86_400).default(60),
  OCPP_AUTH_BLOCK_SECONDS: integer(1, 86_400).default(300),
  // Entries each tracking table (rates, failures, blocks) holds at most; the least recently seen go first.
  OCPP_ABUSE_TRACKED_KEYS: integer(100, 10_000_000).default(100_000),
  OCPP_MAX_PENDING_HANDSHAKES_PER_ADDRESS: integer(1, 100_000).default(500),
  OCPP_HANDSHAKE_TIMEOUT_SECONDS: integer(1, 600).default(15),
  OCPP_MAX_MESSAGES_PER_SECOND: decimal(0, 100_000).default(50),
  OCPP_MESSAGE_BURST: integer(1, 1_000_000).default(500),
  // A station held back by the message rate without a break for this long is closed (1008).
  OCPP_MESSAGE_RATE_CLOSE_SECONDS: integer(1, 3600).default(30),
  // Graceful drain on SIGTERM (ADR 045): station sockets are closed in batches of at least OCPP_DRAIN_BATCH_SIZE every
  // OCPP_DRAIN_BATCH_INTERVAL_MS, larger when needed to close them all within OCPP_DRAIN_SECONDS (0: all at once).
  OCPP_DRAIN_SECONDS: integer(0, 3600).default(10),
  OCPP_DRAIN_BATCH_SIZE: integer(1, 1_000_000).default(50),
  OCPP_DRAIN_BATCH_INTERVAL_MS: integer(10, 60_000).default(500),
  OCPP_MAX_FRAME_BYTES: integer(1024, 16 * 1024 * 1024).default(256 * 1024),
  OCPP_PING_INTERVAL_SECONDS: integer(0, 3600).default(60),
  OCPP_CALL_TIMEOUT_SECONDS: integer(1, 600).default(30),
  OCPP_HEARTBEAT_INTERVAL_SECONDS: integer(10, 86_400).default(300),
  OCPP_BOOT_RETRY_INTERVAL_SECONDS: integer(1, 86_400).default(60),
  // How often each replica looks for credential provisioning due on the stations it holds (ADR 039).
  OCPP_CREDENTIAL_SWEEP_SECONDS: integer(1, 3600).default(10),
  // First wait before a failed credential provisioning is tried again; doubles per failure, at most an hour.
  OCPP_CREDENTIAL_RETRY_SECONDS: integer(1, 3600).default(30),
  OCPP_UNKNOWN_ID_TOKENS: z.enum(['accept', 'reject']).optional(),
  OCPP_DURABLE_ACK_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  OCPP_CHARGING_CAPABILITIES_AFTER_BOOT: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  HISTORY_RETENTION_DAYS: integer(1, 36_500).default(90),
  // Retention of the other tables that only grow (ADR 044); 0 keeps rows for ever. The inbox must outlive what Kafka can redeliver.
  RETENTION_PROCESSED_EVENTS_DAYS: integer(0, 36_500).default(30),
  RETENTION_METER_SAMPLES_DAYS: integer(0, 36_500).default(365),
  RETENTION_TRANSACTION_EVENTS_DAYS: integer(0, 36_500).default(365),
  RETENTION_AUDIT_DAYS: integer(0, 36_500).default(365),
  // The per-node draw and limit history of smart charging (a sample per node every DRAW_HISTORY_SAMPLE_SECONDS): a week for the console's charts.
  RETENTION_DRAW_HISTORY_DAYS: integer(0, 36_500).default(7),
  // How often each service's retention job runs, and the rows one short DELETE transaction removes at most.
  RETENTION_INTERVAL_SECONDS: integer(1, 86_400).default(3600),
  RETENTION_BATCH_ROWS: integer(1, 100_000).default(5000),
  // Decrypts the PKI's CA key files (encrypted PKCS#8). Long because it guards offline-guessable files.
  PKI_CA_KEY_PASSPHRASE: z.string().min(16, 'must be at least 16 characters').max(1024, 'must be at most 1024 characters').optional(),
  // Folder of the CA key files the PKI creates or imports (encrypted PKCS#8); default under EMBEDDED_DATA_DIR in embedded mode.
  PKI_KEY_DIR: z.string().min(1).optional(),
  // The O a station CSR must carry; OCPP_CERT_ORGANIZATION when unset (the same operator organisation).
  PKI_CERT_ORGANIZATION: z.string().min(1).max(64).optional(),
  // Base URL stations and relying parties reach the PKI at: default CRL and OCSP URLs of new CAs hang off it.
  PKI_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PKI_STATION_CERT_VALIDITY_DAYS: integer(1, 3650).default(365),
  // The host names / IP addresses the gateway may have in its server certificates; unset: none are issued.
  PKI_GATEWAY_SERVER_NAMES: nameList.optional(),
  // Validity of a gateway server certificate (the gateway renews at 2/3 of it); default 90 days.
  PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS: integer(30, 3650 * 86_400).default(90 * 86_400),
  // A CSR still pending (no active issuing CA, CertificateSigned not delivered) after this long is marked timed out.
  PKI_SIGNING_TIMEOUT_SECONDS: integer(10, 7 * 86_400).default(3600),
  // Station certificates whose notAfter is this close are renewed (TriggerMessage SignChargingStationCertificate); fractions allowed.
  PKI_RENEWAL_WINDOW_DAYS: decimal(0.0001, 3650).default(30),
  // How often the renewal sweep looks for certificates inside the window and settles attempts in flight.
  PKI_RENEWAL_SWEEP_SECONDS: integer(1, 86_400).default(60),
  // A renewal that brought no new certificate this long after its trigger counts as failed (above the 30 s a command may take).
  PKI_RENEWAL_CSR_TIMEOUT_SECONDS: integer(60, 7 * 86_400).default(900),
  // First delay before a failed renewal is tried again; doubles per failure, at most 12 hours.
  PKI_RENEWAL_RETRY_SECONDS: integer(1, 86_400).default(300),
  // The gateway's wss base URL (without the station id) a station upgraded to security profile 2 or 3 connects to.
  PKI_GATEWAY_WSS_URL: z.url({ protocol: /^wss$/ }).optional(),
  // The connection service's base URL, for raising a station's minimum profile (with INTERNAL_API_TOKEN).
  PKI_CONNECTION_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Smart charging asks the connection service (with INTERNAL_API_TOKEN) which stations a site's tenant holds; embedded default: this process.
  SMART_CHARGING_CONNECTION_URL: z.url({ protocol: /^https?$/ }).optional(),
  // How often smart charging records each node's limit, allocation and measured draw (GET /api/sites/{siteId}/nodes/{nodeId}/draw-history).
  DRAW_HISTORY_SAMPLE_SECONDS: integer(1, 3600).default(15),
  // A profile upgrade whose station is not back on the new profile this long after the Reset is rolled back.
  PKI_PROFILE_UPGRADE_TIMEOUT_SECONDS: integer(5, 3600).default(180),
  // The PKCS#11 token (an HSM) CAs created with keyStorage "pkcs11" keep their keys in: library path, token label, user PIN.
  PKI_PKCS11_LIBRARY: z.string().min(1).optional(),
  PKI_PKCS11_TOKEN_LABEL: z.string().min(1).max(32).optional(),
  PKI_PKCS11_PIN: z.string().min(4, 'must be at least 4 characters').max(255).optional(),
  OCPP_DATA_TRANSFER_VENDOR_IDS: z
    .string()
    .transform((value) => value.split(',').map((vendorId) => vendorId.trim()).filter(Boolean))
    .refine((vendorIds) => vendorIds.every((vendorId) => vendorId.length <= 255), 'must be a comma-separated list of vendor ids of at most 255 characters')
    .optional(),
  ...observabilityEnv,
  ...consoleEnv,
  // --- Kafka security and topic provisioning (ADR 043). Secrets only from files (*_FILE), never literal in the environment.
  KAFKA_SSL: booleanFlag.default(false),
  // PEM CA bundle the brokers' certificates must chain to; unset: Node's public CAs (a managed cluster with a public certificate).
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  // Client certificate and key (PEM) for mutual TLS; the key may be encrypted, its passphrase in KAFKA_SSL_KEY_PASSWORD_FILE.
  KAFKA_SSL_CERT_FILE: z.string().min(1).optional(),
  KAFKA_SSL_KEY_FILE: z.string().min(1).optional(),
  KAFKA_SSL_KEY_PASSWORD_FILE: z.string().min(1).optional(),
  // The name the brokers' certificates must carry (SNI), when it differs from the host in KAFKA_BROKERS.
  KAFKA_SSL_SERVERNAME: z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a host name').optional(),
  KAFKA_SASL_MECHANISM: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.enum(KAFKA_SASL_MECHANISMS, { message: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` }))
    .optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).max(255).optional(),
  KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional(),
  // OAUTHBEARER: client-credentials grant at this token endpoint.
  KAFKA_SASL_OAUTH_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  KAFKA_SASL_OAUTH_CLIENT_ID: z.string().min(1).max(255).optional(),
  KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE: z.string().min(1).optional(),
  KAFKA_SASL_OAUTH_SCOPE: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be space-separated OAuth scope tokens').optional(),
  // false: topics are never created or grown; start-up checks the catalogue exists (a managed cluster rarely grants creation).
  KAFKA_CREATE_TOPICS: booleanFlag.default(true),
  // min.insync.replicas of created topics; unset: 2, or 1 when KAFKA_REPLICATION_FACTOR is 1.
  KAFKA_MIN_INSYNC_REPLICAS: integer(1, 10).optional(),
});

function isAddressRange(range: string): boolean {
  const [address = '', prefix, ...rest] = range.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export type Env = z.output<typeof envSchema>;

import { z } from 'zod';

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

export const envSchema = z.object({
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  HTTP_PORT: integer(1, 65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  INTERNAL_API_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  API_TOKENS_FILE: z.string().min(1).optional(),
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(10_000),
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
  CONNECTION_REPLICA_INDEX: integer(0, 999).default(0),
  OCPP_HOST: z.string().min(1).optional(),
  OCPP_WS_PORT: integer(1, 65535).default(9000),
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
  OCPP_MAX_FRAME_BYTES: integer(1024, 16 * 1024 * 1024).default(256 * 1024),
  OCPP_PING_INTERVAL_SECONDS: integer(0, 3600).default(60),
  OCPP_CALL_TIMEOUT_SECONDS: integer(1, 600).default(30),
  OCPP_HEARTBEAT_INTERVAL_SECONDS: integer(10, 86_400).default(300),
  OCPP_BOOT_RETRY_INTERVAL_SECONDS: integer(1, 86_400).default(60),
  OCPP_UNKNOWN_ID_TOKENS: z.enum(['accept', 'reject']).optional(),
  OCPP_DURABLE_ACK_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  OCPP_CHARGING_CAPABILITIES_AFTER_BOOT: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  HISTORY_RETENTION_DAYS: integer(1, 36_500).default(90),
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
});

export type Env = z.output<typeof envSchema>;

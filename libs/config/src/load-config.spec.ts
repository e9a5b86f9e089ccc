import { configErrorOf } from './config-error-of.testing';
import { loadConfig } from './load-config';

const standalone = { services: ['pki' as const], defaultHttpPort: 3002, embedded: false };
const embedded = { services: ['connection' as const, 'smart-charging' as const, 'pki' as const], defaultHttpPort: 3000, embedded: true };

describe('loadConfig', () => {
  it('gives a standalone service local Kafka and PostgreSQL by default', () => {
    const config = loadConfig(standalone, {});
    expect(config.http.port).toBe(3002);
    expect(config.messaging).toMatchObject({ kind: 'kafka', brokers: ['127.0.0.1:9092'], partitions: 6, commandPartitions: 16 });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/csms', poolSize: 10, registryPool: { size: 4, waitMs: 5000 } });
  });

  it('sizes the registry pool and bounds upgrade admission from the environment (ADR 033)', () => {
    const config = loadConfig(standalone, { DATABASE_REGISTRY_POOL_SIZE: '2', DATABASE_REGISTRY_WAIT_MS: '750', OCPP_MAX_CONCURRENT_UPGRADES: '3', OCPP_RETRY_AFTER_SECONDS: '7' });
    expect(config.database.registryPool).toEqual({ size: 2, waitMs: 750 });
    expect(config.gateway).toMatchObject({ maxConcurrentUpgrades: 3, retryAfterSeconds: 7 });
    expect(loadConfig(standalone, {}).gateway).toMatchObject({ maxConcurrentUpgrades: 1000, retryAfterSeconds: 10 });
  });

  it('reads the gateway abuse limits from the environment, with defaults (ADR 040)', () => {
    expect(loadConfig(standalone, {}).gateway.abuse).toEqual({
      trustedProxies: [],
      connectPerAddress: { perSecond: 100, burst: 1000 },
      connectPerStation: { perSecond: 1, burst: 20 },
      failuresPerAddress: 20,
      failuresPerStation: 10,
      failureWindowMs: 60_000,
      blockMs: 300_000,
      trackedKeys: 100_000,
      maxPendingHandshakesPerAddress: 500,
      handshakeTimeoutMs: 15_000,
      messages: { perSecond: 50, burst: 500 },
      messageRateCloseMs: 30_000,
    });
    const config = loadConfig(standalone, {
      OCPP_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1, fd00::/8',
      OCPP_CONNECT_RATE_PER_ADDRESS: '0',
      OCPP_CONNECT_RATE_PER_STATION: '0.5',
      OCPP_AUTH_BLOCK_SECONDS: '5',
      OCPP_MAX_MESSAGES_PER_SECOND: '2.5',
    });
    expect(config.gateway.abuse).toMatchObject({
      trustedProxies: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8'],
      connectPerAddress: { perSecond: 0, burst: 1000 },
      connectPerStation: { perSecond: 0.5, burst: 20 },
      blockMs: 5000,
      messages: { perSecond: 2.5, burst: 500 },
    });
  });

  it('runs the embedded process on the in-process bus and embedded store unless told otherwise', () => {
    expect(loadConfig(embedded, {})).toMatchObject({ messaging: { kind: 'in-process' }, database: { kind: 'embedded', dataDir: '.data' } });
    const real = loadConfig(embedded, { KAFKA_BROKERS: 'k1:9092, k2:9093', DATABASE_URL: 'postgresql://u@db:5432/csms' });
    expect(real.messaging).toMatchObject({ kind: 'kafka', brokers: ['k1:9092', 'k2:9093'] });
    expect(real.database).toMatchObject({ kind: 'postgres', url: 'postgresql://u@db:5432/csms' });
  });

  it('reads partition concurrency and the poison threshold, for both buses (ADR 041)', () => {
    expect(loadConfig(standalone, {}).messaging).toMatchObject({ partitionsConsumedConcurrently: 3, parkAfterFailures: 5 });
    expect(loadConfig(standalone, { KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: '6', MESSAGING_PARK_AFTER_FAILURES: '2' }).messaging).toMatchObject({
      partitionsConsumedConcurrently: 6,
      parkAfterFailures: 2,
    });
    expect(loadConfig(embedded, { MESSAGING_PARK_AFTER_FAILURES: '9' }).messaging).toEqual({ kind: 'in-process', parkAfterFailures: 9 });
    expect(configErrorOf(() => loadConfig(standalone, { MESSAGING_PARK_AFTER_FAILURES: '0' })).variable).toBe('MESSAGING_PARK_AFTER_FAILURES');
    expect(configErrorOf(() => loadConfig(standalone, { KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: 'many' })).variable).toBe('KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(embedded, { KAFKA_BROKERS: '', HTTP_PORT: '' }).messaging.kind).toBe('in-process');
  });

  it.each([
    ['HTTP_PORT', 'abc'],
    ['HTTP_PORT', '70000'],
    ['KAFKA_BROKERS', 'not a broker'],
    ['KAFKA_PARTITIONS', '0'],
    ['DATABASE_REGISTRY_POOL_SIZE', '0'],
    ['DATABASE_REGISTRY_WAIT_MS', '10'],
    ['OCPP_MAX_CONCURRENT_UPGRADES', '0'],
    ['OCPP_RETRY_AFTER_SECONDS', 'soon'],
    ['DATABASE_URL', 'mysql://db/csms'],
    ['LOG_LEVEL', 'loud'],
    ['KAFKA_TOPIC_PREFIX', 'has space'],
    ['OCPP_TRUSTED_PROXIES', 'proxy.example.com'],
    ['OCPP_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['OCPP_TRUSTED_PROXIES', '10.0.0.1/8/8'],
    ['OCPP_CONNECT_BURST_PER_ADDRESS', '0'],
    ['OCPP_HANDSHAKE_TIMEOUT_SECONDS', '0'],
    ['OCPP_MAX_MESSAGES_PER_SECOND', '-1'],
  ])('names %s when its value %p is invalid', (variable, value) => {
    const error = configErrorOf(() => loadConfig(standalone, { [variable]: value }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable} `));
  });

  it('never echoes a secret it rejects', () => {
    const error = configErrorOf(() => loadConfig(standalone, { INTERNAL_API_TOKEN: 'short-secret' }));
    expect(error.variable).toBe('INTERNAL_API_TOKEN');
    expect(error.message).not.toContain('short-secret');
  });
});

describe('loadConfig: OCPP gateway', () => {
  it('accepts unknown stations only in the embedded process by default', () => {
    expect(loadConfig(embedded, {}).gateway.unknownStations).toBe('accept');
    expect(loadConfig(standalone, {}).gateway.unknownStations).toBe('reject');
    expect(loadConfig(embedded, { OCPP_UNKNOWN_STATIONS: 'reject' }).gateway.unknownStations).toBe('reject');
    expect(loadConfig(standalone, { OCPP_UNKNOWN_STATIONS: 'pending' }).gateway.unknownStations).toBe('pending');
    expect(configErrorOf(() => loadConfig(standalone, { OCPP_UNKNOWN_STATIONS: 'maybe' })).variable).toBe('OCPP_UNKNOWN_STATIONS');
  });

  it('switches the plain ws:// listener off, but never leaves the connection service without a listener', () => {
    const connection = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };
    const tlsFiles = { OCPP_TLS_CERT_FILES: 'rsa.pem', OCPP_TLS_KEY_FILES: 'rsa.key' };
    expect(loadConfig(connection, {}).gateway.wsPort).toBe(9000);
    expect(loadConfig(connection, { OCPP_WS_ENABLED: 'true', OCPP_WS_PORT: '9100' }).gateway.wsPort).toBe(9100);
    const wssOnly = loadConfig(connection, { OCPP_WS_ENABLED: 'false', ...tlsFiles }).gateway;
    expect(wssOnly.wsPort).toBeUndefined();
    expect(wssOnly.tls).toMatchObject({ port: 9443 });
    const none = configErrorOf(() => loadConfig(connection, { OCPP_WS_ENABLED: 'false' }));
    expect(none.variable).toBe('OCPP_WS_ENABLED');
    expect(none.message).toContain('OCPP_TLS_CERT_FILES');
    expect(configErrorOf(() => loadConfig(embedded, { OCPP_WS_ENABLED: 'false' })).variable).toBe('OCPP_WS_ENABLED');
    expect(configErrorOf(() => loadConfig(connection, { OCPP_WS_ENABLED: 'no', ...tlsFiles })).variable).toBe('OCPP_WS_ENABLED');
    // A process without the gateway has no listener to lose.
    expect(loadConfig(standalone, { OCPP_WS_ENABLED: 'false' }).gateway.wsPort).toBeUndefined();
  });

  it('reads the credential provisioning sweep and retry delay (ADR 039)', () => {
    expect(loadConfig(standalone, {}).stationCore.credentialProvisioning).toEqual({ sweepMs: 10_000, retryMs: 30_000 });
    expect(loadConfig(standalone, { OCPP_CREDENTIAL_SWEEP_SECONDS: '2', OCPP_CREDENTIAL_RETRY_SECONDS: '5' }).stationCore.credentialProvisioning).toEqual({ sweepMs: 2000, retryMs: 5000 });
    expect(configErrorOf(() => loadConfig(standalone, { OCPP_CREDENTIAL_SWEEP_SECONDS: '0' })).variable).toBe('OCPP_CREDENTIAL_SWEEP_SECONDS');
  });

  it('serves wss:// only with a certificate, and mutual TLS only with an organisation to check', () => {
    expect(loadConfig(standalone, {}).gateway.tls).toBeUndefined();
    const tls = loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'rsa.pem,ec.pem', OCPP_TLS_KEY_FILES: 'rsa.key,ec.key' }).gateway.tls;
    expect(tls).toMatchObject({ port: 9443, certFiles: ['rsa.pem', 'ec.pem'], keyFiles: ['rsa.key', 'ec.key'] });
    expect(configErrorOf(() => loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'a.pem,b.pem', OCPP_TLS_KEY_FILES: 'a.key' })).variable).toBe('OCPP_TLS_KEY_FILES');
    expect(
      configErrorOf(() => loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'a.pem', OCPP_TLS_KEY_FILES: 'a.key', OCPP_TLS_CA_FILE: 'ca.pem' })).variable,
    ).toBe('OCPP_CERT_ORGANIZATION');
  });

  it('fetches CRLs only into a CRL file, for a CA bundle', () => {
    const mutual = { OCPP_TLS_CERT_FILES: 'a.pem', OCPP_TLS_KEY_FILES: 'a.key', OCPP_TLS_CA_FILE: 'ca.pem', OCPP_CERT_ORGANIZATION: 'Operator' };
    const crlUrls = 'http://pki:3002/api/crls/root, http://pki:3002/api/crls/sub';
    expect(loadConfig(standalone, { ...mutual, OCPP_TLS_CRL_FILE: 'crl.pem', OCPP_TLS_CRL_URLS: crlUrls }).gateway.tls).toMatchObject({
      crlFile: 'crl.pem',
      crlUrls: ['http://pki:3002/api/crls/root', 'http://pki:3002/api/crls/sub'],
      crlRefreshMs: 900_000,
    });
    expect(loadConfig(standalone, mutual).gateway.tls?.crlUrls).toEqual([]);
    expect(configErrorOf(() => loadConfig(standalone, { ...mutual, OCPP_TLS_CRL_URLS: crlUrls })).variable).toBe('OCPP_TLS_CRL_URLS');
    expect(configErrorOf(() => loadConfig(standalone, { ...mutual, OCPP_TLS_CRL_FILE: 'crl.pem', OCPP_TLS_CRL_URLS: 'file:///crl.pem' })).variable).toBe('OCPP_TLS_CRL_URLS');
  });

  it('keeps server certificates from the PKI only in an RSA and an ECDSA pair of files, with names and the internal token', () => {
    const keeper = {
      OCPP_TLS_CERT_FILES: 'rsa.pem,ec.pem',
      OCPP_TLS_KEY_FILES: 'rsa.key,ec.key',
      OCPP_TLS_SERVER_CERT_FROM_PKI: 'http://pki:3002/',
      OCPP_TLS_SERVER_NAMES: 'CSMS.example.com, 10.0.0.7',
      INTERNAL_API_TOKEN: 'internal-token-of-at-least-24-characters',
    };
    expect(loadConfig(standalone, keeper).gateway.tls?.serverCertificates).toEqual({ pkiUrl: 'http://pki:3002', names: ['csms.example.com', '10.0.0.7'] });
    expect(loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'a.pem', OCPP_TLS_KEY_FILES: 'a.key' }).gateway.tls?.serverCertificates).toBeUndefined();
    for (const missing of [{ OCPP_TLS_CERT_FILES: 'rsa.pem', OCPP_TLS_KEY_FILES: 'rsa.key' }, { OCPP_TLS_SERVER_NAMES: undefined }, { INTERNAL_API_TOKEN: undefined }]) {
      expect(configErrorOf(() => loadConfig(standalone, { ...keeper, ...missing })).variable).toBe('OCPP_TLS_SERVER_CERT_FROM_PKI');
    }
    expect(configErrorOf(() => loadConfig(standalone, { ...keeper, OCPP_TLS_SERVER_NAMES: 'host name with spaces' })).variable).toBe('OCPP_TLS_SERVER_NAMES');
  });

  it('issues gateway server certificates only for PKI_GATEWAY_SERVER_NAMES, valid 90 days unless set', () => {
    expect(loadConfig(standalone, {}).pki).toMatchObject({ gatewayServerNames: [], gatewayServerCertificateValiditySeconds: 90 * 86_400 });
    expect(loadConfig(standalone, { PKI_GATEWAY_SERVER_NAMES: 'localhost,127.0.0.1', PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS: '30' }).pki).toMatchObject({
      gatewayServerNames: ['localhost', '127.0.0.1'],
      gatewayServerCertificateValiditySeconds: 30,
    });
    expect(configErrorOf(() => loadConfig(standalone, { PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS: '5' })).variable).toBe('PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS');
  });
});

describe('loadConfig: gateway drain (ADR 045)', () => {
  const connection = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };

  it('drains over 10 s in batches of at least 50 every 500 ms within a 25 s shutdown by default', () => {
    const config = loadConfig(connection, {});
    expect(config.gateway.drain).toEqual({ windowMs: 10_000, minBatchSize: 50, batchIntervalMs: 500 });
    expect(config.shutdownTimeoutMs).toBe(25_000);
  });

  it('reads the drain settings', () => {
    const config = loadConfig(connection, { OCPP_DRAIN_SECONDS: '0', OCPP_DRAIN_BATCH_SIZE: '5', OCPP_DRAIN_BATCH_INTERVAL_MS: '200' });
    expect(config.gateway.drain).toEqual({ windowMs: 0, minBatchSize: 5, batchIntervalMs: 200 });
  });

  it('refuses a shutdown timeout that leaves no room for the drain, in a process that runs the gateway', () => {
    const tooShort = configErrorOf(() => loadConfig(connection, { OCPP_DRAIN_SECONDS: '30', SHUTDOWN_TIMEOUT_MS: '30000' }));
    expect(tooShort.variable).toBe('SHUTDOWN_TIMEOUT_MS');
    expect(tooShort.message).toContain('OCPP_DRAIN_SECONDS');
    expect(loadConfig(connection, { OCPP_DRAIN_SECONDS: '30', SHUTDOWN_TIMEOUT_MS: '38000' }).shutdownTimeoutMs).toBe(38_000);
    expect(loadConfig(standalone, { SHUTDOWN_TIMEOUT_MS: '1000' }).shutdownTimeoutMs).toBe(1000);
  });

  it.each([
    ['OCPP_DRAIN_SECONDS', '-1'],
    ['OCPP_DRAIN_BATCH_SIZE', '0'],
    ['OCPP_DRAIN_BATCH_INTERVAL_MS', '5'],
  ])('names %s when its value %p is invalid', (variable, value) => {
    expect(configErrorOf(() => loadConfig(connection, { [variable]: value })).variable).toBe(variable);
  });
});

describe('loadConfig: station core', () => {
  it('has defaults for a standalone service and for the embedded process', () => {
    expect(loadConfig(standalone, {}).stationCore).toEqual({
      bootRetryIntervalSeconds: 60,
      unknownIdTokens: 'reject',
      durableAckTimeoutMs: 10_000,
      dataTransferVendorIds: [],
      chargingCapabilitiesAfterBoot: true,
      ocspTimeoutMs: 10_000,
      contractCertificateUrl: undefined,
      credentialProvisioning: { sweepMs: 10_000, retryMs: 30_000 },
    });
    expect(loadConfig(embedded, {}).stationCore.unknownIdTokens).toBe('accept');
  });

  it('reads the settings from the environment', () => {
    const config = loadConfig(standalone, {
      OCPP_BOOT_RETRY_INTERVAL_SECONDS: '15',
      OCPP_UNKNOWN_ID_TOKENS: 'accept',
      OCPP_DURABLE_ACK_TIMEOUT_MS: '2500',
      OCPP_DATA_TRANSFER_VENDOR_IDS: 'com.acme, org.example ,',
      OCPP_CHARGING_CAPABILITIES_AFTER_BOOT: 'false',
      OCPP_OCSP_TIMEOUT_SECONDS: '3',
      OCPP_CONTRACT_CERTIFICATE_URL: 'https://cps.example/ev-certificates',
    });
    expect(config.stationCore).toEqual({
      bootRetryIntervalSeconds: 15,
      unknownIdTokens: 'accept',
      durableAckTimeoutMs: 2500,
      dataTransferVendorIds: ['com.acme', 'org.example'],
      chargingCapabilitiesAfterBoot: false,
      ocspTimeoutMs: 3000,
      contractCertificateUrl: 'https://cps.example/ev-certificates',
      credentialProvisioning: { sweepMs: 10_000, retryMs: 30_000 },
    });
  });

  it.each([
    ['OCPP_UNKNOWN_ID_TOKENS', 'sometimes'],
    ['OCPP_DURABLE_ACK_TIMEOUT_MS', '10'],
    ['OCPP_BOOT_RETRY_INTERVAL_SECONDS', '0'],
    ['OCPP_CHARGING_CAPABILITIES_AFTER_BOOT', 'yes'],
    ['OCPP_OCSP_TIMEOUT_SECONDS', '0'],
    ['OCPP_CONTRACT_CERTIFICATE_URL', 'ftp://cps.example'],
  ])('names %s when its value %p is invalid', (variable, value) => {
    expect(configErrorOf(() => loadConfig(standalone, { [variable]: value })).variable).toBe(variable);
  });
});

describe('loadConfig: pki', () => {
  it('passes the CA key passphrase through and leaves it unset when absent', () => {
    expect(loadConfig(standalone, { PKI_CA_KEY_PASSPHRASE: 'correct horse battery staple' }).pki.caKeyPassphrase).toBe('correct horse battery staple');
    expect(loadConfig(standalone, {}).pki.caKeyPassphrase).toBeUndefined();
  });

  it('keeps CA keys under EMBEDDED_DATA_DIR in embedded mode and nowhere by default when distributed', () => {
    expect(loadConfig(embedded, { EMBEDDED_DATA_DIR: '/var/csms' }).pki.keyDir).toBe('/var/csms/pki-keys');
    expect(loadConfig(standalone, {}).pki.keyDir).toBeUndefined();
    expect(loadConfig(standalone, { PKI_KEY_DIR: '/keys' }).pki.keyDir).toBe('/keys');
  });

  it('takes the certificate organisation from PKI_CERT_ORGANIZATION, else OCPP_CERT_ORGANIZATION', () => {
    expect(loadConfig(standalone, { OCPP_CERT_ORGANIZATION: 'Gateway Org' }).pki.certificateOrganization).toBe('Gateway Org');
    expect(loadConfig(standalone, { OCPP_CERT_ORGANIZATION: 'Gateway Org', PKI_CERT_ORGANIZATION: 'PKI Org' }).pki.certificateOrganization).toBe('PKI Org');
  });

  it('defaults the public URL to the HTTP port and refuses a non-HTTP one', () => {
    expect(loadConfig(standalone, {}).pki.publicUrl).toBe('http://localhost:3002');
    expect(loadConfig(standalone, { PKI_PUBLIC_URL: 'https://pki.example.com/' }).pki.publicUrl).toBe('https://pki.example.com');
    expect(configErrorOf(() => loadConfig(standalone, { PKI_PUBLIC_URL: 'ftp://pki.example.com' })).variable).toBe('PKI_PUBLIC_URL');
  });

  it('refuses a short passphrase, naming the variable but never the value', () => {
    const error = configErrorOf(() => loadConfig(standalone, { PKI_CA_KEY_PASSPHRASE: 'hunter2-secret' }));
    expect(error.variable).toBe('PKI_CA_KEY_PASSPHRASE');
    expect(error.message).toBe('invalid configuration: PKI_CA_KEY_PASSPHRASE must be at least 16 characters');
  });
});

describe('loadConfig: smart charging', () => {
  it('asks its own process for tenants’ stations when embedded, nobody by default when distributed (ADR 037)', () => {
    expect(loadConfig(embedded, {}).smartCharging).toEqual({ connectionUrl: 'http://127.0.0.1:3000', drawHistorySampleMs: 15_000 });
    expect(loadConfig(embedded, { HTTP_PORT: '8080' }).smartCharging).toEqual({ connectionUrl: 'http://127.0.0.1:8080', drawHistorySampleMs: 15_000 });
    expect(loadConfig(standalone, {}).smartCharging).toEqual({ connectionUrl: undefined, drawHistorySampleMs: 15_000 });
    expect(loadConfig(standalone, { SMART_CHARGING_CONNECTION_URL: 'http://connection:3001/' }).smartCharging).toEqual({ connectionUrl: 'http://connection:3001', drawHistorySampleMs: 15_000 });
    expect(loadConfig(standalone, { DRAW_HISTORY_SAMPLE_SECONDS: '1' }).smartCharging.drawHistorySampleMs).toBe(1000);
    expect(configErrorOf(() => loadConfig(standalone, { DRAW_HISTORY_SAMPLE_SECONDS: '0' })).variable).toBe('DRAW_HISTORY_SAMPLE_SECONDS');
    expect(configErrorOf(() => loadConfig(standalone, { SMART_CHARGING_CONNECTION_URL: 'ftp://connection' })).variable).toBe('SMART_CHARGING_CONNECTION_URL');
  });
});

describe('loadConfig: history', () => {
  it('keeps 90 days of history unless told otherwise', () => {
    expect(loadConfig(standalone, {}).history).toEqual({ retentionDays: 90 });
    expect(loadConfig(embedded, { HISTORY_RETENTION_DAYS: '400' }).history).toEqual({ retentionDays: 400 });
  });

  it.each(['0', '-1', '7.5', 'forever', '36501'])('names HISTORY_RETENTION_DAYS when its value %p is invalid', (value) => {
    expect(configErrorOf(() => loadConfig(standalone, { HISTORY_RETENTION_DAYS: value })).variable).toBe('HISTORY_RETENTION_DAYS');
  });
});

describe('loadConfig: API tokens', () => {
  it('reads API_TOKENS_FILE, and lets only the embedded process generate a token in EMBEDDED_DATA_DIR', () => {
    expect(loadConfig(standalone, { API_TOKENS_FILE: '/etc/csms/tokens.json' }).apiTokens).toEqual({ file: '/etc/csms/tokens.json', embeddedDir: undefined, reloadIntervalMs: 5000 });
    expect(loadConfig(standalone, {}).apiTokens).toEqual({ file: undefined, embeddedDir: undefined, reloadIntervalMs: 5000 });
    expect(loadConfig(embedded, { EMBEDDED_DATA_DIR: '/var/csms' }).apiTokens).toEqual({ file: undefined, embeddedDir: '/var/csms', reloadIntervalMs: 5000 });
  });

  it('checks the token file for changes every API_TOKENS_RELOAD_SECONDS', () => {
    expect(loadConfig(standalone, { API_TOKENS_RELOAD_SECONDS: '1' }).apiTokens.reloadIntervalMs).toBe(1000);
    expect(configErrorOf(() => loadConfig(standalone, { API_TOKENS_RELOAD_SECONDS: '0' })).variable).toBe('API_TOKENS_RELOAD_SECONDS');
  });
});

describe('loadConfig: OIDC', () => {
  const issuer = { OIDC_ISSUER: 'https://id.example.com/realms/csms', OIDC_AUDIENCE: 'csms-api' };

  it('is off without OIDC_ISSUER', () => {
    expect(loadConfig(standalone, {}).oidc).toBeUndefined();
  });

  it('reads the issuer, audience and defaults: RS256 and ES256, 30 s of clock tolerance, roles/sites/sub claims, no tenant claim', () => {
    expect(loadConfig(embedded, issuer).oidc).toEqual({
      issuer: 'https://id.example.com/realms/csms',
      audience: 'csms-api',
      jwksUrl: undefined,
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      jwksCooldownMs: 30_000,
      claims: { roles: 'roles', sites: 'sites', tenant: undefined, name: 'sub' },
    });
  });

  it('reads a JWKS URL, algorithms and claim paths such as Keycloak’s realm_access.roles', () => {
    const oidc = loadConfig(standalone, {
      ...issuer,
      OIDC_JWKS_URL: 'https://id.example.com/keys',
      OIDC_ALGORITHMS: 'PS256, EdDSA',
      OIDC_CLOCK_TOLERANCE_SECONDS: '0',
      OIDC_JWKS_COOLDOWN_SECONDS: '5',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_SITES_CLAIM: 'https://csms.example.com/sites',
      OIDC_TENANT_CLAIM: 'org',
      OIDC_NAME_CLAIM: 'preferred_username',
    }).oidc;
    expect(oidc).toMatchObject({ jwksUrl: 'https://id.example.com/keys', algorithms: ['PS256', 'EdDSA'], clockToleranceSeconds: 0, jwksCooldownMs: 5000 });
    expect(oidc?.claims).toEqual({ roles: 'realm_access.roles', sites: 'https://csms.example.com/sites', tenant: 'org', name: 'preferred_username' });
  });

  it.each([
    [{ OIDC_ISSUER: 'https://id.example.com' }, 'OIDC_AUDIENCE'],
    [{ OIDC_AUDIENCE: 'csms-api' }, 'OIDC_AUDIENCE'],
    [{ OIDC_JWKS_URL: 'https://id.example.com/keys' }, 'OIDC_JWKS_URL'],
    [{ ...issuer, OIDC_ISSUER: 'ftp://id.example.com' }, 'OIDC_ISSUER'],
    [{ ...issuer, OIDC_ALGORITHMS: 'RS256,HS256' }, 'OIDC_ALGORITHMS'],
    [{ ...issuer, OIDC_ALGORITHMS: 'none' }, 'OIDC_ALGORITHMS'],
    [{ ...issuer, OIDC_CLOCK_TOLERANCE_SECONDS: '301' }, 'OIDC_CLOCK_TOLERANCE_SECONDS'],
    [{ ...issuer, OIDC_ROLES_CLAIM: 'roles with spaces' }, 'OIDC_ROLES_CLAIM'],
  ])('refuses %p, naming %s', (env, variable) => {
    expect(configErrorOf(() => loadConfig(standalone, env)).variable).toBe(variable);
  });

  describe('replica index and presence liveness (ADR 042)', () => {
    const gateway = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };

    it('takes the StatefulSet ordinal of HOSTNAME when CONNECTION_REPLICA_INDEX is unset', () => {
      expect(loadConfig(gateway, { HOSTNAME: 'csms-connection-2' }).gateway).toMatchObject({ replicaIndex: 2, replicaIndexSource: 'hostname' });
      expect(loadConfig(gateway, { HOSTNAME: 'csms-connection-2', CONNECTION_REPLICA_INDEX: '1' }).gateway).toMatchObject({ replicaIndex: 1, replicaIndexSource: 'environment' });
      expect(loadConfig(gateway, { HOSTNAME: 'gateway' }).gateway).toMatchObject({ replicaIndex: 0, replicaIndexSource: 'default' });
    });

    it('leaves the embedded process at 0 whatever the host is called', () => {
      expect(loadConfig(embedded, { HOSTNAME: 'laptop-7' }).gateway).toMatchObject({ replicaIndex: 0, replicaIndexSource: 'default' });
    });

    it('refuses an ordinal without a command partition, naming the host name it came from', () => {
      const error = configErrorOf(() => loadConfig(gateway, { HOSTNAME: 'csms-connection-16' }));
      expect(error.variable).toBe('CONNECTION_REPLICA_INDEX');
      expect(error.message).toContain('must be below KAFKA_COMMAND_PARTITIONS (16)');
      expect(error.message).toContain('csms-connection-16');
      expect(configErrorOf(() => loadConfig(gateway, { CONNECTION_REPLICA_INDEX: '4', KAFKA_COMMAND_PARTITIONS: '4' })).message).toContain('must be below KAFKA_COMMAND_PARTITIONS (4)');
    });

    it('reads the heartbeat and expiry, and refuses an expiry a single late heartbeat would cross', () => {
      expect(loadConfig(gateway, {}).presence).toEqual({ heartbeatMs: 5000, expiryMs: 20_000 });
      expect(loadConfig(gateway, { PRESENCE_HEARTBEAT_SECONDS: '2', PRESENCE_EXPIRY_SECONDS: '4' }).presence).toEqual({ heartbeatMs: 2000, expiryMs: 4000 });
      expect(configErrorOf(() => loadConfig(gateway, { PRESENCE_HEARTBEAT_SECONDS: '5', PRESENCE_EXPIRY_SECONDS: '9' })).variable).toBe('PRESENCE_EXPIRY_SECONDS');
      expect(configErrorOf(() => loadConfig(gateway, { PRESENCE_HEARTBEAT_SECONDS: '0' })).variable).toBe('PRESENCE_HEARTBEAT_SECONDS');
    });
  });
});

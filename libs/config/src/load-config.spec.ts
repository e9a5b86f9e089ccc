import { ConfigError, loadConfig } from './load-config';

const standalone = { services: ['pki' as const], defaultHttpPort: 3002, embedded: false };
const embedded = { services: ['connection' as const, 'smart-charging' as const, 'pki' as const], defaultHttpPort: 3000, embedded: true };

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives a standalone service local Kafka and PostgreSQL by default', () => {
    const config = loadConfig(standalone, {});
    expect(config.http.port).toBe(3002);
    expect(config.messaging).toMatchObject({ kind: 'kafka', brokers: ['127.0.0.1:9092'], partitions: 6, commandPartitions: 16 });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/csms', poolSize: 10 });
  });

  it('runs the embedded process on the in-process bus and embedded store unless told otherwise', () => {
    expect(loadConfig(embedded, {})).toMatchObject({ messaging: { kind: 'in-process' }, database: { kind: 'embedded', dataDir: '.data' } });
    const real = loadConfig(embedded, { KAFKA_BROKERS: 'k1:9092, k2:9093', DATABASE_URL: 'postgresql://u@db:5432/csms' });
    expect(real.messaging).toMatchObject({ kind: 'kafka', brokers: ['k1:9092', 'k2:9093'] });
    expect(real.database).toMatchObject({ kind: 'postgres', url: 'postgresql://u@db:5432/csms' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(embedded, { KAFKA_BROKERS: '', HTTP_PORT: '' }).messaging.kind).toBe('in-process');
  });

  it.each([
    ['HTTP_PORT', 'abc'],
    ['HTTP_PORT', '70000'],
    ['KAFKA_BROKERS', 'not a broker'],
    ['KAFKA_PARTITIONS', '0'],
    ['DATABASE_URL', 'mysql://db/csms'],
    ['LOG_LEVEL', 'loud'],
    ['KAFKA_TOPIC_PREFIX', 'has space'],
  ])('names %s when its value %p is invalid', (variable, value) => {
    const error = errorOf(() => loadConfig(standalone, { [variable]: value }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^invalid configuration: ${variable} `));
  });

  it('never echoes a secret it rejects', () => {
    const error = errorOf(() => loadConfig(standalone, { INTERNAL_API_TOKEN: 'short-secret' }));
    expect(error.variable).toBe('INTERNAL_API_TOKEN');
    expect(error.message).not.toContain('short-secret');
  });
});

describe('loadConfig: OCPP gateway', () => {
  it('accepts unknown stations only in the embedded process by default', () => {
    expect(loadConfig(embedded, {}).gateway.unknownStations).toBe('accept');
    expect(loadConfig(standalone, {}).gateway.unknownStations).toBe('reject');
    expect(loadConfig(embedded, { OCPP_UNKNOWN_STATIONS: 'reject' }).gateway.unknownStations).toBe('reject');
  });

  it('serves wss:// only with a certificate, and mutual TLS only with an organisation to check', () => {
    expect(loadConfig(standalone, {}).gateway.tls).toBeUndefined();
    const tls = loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'rsa.pem,ec.pem', OCPP_TLS_KEY_FILES: 'rsa.key,ec.key' }).gateway.tls;
    expect(tls).toMatchObject({ port: 9443, certFiles: ['rsa.pem', 'ec.pem'], keyFiles: ['rsa.key', 'ec.key'] });
    expect(errorOf(() => loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'a.pem,b.pem', OCPP_TLS_KEY_FILES: 'a.key' })).variable).toBe('OCPP_TLS_KEY_FILES');
    expect(
      errorOf(() => loadConfig(standalone, { OCPP_TLS_CERT_FILES: 'a.pem', OCPP_TLS_KEY_FILES: 'a.key', OCPP_TLS_CA_FILE: 'ca.pem' })).variable,
    ).toBe('OCPP_CERT_ORGANIZATION');
  });
});

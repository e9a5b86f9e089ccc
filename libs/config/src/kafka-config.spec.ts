import { ConfigError, loadConfig } from './load-config';
import type { KafkaMessagingConfig } from './runtime-config';

const standalone = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };

function kafkaOf(env: Record<string, string>): KafkaMessagingConfig {
  const { messaging } = loadConfig(standalone, env);
  if (messaging.kind !== 'kafka') throw new Error('expected the Kafka bus');
  return messaging;
}

/** The one line a bad setting stops the process with. */
function failureOf(env: Record<string, string>): string {
  try {
    loadConfig(standalone, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const scram = { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'csms', KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka-password' };
const oauth = {
  KAFKA_SSL: 'true',
  KAFKA_SASL_MECHANISM: 'OAUTHBEARER',
  KAFKA_SASL_OAUTH_TOKEN_URL: 'https://idp.example.com/oauth2/token',
  KAFKA_SASL_OAUTH_CLIENT_ID: 'csms-connection',
  KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE: '/run/secrets/kafka-client-secret',
};

describe('loadConfig: Kafka security (ADR 043)', () => {
  it('is plaintext and unauthenticated unless told otherwise', () => {
    expect(kafkaOf({}).security).toBeUndefined();
  });

  it('reads TLS with a CA bundle, a client certificate with its encrypted key, and a server name', () => {
    const security = kafkaOf({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SSL_CERT_FILE: '/etc/kafka/client.pem',
      KAFKA_SSL_KEY_FILE: '/etc/kafka/client.key',
      KAFKA_SSL_KEY_PASSWORD_FILE: '/run/secrets/key-password',
      KAFKA_SSL_SERVERNAME: 'kafka.internal',
    }).security;
    expect(security).toEqual({
      tls: { caFile: '/etc/kafka/ca.pem', certFile: '/etc/kafka/client.pem', keyFile: '/etc/kafka/client.key', keyPasswordFile: '/run/secrets/key-password', servername: 'kafka.internal' },
    });
  });

  it('takes TLS alone, trusting the public CAs, for a managed cluster', () => {
    expect(kafkaOf({ KAFKA_SSL: 'true' }).security).toEqual({ tls: {} });
  });

  it('reads SCRAM-SHA-512 and SCRAM-SHA-256 with the password from a file, in any case', () => {
    expect(kafkaOf({ ...scram, KAFKA_SSL: 'true' }).security?.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'csms', passwordFile: '/run/secrets/kafka-password' });
    expect(kafkaOf({ ...scram, KAFKA_SASL_MECHANISM: 'scram-sha-256' }).security).toEqual({
      sasl: { mechanism: 'scram-sha-256', username: 'csms', passwordFile: '/run/secrets/kafka-password' },
    });
  });

  it('reads OAUTHBEARER with a client-credentials grant and an optional scope', () => {
    expect(kafkaOf({ ...oauth, KAFKA_SASL_OAUTH_SCOPE: 'kafka:produce kafka:consume' }).security?.sasl).toEqual({
      mechanism: 'oauthbearer',
      tokenUrl: 'https://idp.example.com/oauth2/token',
      clientId: 'csms-connection',
      clientSecretFile: '/run/secrets/kafka-client-secret',
      scope: 'kafka:produce kafka:consume',
    });
    expect(kafkaOf({ ...oauth, KAFKA_SASL_OAUTH_TOKEN_URL: 'http://127.0.0.1:8080/token' }).security?.sasl).toMatchObject({ tokenUrl: 'http://127.0.0.1:8080/token' });
  });

  it.each([
    [{ KAFKA_SSL: 'yes' }, 'invalid configuration: KAFKA_SSL must be true or false'],
    [{ KAFKA_SSL_CA_FILE: '/ca.pem' }, 'invalid configuration: KAFKA_SSL_CA_FILE needs KAFKA_SSL=true'],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/c.pem' }, 'invalid configuration: KAFKA_SSL_KEY_FILE is required with KAFKA_SSL_CERT_FILE: a client certificate needs its private key'],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_KEY_FILE: '/c.key' }, 'invalid configuration: KAFKA_SSL_CERT_FILE is required with KAFKA_SSL_KEY_FILE: a private key needs its client certificate'],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_KEY_PASSWORD_FILE: '/p' }, 'invalid configuration: KAFKA_SSL_KEY_PASSWORD_FILE needs KAFKA_SSL_KEY_FILE: it decrypts that key'],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_SERVERNAME: 'not a name' }, 'invalid configuration: KAFKA_SSL_SERVERNAME must be a host name'],
    [{ KAFKA_SASL_MECHANISM: 'gssapi' }, 'invalid configuration: KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, plain, oauthbearer'],
    [{ KAFKA_SASL_USERNAME: 'csms' }, 'invalid configuration: KAFKA_SASL_USERNAME needs KAFKA_SASL_MECHANISM'],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD_FILE: '/p' }, 'invalid configuration: KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=scram-sha-512'],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'csms' }, 'invalid configuration: KAFKA_SASL_PASSWORD_FILE is required with KAFKA_SASL_MECHANISM=scram-sha-256'],
    [{ ...scram, KAFKA_SASL_MECHANISM: 'PLAIN' }, 'invalid configuration: KAFKA_SASL_MECHANISM plain sends the password in clear: it needs KAFKA_SSL=true'],
    [{ ...scram, KAFKA_SASL_OAUTH_CLIENT_ID: 'x' }, 'invalid configuration: KAFKA_SASL_OAUTH_CLIENT_ID is for KAFKA_SASL_MECHANISM=oauthbearer, not scram-sha-512'],
    [{ ...oauth, KAFKA_SSL: 'false' }, 'invalid configuration: KAFKA_SASL_MECHANISM oauthbearer sends a bearer token in clear: it needs KAFKA_SSL=true'],
    [{ ...oauth, KAFKA_SASL_USERNAME: 'csms' }, 'invalid configuration: KAFKA_SASL_USERNAME is for a password mechanism, not KAFKA_SASL_MECHANISM=oauthbearer'],
    [{ ...oauth, KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE: '' }, 'invalid configuration: KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE is required with KAFKA_SASL_MECHANISM=oauthbearer'],
    [
      { ...oauth, KAFKA_SASL_OAUTH_TOKEN_URL: 'http://idp.example.com/token' },
      'invalid configuration: KAFKA_SASL_OAUTH_TOKEN_URL must be an https:// URL (http:// only on a loopback host): the client secret is sent to it',
    ],
    [{ ...oauth, KAFKA_SASL_OAUTH_SCOPE: 'a  b' }, 'invalid configuration: KAFKA_SASL_OAUTH_SCOPE must be space-separated OAuth scope tokens'],
  ])('refuses %p with one precise line', (env, message) => {
    expect(failureOf(env)).toBe(message);
  });
});

describe('loadConfig: Kafka topic provisioning (ADR 043)', () => {
  it('creates topics by default, and only checks them with KAFKA_CREATE_TOPICS=false', () => {
    expect(kafkaOf({}).createTopics).toBe(true);
    expect(kafkaOf({ KAFKA_CREATE_TOPICS: 'false' }).createTopics).toBe(false);
    expect(failureOf({ KAFKA_CREATE_TOPICS: 'no' })).toBe('invalid configuration: KAFKA_CREATE_TOPICS must be true or false');
  });

  it('asks two in-sync replicas of three by default, one of one, and what KAFKA_MIN_INSYNC_REPLICAS says', () => {
    expect(kafkaOf({}).minInsyncReplicas).toBe(1);
    expect(kafkaOf({ KAFKA_REPLICATION_FACTOR: '3' }).minInsyncReplicas).toBe(2);
    expect(kafkaOf({ KAFKA_REPLICATION_FACTOR: '5', KAFKA_MIN_INSYNC_REPLICAS: '3' }).minInsyncReplicas).toBe(3);
  });

  it('refuses more in-sync replicas than replicas: no write could be acknowledged', () => {
    expect(failureOf({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '4' })).toBe(
      'invalid configuration: KAFKA_MIN_INSYNC_REPLICAS must not exceed KAFKA_REPLICATION_FACTOR (3): no write could ever be acknowledged',
    );
    expect(failureOf({ KAFKA_MIN_INSYNC_REPLICAS: '0' })).toBe('invalid configuration: KAFKA_MIN_INSYNC_REPLICAS must be a whole number between 1 and 10');
  });
});

import { ConfigError } from './config.error';
import type { Env } from './env-schema';
import type { KafkaMessagingConfig, KafkaSaslConfig, KafkaSecurityConfig } from './runtime-config';

type KafkaVariable = keyof Env & `KAFKA_${string}`;

const TLS_FILES = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE', 'KAFKA_SSL_KEY_PASSWORD_FILE', 'KAFKA_SSL_SERVERNAME'] as const;
const PASSWORD_SASL = ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD_FILE'] as const;
const OAUTH_SASL = ['KAFKA_SASL_OAUTH_TOKEN_URL', 'KAFKA_SASL_OAUTH_CLIENT_ID', 'KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE', 'KAFKA_SASL_OAUTH_SCOPE'] as const;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Topic provisioning: the switch, and min.insync.replicas, which no topic may set above its replication factor. */
export function kafkaTopicSettings(env: Env): Pick<KafkaMessagingConfig, 'createTopics' | 'minInsyncReplicas'> {
  const minInsyncReplicas = env.KAFKA_MIN_INSYNC_REPLICAS ?? Math.min(2, env.KAFKA_REPLICATION_FACTOR);
  if (minInsyncReplicas > env.KAFKA_REPLICATION_FACTOR) {
    throw new ConfigError('KAFKA_MIN_INSYNC_REPLICAS', `must not exceed KAFKA_REPLICATION_FACTOR (${env.KAFKA_REPLICATION_FACTOR}): no write could ever be acknowledged`);
  }
  return { createTopics: env.KAFKA_CREATE_TOPICS, minInsyncReplicas };
}

/** TLS and SASL of the Kafka client; a half or contradictory setting fails here, naming the variable. */
export function kafkaSecurityConfig(env: Env): KafkaSecurityConfig | undefined {
  const tls = tlsConfig(env);
  const sasl = saslConfig(env);
  if (tls === undefined && sasl === undefined) return undefined;
  return { ...(tls && { tls }), ...(sasl && { sasl }) };
}

function tlsConfig(env: Env): KafkaSecurityConfig['tls'] {
  if (!env.KAFKA_SSL) {
    const stray = firstSet(env, TLS_FILES);
    if (stray !== undefined) throw new ConfigError(stray, 'needs KAFKA_SSL=true');
    return undefined;
  }
  if (env.KAFKA_SSL_CERT_FILE !== undefined && env.KAFKA_SSL_KEY_FILE === undefined) {
    throw new ConfigError('KAFKA_SSL_KEY_FILE', 'is required with KAFKA_SSL_CERT_FILE: a client certificate needs its private key');
  }
  if (env.KAFKA_SSL_KEY_FILE !== undefined && env.KAFKA_SSL_CERT_FILE === undefined) {
    throw new ConfigError('KAFKA_SSL_CERT_FILE', 'is required with KAFKA_SSL_KEY_FILE: a private key needs its client certificate');
  }
  if (env.KAFKA_SSL_KEY_PASSWORD_FILE !== undefined && env.KAFKA_SSL_KEY_FILE === undefined) {
    throw new ConfigError('KAFKA_SSL_KEY_PASSWORD_FILE', 'needs KAFKA_SSL_KEY_FILE: it decrypts that key');
  }
  return {
    caFile: env.KAFKA_SSL_CA_FILE,
    certFile: env.KAFKA_SSL_CERT_FILE,
    keyFile: env.KAFKA_SSL_KEY_FILE,
    keyPasswordFile: env.KAFKA_SSL_KEY_PASSWORD_FILE,
    servername: env.KAFKA_SSL_SERVERNAME,
  };
}

function saslConfig(env: Env): KafkaSaslConfig | undefined {
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (mechanism === undefined) {
    const stray = firstSet(env, [...PASSWORD_SASL, ...OAUTH_SASL]);
    if (stray !== undefined) throw new ConfigError(stray, 'needs KAFKA_SASL_MECHANISM');
    return undefined;
  }
  if (mechanism === 'oauthbearer') return oauthConfig(env);
  const stray = firstSet(env, OAUTH_SASL);
  if (stray !== undefined) throw new ConfigError(stray, `is for KAFKA_SASL_MECHANISM=oauthbearer, not ${mechanism}`);
  if (mechanism === 'plain' && !env.KAFKA_SSL) {
    throw new ConfigError('KAFKA_SASL_MECHANISM', 'plain sends the password in clear: it needs KAFKA_SSL=true');
  }
  const username = required(env, 'KAFKA_SASL_USERNAME', mechanism);
  const passwordFile = required(env, 'KAFKA_SASL_PASSWORD_FILE', mechanism);
  return { mechanism, username, passwordFile };
}

function oauthConfig(env: Env): KafkaSaslConfig {
  const stray = firstSet(env, PASSWORD_SASL);
  if (stray !== undefined) throw new ConfigError(stray, 'is for a password mechanism, not KAFKA_SASL_MECHANISM=oauthbearer');
  if (!env.KAFKA_SSL) throw new ConfigError('KAFKA_SASL_MECHANISM', 'oauthbearer sends a bearer token in clear: it needs KAFKA_SSL=true');
  const tokenUrl = required(env, 'KAFKA_SASL_OAUTH_TOKEN_URL', 'oauthbearer');
  const url = new URL(tokenUrl);
  if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError('KAFKA_SASL_OAUTH_TOKEN_URL', 'must be an https:// URL (http:// only on a loopback host): the client secret is sent to it');
  }
  return {
    mechanism: 'oauthbearer',
    tokenUrl,
    clientId: required(env, 'KAFKA_SASL_OAUTH_CLIENT_ID', 'oauthbearer'),
    clientSecretFile: required(env, 'KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE', 'oauthbearer'),
    scope: env.KAFKA_SASL_OAUTH_SCOPE,
  };
}

function required(env: Env, variable: 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD_FILE' | (typeof OAUTH_SASL)[number], mechanism: string): string {
  const value = env[variable];
  if (value === undefined) throw new ConfigError(variable, `is required with KAFKA_SASL_MECHANISM=${mechanism}`);
  return value;
}

function firstSet(env: Env, variables: readonly KafkaVariable[]): KafkaVariable | undefined {
  return variables.find((variable) => env[variable] !== undefined);
}

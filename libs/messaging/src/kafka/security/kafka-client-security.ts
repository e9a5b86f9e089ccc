import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ConfigError, type KafkaSaslConfig, type KafkaSecurityConfig } from '@app/config';
import type { SASLOptions } from 'kafkajs';
import { OAuthBearerProvider } from './oauth-bearer.provider';

/** What kafkajs's `new Kafka({...})` takes for TLS and SASL. */
export interface KafkaClientSecurity {
  ssl?: ConnectionOptions;
  sasl?: SASLOptions;
}

/**
 * Reads the files the security settings name, once, at start-up (the OAuth client secret at
 * every token fetch instead). A file that cannot be read stops the start with the variable named.
 */
export function kafkaClientSecurity(config: KafkaSecurityConfig | undefined): KafkaClientSecurity {
  if (config === undefined) return {};
  return { ...(config.tls && { ssl: tlsOptions(config.tls) }), ...(config.sasl && { sasl: saslOptions(config.sasl) }) };
}

function tlsOptions(tls: NonNullable<KafkaSecurityConfig['tls']>): ConnectionOptions {
  return {
    // Never switched off: a broker whose certificate does not verify is not our broker.
    rejectUnauthorized: true,
    ...(tls.caFile && { ca: [readPem(tls.caFile, 'KAFKA_SSL_CA_FILE')] }),
    ...(tls.certFile && { cert: readPem(tls.certFile, 'KAFKA_SSL_CERT_FILE') }),
    ...(tls.keyFile && { key: readPem(tls.keyFile, 'KAFKA_SSL_KEY_FILE') }),
    ...(tls.keyPasswordFile && { passphrase: readSecret(tls.keyPasswordFile, 'KAFKA_SSL_KEY_PASSWORD_FILE') }),
    ...(tls.servername && { servername: tls.servername }),
  };
}

function saslOptions(sasl: KafkaSaslConfig): SASLOptions {
  if (sasl.mechanism === 'oauthbearer') {
    // Read once now as well, so that a missing secret file fails the start and not the first connection.
    readSecret(sasl.clientSecretFile, 'KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE');
    const provider = new OAuthBearerProvider({
      tokenUrl: sasl.tokenUrl,
      clientId: sasl.clientId,
      scope: sasl.scope,
      readClientSecret: () => readSecret(sasl.clientSecretFile, 'KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE'),
    });
    return { mechanism: 'oauthbearer', oauthBearerProvider: provider.provide };
  }
  const password = readSecret(sasl.passwordFile, 'KAFKA_SASL_PASSWORD_FILE');
  return { mechanism: sasl.mechanism, username: sasl.username, password };
}

function readPem(file: string, variable: string): string {
  const text = readText(file, variable);
  if (!text.includes('-----BEGIN ')) throw new ConfigError(variable, `names ${file}, which holds no PEM block`);
  return text;
}

/** A secret file's content without the line break editors and `echo` leave at its end. */
function readSecret(file: string, variable: string): string {
  const secret = readText(file, variable).replace(/\r?\n$/, '');
  if (secret.length === 0) throw new ConfigError(variable, `names ${file}, which is empty`);
  return secret;
}

function readText(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(variable, `names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}): ${file}`);
  }
}

import type { KafkaMessagingConfig } from '@app/config';

export interface KafkaStartupFailure {
  failure: string;
  remedy: string;
}

// Node's TLS verification codes: the broker's certificate is not one this client trusts for that address.
const CERTIFICATE_PROBLEM = /certificate|self[- ]signed|ERR_TLS_CERT|UNABLE_TO_(GET|VERIFY)|CERT_(HAS_EXPIRED|NOT_YET_VALID|UNTRUSTED)|altname/i;
const TLS_PROBLEM = /\bSSL\b|\bTLS\b|wrong version number|handshake|EPROTO/i;

/**
 * The Kafka failures a secured cluster adds (ADR 043): refused credentials, no OAuth token, a
 * certificate that does not verify. kafkajs wraps the first cause; the chain is searched.
 * Undefined for anything else (unreachable brokers are the caller's general case).
 */
export function kafkaSecurityFailure(error: unknown, config: KafkaMessagingConfig): KafkaStartupFailure | undefined {
  const chain = causeChain(error);
  // Only what came out of the Kafka client: a database's TLS error is not Kafka's.
  if (!chain.some((link) => link.name.startsWith('KafkaJS') || link.name === 'OAuthTokenError')) return undefined;
  const at = config.brokers.join(',');
  const sasl = config.security?.sasl;
  const authentication = chain.find((link) => link.name === 'KafkaJSSASLAuthenticationError');
  if (authentication !== undefined) {
    return {
      failure: `Kafka at ${at} refused the client's SASL authentication (${authentication.message})`,
      remedy:
        sasl?.mechanism === 'oauthbearer'
          ? 'check that the brokers accept tokens of KAFKA_SASL_OAUTH_TOKEN_URL for KAFKA_SASL_OAUTH_CLIENT_ID (audience, scope KAFKA_SASL_OAUTH_SCOPE)'
          : 'check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and the password in KAFKA_SASL_PASSWORD_FILE',
    };
  }
  const token = chain.find((link) => link.name === 'OAuthTokenError');
  if (token !== undefined) {
    return { failure: `no OAuth token for Kafka: ${token.message}`, remedy: 'check KAFKA_SASL_OAUTH_TOKEN_URL, KAFKA_SASL_OAUTH_CLIENT_ID and KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE' };
  }
  // A TLS alert is the broker's verdict on our side of the handshake: its mutual TLS wants a client certificate it trusts.
  const refusedCertificate = chain.find((link) => /alert (bad certificate|certificate unknown|certificate required|unknown ca|handshake failure)/i.test(link.message));
  if (refusedCertificate !== undefined) {
    return {
      failure: `Kafka at ${at} refused the TLS handshake (${refusedCertificate.message.trim()})`,
      remedy: 'the brokers require mutual TLS: set KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE to a client certificate issued by a CA they trust',
    };
  }
  const certificate = chain.find((link) => CERTIFICATE_PROBLEM.test(`${link.message} ${link.code ?? ''}`));
  if (certificate !== undefined) {
    return {
      failure: `the TLS certificate of Kafka at ${at} did not verify (${certificate.message})`,
      remedy: config.security?.tls
        ? 'set KAFKA_SSL_CA_FILE to the CA bundle the brokers’ certificates chain to, and KAFKA_SSL_SERVERNAME if they are issued for another name'
        : 'the brokers speak TLS: set KAFKA_SSL=true and KAFKA_SSL_CA_FILE',
    };
  }
  const tls = chain.find((link) => TLS_PROBLEM.test(link.message));
  if (tls !== undefined) {
    return {
      failure: `no TLS session with Kafka at ${at} (${tls.message})`,
      remedy: config.security?.tls ? 'check that KAFKA_BROKERS names the brokers’ TLS listener' : 'the brokers may speak TLS only: set KAFKA_SSL=true',
    };
  }
  return undefined;
}

interface Link {
  name: string;
  message: string;
  code?: string;
}

function causeChain(error: unknown): Link[] {
  const chain: Link[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && chain.length < 10) {
    const fields = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; originalError?: unknown };
    chain.push({ name: String(fields.name ?? ''), message: String(fields.message ?? ''), code: typeof fields.code === 'string' ? fields.code : undefined });
    const next = fields.cause ?? fields.originalError;
    if (next === current) break;
    current = next;
  }
  return chain;
}

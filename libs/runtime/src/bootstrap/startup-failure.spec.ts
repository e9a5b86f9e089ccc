import { ConfigError, StartupError, loadConfig } from '@app/config';
import { startupFailureOf } from './startup-failure';

const distributed = loadConfig(
  { services: ['connection'], defaultHttpPort: 3000, embedded: false },
  { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://csms:secret@db.example:5432/csms', HTTP_PORT: '3000', OCPP_WS_PORT: '9000' },
);

describe('startupFailureOf', () => {
  it('passes a StartupError through as it is', () => {
    expect(startupFailureOf(new StartupError('the store did not start', 'remove it'), distributed)).toEqual({ failure: 'the store did not start', remedy: 'remove it' });
  });

  it('names the port in use and the variable that moves it', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:9000'), { code: 'EADDRINUSE', port: 9000 });
    expect(startupFailureOf(inUse, distributed)).toEqual({ failure: 'port 9000 is already in use', remedy: expect.stringContaining('OCPP_WS_PORT') });
  });

  it('says PostgreSQL cannot be reached, without the password of DATABASE_URL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });
    const { failure, remedy } = startupFailureOf(refused, distributed);
    expect(failure).toContain('cannot use PostgreSQL at postgres://csms:***@db.example:5432/csms');
    expect(failure).not.toContain('secret');
    expect(remedy).toContain('DATABASE_URL');
  });

  it('tells to create a missing database', () => {
    const missing = Object.assign(new Error('database "csms" does not exist'), { code: '3D000', severity: 'FATAL' });
    expect(startupFailureOf(missing, distributed).remedy).toContain('createdb');
  });

  it('points at the broker for a Kafka error', () => {
    const kafka = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSNumberOfRetriesExceeded' });
    expect(startupFailureOf(kafka, distributed)).toEqual({ failure: expect.stringContaining('cannot use Kafka at 127.0.0.1:9092'), remedy: expect.stringContaining('KAFKA_BROKERS') });
  });

  it('still gives one sentence for the unforeseen', () => {
    expect(startupFailureOf(new Error('boom'), distributed)).toEqual({ failure: 'boom', remedy: expect.stringContaining('report') });
  });
});

describe('startupFailureOf: a secured Kafka (ADR 043)', () => {
  const secured = loadConfig(
    { services: ['connection'], defaultHttpPort: 3000, embedded: false },
    { KAFKA_BROKERS: 'kafka:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'csms', KAFKA_SASL_PASSWORD_FILE: '/run/secrets/pw' },
  );
  const kafkaError = (name: string, message: string, cause?: unknown) => Object.assign(new Error(message, { cause }), { name });

  it('says the credentials were refused and which variables hold them', () => {
    const refused = kafkaError('KafkaJSSASLAuthenticationError', 'SASL SCRAM SHA512 authentication failed: invalid credentials with SASL mechanism SCRAM-SHA-512');
    expect(startupFailureOf(refused, secured)).toEqual({
      failure: "Kafka at kafka:9093 refused the client's SASL authentication (SASL SCRAM SHA512 authentication failed: invalid credentials with SASL mechanism SCRAM-SHA-512)",
      remedy: 'check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and the password in KAFKA_SASL_PASSWORD_FILE',
    });
  });

  it('finds a certificate that did not verify behind kafkajs’s retry error', () => {
    const tls = kafkaError('KafkaJSNumberOfRetriesExceeded', 'Connection error: self-signed certificate in certificate chain', kafkaError('KafkaJSConnectionError', 'Connection error: self-signed certificate in certificate chain'));
    expect(startupFailureOf(tls, secured)).toEqual({ failure: expect.stringContaining('the TLS certificate of Kafka at kafka:9093 did not verify'), remedy: expect.stringContaining('KAFKA_SSL_CA_FILE') });
  });

  it('tells the brokers want a client certificate when they refuse the handshake', () => {
    const alert = kafkaError('KafkaJSNumberOfRetriesExceeded', 'Connection error: 80EC:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:rec_layer_s3.c:1601:SSL alert number 42');
    expect(startupFailureOf(alert, secured)).toEqual({
      failure: expect.stringContaining('Kafka at kafka:9093 refused the TLS handshake'),
      remedy: expect.stringContaining('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE'),
    });
  });

  it('names the token endpoint that gave no OAuth token', () => {
    const token = kafkaError('KafkaJSNonRetriableError', 'the token endpoint https://idp/token refused client c: HTTP 401 (invalid_client)', kafkaError('OAuthTokenError', 'the token endpoint https://idp/token refused client c: HTTP 401 (invalid_client)'));
    expect(startupFailureOf(token, secured)).toEqual({ failure: expect.stringContaining('no OAuth token for Kafka'), remedy: expect.stringContaining('KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE') });
  });

  it('passes on a setting found wrong only when used, and never takes a database TLS error for Kafka’s', () => {
    expect(startupFailureOf(new ConfigError('KAFKA_SSL_CA_FILE', 'names a file that cannot be read (ENOENT): /ca.pem'), secured)).toEqual({
      failure: 'invalid configuration: KAFKA_SSL_CA_FILE names a file that cannot be read (ENOENT): /ca.pem',
      remedy: 'fix KAFKA_SSL_CA_FILE',
    });
    expect(startupFailureOf(new Error('The server does not support SSL connections'), secured).failure).toMatch(/^cannot use PostgreSQL at /);
  });
});

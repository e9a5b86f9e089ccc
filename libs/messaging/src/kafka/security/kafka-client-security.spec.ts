import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '@app/config';
import { kafkaClientSecurity } from './kafka-client-security';

describe('kafkaClientSecurity', () => {
  let dir: string;
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kafka-security-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is plaintext without settings', () => {
    expect(kafkaClientSecurity(undefined)).toEqual({});
  });

  it('reads the CA bundle, client certificate, key and key password, and always verifies the broker', () => {
    const security = kafkaClientSecurity({
      tls: { caFile: file('ca.pem', pem), certFile: file('c.pem', pem), keyFile: file('c.key', '-----BEGIN ENCRYPTED PRIVATE KEY-----\n'), keyPasswordFile: file('p', 'pass\n'), servername: 'kafka.internal' },
    });
    expect(security.ssl).toEqual({ rejectUnauthorized: true, ca: [pem], cert: pem, key: '-----BEGIN ENCRYPTED PRIVATE KEY-----\n', passphrase: 'pass', servername: 'kafka.internal' });
    expect(kafkaClientSecurity({ tls: {} }).ssl).toEqual({ rejectUnauthorized: true });
  });

  it('reads a SCRAM password from its file without the trailing line break', () => {
    const security = kafkaClientSecurity({ sasl: { mechanism: 'scram-sha-512', username: 'csms', passwordFile: file('pw', 'p@ss word\r\n') } });
    expect(security.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'csms', password: 'p@ss word' });
  });

  it('hands kafkajs a token provider for OAUTHBEARER, checking the secret file at once', () => {
    const sasl = { mechanism: 'oauthbearer' as const, tokenUrl: 'https://idp.example/token', clientId: 'c', clientSecretFile: file('secret', 'x') };
    expect(kafkaClientSecurity({ sasl }).sasl).toEqual({ mechanism: 'oauthbearer', oauthBearerProvider: expect.any(Function) });
    expect(() => kafkaClientSecurity({ sasl: { ...sasl, clientSecretFile: path.join(dir, 'absent') } })).toThrow(
      `invalid configuration: KAFKA_SASL_OAUTH_CLIENT_SECRET_FILE names a file that cannot be read (ENOENT): ${path.join(dir, 'absent')}`,
    );
  });

  it.each([
    ['a missing CA file', () => ({ tls: { caFile: path.join(dir, 'nope.pem') } }), 'KAFKA_SSL_CA_FILE', 'names a file that cannot be read (ENOENT)'],
    ['a CA file without PEM', () => ({ tls: { caFile: file('ca.der', 'binary') } }), 'KAFKA_SSL_CA_FILE', 'which holds no PEM block'],
    ['an empty password file', () => ({ sasl: { mechanism: 'scram-sha-256' as const, username: 'u', passwordFile: file('pw', '\n') } }), 'KAFKA_SASL_PASSWORD_FILE', 'which is empty'],
  ])('stops the start on %s, naming the variable', (_case, config, variable, reason) => {
    let caught: unknown;
    try {
      kafkaClientSecurity(config());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(reason);
  });
});

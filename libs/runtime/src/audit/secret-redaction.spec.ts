import { AUDIT_REDACTED, redactAuditSecrets } from './secret-redaction';

describe('redactAuditSecrets', () => {
  it('blanks passwords, tokens, secrets and private keys wherever they stand, keeping the rest', () => {
    const body = {
      name: 'north',
      password: 'hunter2-hunter2',
      nested: { outboundToken: 'tok-123', apiKey: 'k', clientSecret: 's', credentials: { user: 'u', pass: 'p' } },
      list: [{ privateKeyPem: 'x' }, { encryptedKeyPem: 'y' }, { authorizationKey: '0123456789abcdef' }],
    };
    expect(redactAuditSecrets(body)).toEqual({
      name: 'north',
      password: AUDIT_REDACTED,
      nested: { outboundToken: AUDIT_REDACTED, apiKey: AUDIT_REDACTED, clientSecret: AUDIT_REDACTED, credentials: AUDIT_REDACTED },
      list: [{ privateKeyPem: AUDIT_REDACTED }, { encryptedKeyPem: AUDIT_REDACTED }, { authorizationKey: AUDIT_REDACTED }],
    });
  });

  it('blanks a PEM private key under any field name, but keeps certificates', () => {
    const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----';
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(redactAuditSecrets({ material: key, certificatePem: certificate })).toEqual({ material: AUDIT_REDACTED, certificatePem: certificate });
  });

  it('blanks the value of a 1.6 BasicAuthPassword / AuthorizationKey setting but not its name', () => {
    expect(redactAuditSecrets({ key: 'AuthorizationKey', value: 'DEADBEEFDEADBEEF' })).toEqual({ key: 'AuthorizationKey', value: AUDIT_REDACTED });
    expect(redactAuditSecrets({ key: 'HeartbeatInterval', value: '300' })).toEqual({ key: 'HeartbeatInterval', value: '300' });
  });

  it('blanks the attributeValue of a 2.0.1 BasicAuthPassword variable', () => {
    const setVariable = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'pw-0123456789abcdef' };
    expect(redactAuditSecrets({ setVariableData: [setVariable] })).toEqual({ setVariableData: [{ ...setVariable, attributeValue: AUDIT_REDACTED }] });
  });

  it('keeps badges (idToken) and flags about secrets (hasPassword), blanks the password in a URL', () => {
    expect(redactAuditSecrets({ idToken: 'RFID-1', groupIdToken: 'G', hasPassword: true, location: 'ftp://user:pw@host/x' })).toEqual({
      idToken: 'RFID-1',
      groupIdToken: 'G',
      hasPassword: true,
      location: `ftp://user:${AUDIT_REDACTED}@host/x`,
    });
  });

  it('blanks a VPN key, which is no setting name', () => {
    expect(redactAuditSecrets({ vpn: { server: 'vpn', user: 'u', key: 'psk-secret', type: 'IPSec' } })).toEqual({ vpn: { server: 'vpn', user: 'u', key: AUDIT_REDACTED, type: 'IPSec' } });
  });

  it('redacts what lies too deep to check', () => {
    expect(redactAuditSecrets({ a: { b: { c: 'x' } } }, 2)).toEqual({ a: { b: AUDIT_REDACTED } });
  });
});

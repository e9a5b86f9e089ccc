import { REDACTED, redactSecrets } from './secret-redaction';

describe('redactSecrets', () => {
  it('blanks the value of a 1.6 ChangeConfiguration of a secret setting, not its name', () => {
    expect(redactSecrets({ key: 'AuthorizationKey', value: '0011223344556677' })).toEqual({ key: 'AuthorizationKey', value: REDACTED });
    expect(redactSecrets({ key: 'HeartbeatInterval', value: '300' })).toEqual({ key: 'HeartbeatInterval', value: '300' });
  });

  it('blanks 2.0.1 SetVariables and GetVariables values of secret variables', () => {
    const setVariables = {
      setVariableData: [
        { attributeValue: 'new-basic-auth-password', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
        { attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
      ],
    };
    expect(redactSecrets(setVariables).setVariableData.map((data) => data.attributeValue)).toEqual([REDACTED, '60']);
  });

  it('blanks secrets in neutral settings and in a 1.6 GetConfiguration answer', () => {
    expect(redactSecrets({ settings: [{ key: 'SecurityCtrlr/BasicAuthPassword', value: 'x' }] })).toEqual({ settings: [{ key: 'SecurityCtrlr/BasicAuthPassword', value: REDACTED }] });
    expect(redactSecrets({ configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: 'k' }], unknownKey: ['AuthorizationKey'] })).toEqual({
      configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: REDACTED }],
      unknownKey: ['AuthorizationKey'],
    });
  });

  it('blanks password-like fields of a raw SetNetworkProfile and the password of an upload URL', () => {
    const profile = { configurationSlot: 1, connectionData: { vpn: { server: 'vpn', user: 'u', password: 'p', key: 'k', type: 'IPSec' }, apn: { apn: 'a', apnPassword: 'p', simPin: 1234 } } };
    expect(redactSecrets(profile).connectionData).toEqual({ vpn: { server: 'vpn', user: 'u', password: REDACTED, key: REDACTED, type: 'IPSec' }, apn: { apn: 'a', apnPassword: REDACTED, simPin: REDACTED } });
    expect(redactSecrets({ location: 'ftp://user:s3cret@logs.example.com/upload' })).toEqual({ location: `ftp://user:${REDACTED}@logs.example.com/upload` });
    expect(redactSecrets({ location: 'https://logs.example.com/a@b' })).toEqual({ location: 'https://logs.example.com/a@b' });
  });
});

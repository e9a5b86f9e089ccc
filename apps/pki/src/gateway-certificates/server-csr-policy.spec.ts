import { OpensslCli } from '../testing/openssl-cli';
import { CsrRefusalCode } from '../signing/csr-refusal';
import { checkServerNames, decideServerCsr, serverNameOf } from './server-csr-policy';

const allowed = ['csms.example.com', 'ocpp.example.com', '10.0.0.7'];

describe('gateway server names', () => {
  it('reads DNS names case-insensitively and IPv4 addresses; refuses IPv6, wildcards and junk', () => {
    expect(serverNameOf('CSMS.Example.com')).toEqual({ type: 'dns', value: 'csms.example.com' });
    expect(serverNameOf('10.0.0.7')).toEqual({ type: 'ip', value: '10.0.0.7' });
    for (const name of ['::1', '*.example.com', 'a..b', '-bad.example', 'with space', 'x'.repeat(64)]) expect(serverNameOf(name)).toBeUndefined();
  });

  it('accepts names on the allow-list, in the order asked', () => {
    expect(checkServerNames(['OCPP.example.com', '10.0.0.7'], allowed)).toEqual([
      { type: 'dns', value: 'ocpp.example.com' },
      { type: 'ip', value: '10.0.0.7' },
    ]);
  });

  it.each([
    [[], 'at least one'],
    [['evil.example.com'], 'is not in the gateway names'],
    [['csms.example.com', 'evil.example.com'], '"evil.example.com" is not in'],
    [['10.0.0.8'], 'is not in the gateway names'],
    [['*.example.com'], 'neither a DNS name nor an IPv4'],
    [['csms.example.com', 'CSMS.example.com'], 'requested twice'],
  ])('refuses %j', (names, message) => {
    const decision = checkServerNames(names, allowed);
    expect('code' in decision && decision.message).toContain(message);
  });
});

describe('decideServerCsr', () => {
  const openssl = new OpensslCli();
  const csrOf = (spec: string, extra: string[] = []) => openssl.csr(openssl.newKey(`server-${spec.replace(':', '')}.key`, spec), '/CN=whatever', extra);

  it.each(['rsa:2048', 'rsa:3072', 'ec:P-256', 'ec:P-384'])('accepts a %s key with allowed names', (spec) => {
    const decision = decideServerCsr(csrOf(spec), ['csms.example.com'], allowed);
    expect(decision.outcome).toBe('accepted');
  });

  it.each([
    ['rsa:1024', CsrRefusalCode.weakKey],
    ['ec:P-521', CsrRefusalCode.unsupportedKey],
    ['ec:P-224', CsrRefusalCode.unsupportedKey],
  ])('refuses a %s key', (spec, code) => {
    const decision = decideServerCsr(csrOf(spec), ['csms.example.com'], allowed);
    expect(decision).toMatchObject({ outcome: 'refused', field: 'csrPem', refusal: { code } });
  });

  it('refuses names outside the allow-list before looking at the CSR, and a CA request', () => {
    expect(decideServerCsr('not a csr', ['evil.example.com'], allowed)).toMatchObject({ outcome: 'refused', field: 'names' });
    const ca = decideServerCsr(csrOf('ec:P-256', ['-addext', 'basicConstraints=critical,CA:TRUE']), ['csms.example.com'], allowed);
    expect(ca).toMatchObject({ outcome: 'refused', refusal: { code: CsrRefusalCode.caRequested } });
  });

  it('refuses a CSR whose self-signature does not verify', () => {
    const pem = csrOf('ec:P-256');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5] = (der[der.length - 5] as number) ^ 0x01;
    const broken = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(decideServerCsr(broken, ['csms.example.com'], allowed)).toMatchObject({ outcome: 'refused', refusal: { code: CsrRefusalCode.badSignature } });
  });
});

import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { createServerKeyAndCsr } from './server-csr';

describe('createServerKeyAndCsr', () => {
  it.each([
    ['rsa', 'rsa', { modulusLength: 2048 }],
    ['ec', 'ec', { namedCurve: 'prime256v1' }],
  ] as const)('makes a fresh %s key and a CSR openssl verifies', (keyType, nodeType, details) => {
    const first = createServerKeyAndCsr(keyType, 'csms.example.com');
    const key = createPrivateKey(first.keyPem);
    expect(key.asymmetricKeyType).toBe(nodeType);
    expect(key.asymmetricKeyDetails).toMatchObject(details);
    const text = execFileSync('openssl', ['req', '-verify', '-noout', '-subject'], { input: first.csrPem, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(text).toContain('subject=CN');
    expect(text).toContain('csms.example.com');
    expect(createServerKeyAndCsr(keyType, 'csms.example.com').keyPem).not.toBe(first.keyPem);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OcspRequestDataError, ocspRequestDer, ocspResponseStatus } from './ocsp-request';

const data = {
  hashAlgorithm: 'SHA256' as const,
  issuerNameHash: 'aa'.repeat(32),
  issuerKeyHash: 'BB'.repeat(32),
  serialNumber: '00f3a1',
  responderURL: 'http://ocsp.example',
};

describe('ocspRequestDer', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'ocsp-request-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** OpenSSL's reading of the request: it must be an OCSPRequest with exactly our CertID. */
  function opensslText(der: Buffer): string {
    const file = path.join(dir, 'request.der');
    writeFileSync(file, der);
    return execFileSync('openssl', ['ocsp', '-reqin', file, '-req_text'], { encoding: 'utf8' });
  }

  it('is an OCSPRequest for the CertID the station sent, the serial a positive INTEGER', () => {
    const der = ocspRequestDer(data);
    const text = opensslText(der);
    // 0xF3A1 has its high bit set: a zero octet keeps it positive.
    expect(der.subarray(-5)).toEqual(Buffer.from([0x02, 0x03, 0x00, 0xf3, 0xa1]));
    expect(text).toContain('Hash Algorithm: sha256');
    expect(text).toContain(`Issuer Name Hash: ${'AA'.repeat(32)}`);
    expect(text).toContain(`Issuer Key Hash: ${'BB'.repeat(32)}`);
    expect(text).toMatch(/Serial Number: F3A1\b/);
    expect(opensslText(ocspRequestDer({ ...data, hashAlgorithm: 'SHA384', issuerNameHash: '01'.repeat(48), issuerKeyHash: '02'.repeat(48), serialNumber: '1' }))).toMatch(
      /Hash Algorithm: sha384[\s\S]*Serial Number: 01\b/,
    );
  });

  it('refuses request data that cannot name a certificate', () => {
    expect(() => ocspRequestDer({ ...data, issuerNameHash: 'aa'.repeat(20) })).toThrow(new OcspRequestDataError('issuerNameHash is 20 octets; a SHA256 hash is 32'));
    expect(() => ocspRequestDer({ ...data, issuerKeyHash: 'xyz' })).toThrow('issuerKeyHash is not hexadecimal octets');
    expect(() => ocspRequestDer({ ...data, serialNumber: '12-34' })).toThrow('serialNumber is not hexadecimal');
    expect(() => ocspRequestDer({ ...data, hashAlgorithm: 'MD5' as never })).toThrow('hashAlgorithm MD5');
  });
});

describe('ocspResponseStatus', () => {
  it('reads the responseStatus, and nothing from what is not an OCSPResponse', () => {
    expect(ocspResponseStatus(Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x06]))).toBe('unauthorized');
    expect(ocspResponseStatus(Buffer.from([0x30, 0x81, 0x05, 0x0a, 0x01, 0x00, 0xa0, 0x00]))).toBe('successful');
    expect(ocspResponseStatus(Buffer.from('<html>'))).toBeUndefined();
  });
});

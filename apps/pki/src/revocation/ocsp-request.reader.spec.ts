import { randomBytes } from 'node:crypto';
import { derNull, explicit, octetString, oid, sequence, unsignedInteger } from '../x509/der-writer';
import { MAX_CERT_IDS, OID_OCSP_NONCE, OcspRequestError, ocspRequestOfGetPath, readOcspRequest } from './ocsp-request.reader';

const certId = (serial: Buffer, hashOid = '1.3.14.3.2.26') => sequence(sequence(oid(hashOid), derNull()), octetString(randomBytes(20)), octetString(randomBytes(20)), unsignedInteger(serial));
const request = (certIds: Buffer[], extensions?: Buffer[]) => sequence(sequence(sequence(...certIds.map((id) => sequence(id))), ...(extensions ? [explicit(2, sequence(...extensions))] : [])));
const nonce = (octets: number) => sequence(oid(OID_OCSP_NONCE), octetString(octetString(randomBytes(octets))));

describe('reading an OCSP request', () => {
  it('reads CertIDs with the serial as lower-case hex without leading zeroes, and the nonce whole', () => {
    const extension = nonce(16);
    const read = readOcspRequest(request([certId(Buffer.from('00ab01', 'hex')), certId(Buffer.from([0x80]), '2.16.840.1.101.3.4.2.1')], [extension]));
    expect(read.certIds.map((id) => [id.hashAlgorithm, id.serialNumber])).toEqual([
      ['sha1', 'ab01'],
      ['sha256', '80'],
    ]);
    expect(read.nonceExtension).toEqual(extension);
  });

  it('leaves the hash algorithm undefined for one it does not match, so that CertID is answered unknown', () => {
    expect(readOcspRequest(request([certId(Buffer.from([1]), '1.2.840.113549.2.5')])).certIds[0]?.hashAlgorithm).toBeUndefined();
  });

  it.each([
    ['no CertID', request([])],
    [`${MAX_CERT_IDS + 1} CertIDs`, request(Array.from({ length: MAX_CERT_IDS + 1 }, (_, i) => certId(Buffer.from([i + 1]))))],
    ['a nonce of 33 octets (RFC 8954: at most 32)', request([certId(Buffer.from([1]))], [nonce(33)])],
    ['trailing bytes', Buffer.concat([request([certId(Buffer.from([1]))]), Buffer.from([0])])],
    ['a negative serial', request([sequence(sequence(oid('1.3.14.3.2.26')), octetString(Buffer.alloc(20)), octetString(Buffer.alloc(20)), Buffer.from([0x02, 0x01, 0xff]))])],
    ['a truncated request', request([certId(Buffer.from([1]))]).subarray(0, 20)],
  ])('refuses %s as malformed', (_what, der) => {
    expect(() => readOcspRequest(der)).toThrow(OcspRequestError);
  });

  it('decodes the GET form and refuses a path that is not URL-encoded base64', () => {
    const der = request([certId(Buffer.from([1]))]);
    expect(ocspRequestOfGetPath(encodeURIComponent(der.toString('base64')))).toEqual(der);
    for (const path of ['', '%E0%A4%A', 'not base64!', 'abc']) expect(() => ocspRequestOfGetPath(path)).toThrow(OcspRequestError);
  });
});

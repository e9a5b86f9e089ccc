import { CrlDocumentError, crlPem, readCrl } from './crl-document';

/** DER of one TLV (short or long length). */
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length < 0x80 ? Buffer.from([content.length]) : Buffer.from([0x82, content.length >> 8, content.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const algorithm = tlv(0x30, tlv(0x06, Buffer.from([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02])));
const issuer = tlv(0x30, Buffer.alloc(0));

/** The shape of an X.509 v2 CRL; `signatureOctets` makes it long (long-form lengths). Unsigned: the reader does not verify, OpenSSL does. */
function crl(times: Buffer[], signatureOctets = 0): Buffer {
  const tbs = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), algorithm, issuer, ...times]));
  return tlv(0x30, Buffer.concat([tbs, algorithm, tlv(0x03, Buffer.alloc(signatureOctets + 1))]));
}

describe('readCrl', () => {
  it('reads thisUpdate and nextUpdate of a DER CRL, UTCTime and GeneralizedTime', () => {
    const der = crl([tlv(0x17, Buffer.from('261206020000Z')), tlv(0x18, Buffer.from('20261207020000Z'))]);
    expect(readCrl(der)).toEqual({ der, thisUpdate: new Date('2026-12-06T02:00:00Z'), nextUpdate: new Date('2026-12-07T02:00:00Z') });
  });

  it('reads a PEM CRL, and one without nextUpdate', () => {
    const der = crl([tlv(0x17, Buffer.from('991231235959Z'))], 300);
    const document = readCrl(Buffer.from(`junk before\n${crlPem(der)}`));
    expect(document.der).toEqual(der);
    expect(document.thisUpdate).toEqual(new Date('1999-12-31T23:59:59Z'));
    expect(document.nextUpdate).toBeUndefined();
  });

  it('refuses what is not a CRL', () => {
    expect(() => readCrl(Buffer.from('<html>not found</html>'))).toThrow(CrlDocumentError);
    const der = crl([tlv(0x17, Buffer.from('261206020000Z'))]);
    expect(() => readCrl(Buffer.concat([der, Buffer.from([0])]))).toThrow('trailing octets');
    expect(() => readCrl(der.subarray(0, der.length - 2))).toThrow('truncated');
    expect(() => readCrl(crl([tlv(0x17, Buffer.from('2612060200Z'))]))).toThrow('unreadable time');
  });
});

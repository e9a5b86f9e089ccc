import { execFileSync } from 'node:child_process';
import { DerError, readOid, readString, readTime, readTlv } from './der-reader';
import { oid, printableString, sequence, smallInteger, tlv, time, unsignedInteger, utf8String } from './der-writer';

/** openssl's own reading of a DER blob, as an independent check of the encodings. */
const asn1parse = (der: Buffer): string => execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der, encoding: 'utf8' });

describe('DER writer and reader', () => {
  it.each(['2.5.4.3', '1.2.840.113549.1.1.11', '1.2.840.10045.4.3.2', '1.3.6.1.4.1.311.2.1.14', '2.999.1234567'])('writes OID %s as openssl reads it and reads it back', (dotted) => {
    const encoded = oid(dotted);
    expect(readOid(encoded, readTlv(encoded, 0))).toBe(dotted);
    if (!dotted.startsWith('2.999')) expect(asn1parse(encoded)).toMatch(/OBJECT\s+:/);
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050, and reads both back', () => {
    const before = time(new Date('2049-12-31T23:59:59.900Z'));
    const after = time(new Date('2050-01-01T00:00:00Z'));
    expect(before.subarray(2).toString('latin1')).toBe('491231235959Z');
    expect(after.subarray(2).toString('latin1')).toBe('20500101000000Z');
    expect(readTime(before, readTlv(before, 0))).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(readTime(after, readTlv(after, 0))).toEqual(new Date('2050-01-01T00:00:00Z'));
  });

  it('writes minimal positive INTEGERs', () => {
    expect(unsignedInteger(Buffer.from([0, 0, 0x7f])).toString('hex')).toBe('02017f');
    expect(unsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(unsignedInteger(Buffer.from([0, 0])).toString('hex')).toBe('020100');
    expect(smallInteger(0).toString('hex')).toBe('020100');
    expect(smallInteger(300).toString('hex')).toBe('0202012c');
  });

  it('uses long-form lengths past 127 octets', () => {
    const long = tlv(0x04, Buffer.alloc(300));
    expect(long.subarray(0, 4).toString('hex')).toBe('0482012c');
    expect(readTlv(long, 0).end).toBe(long.length);
    expect(asn1parse(sequence(long, utf8String('é'), printableString('DE')))).toContain('OCTET STRING');
  });

  it('reads the directory string types', () => {
    const bmp = tlv(0x1e, Buffer.from([0x00, 0x53, 0x00, 0xe9]));
    expect(readString(bmp, readTlv(bmp, 0))).toBe('Sé');
    const odd = tlv(0x1e, Buffer.from([0x00]));
    expect(readString(odd, readTlv(odd, 0))).toBeUndefined();
    const utf8 = utf8String('Ladesäule');
    expect(readString(utf8, readTlv(utf8, 0))).toBe('Ladesäule');
  });

  it('refuses truncated or overlong input', () => {
    expect(() => readTlv(Buffer.from([0x30, 0x05, 0x01]), 0)).toThrow(DerError);
    expect(() => readTlv(Buffer.from([0x30, 0x80]), 0)).toThrow(DerError);
    expect(() => readTlv(Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1]), 0)).toThrow(DerError);
  });
});

import { type KeyObject, sign } from 'node:crypto';

/** Hand-made DER for specs of CRL matching: signed CRLs and the part of a certificate that names serial and issuer. */

/** DER of one TLV (short or long length). */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

export const ECDSA_SHA256 = tlv(0x30, tlv(0x06, Buffer.from('2a8648ce3d040302', 'hex')));
export const RSA_SHA256 = tlv(0x30, tlv(0x06, Buffer.from('2a864886f70d01010b', 'hex')), tlv(0x05));
export const name = (cn: string) => tlv(0x30, tlv(0x31, tlv(0x30, tlv(0x06, Buffer.from('550403', 'hex')), tlv(0x0c, Buffer.from(cn)))));
const time = tlv(0x18, Buffer.from('20261206000000Z'));

/** An X.509 v2 CRL of `issuer` listing `serials` (INTEGER contents), signed with `key`. */
export function crl(issuer: string, serials: Buffer[], key: KeyObject, algorithm = ECDSA_SHA256): Buffer {
  const entries = serials.map((serial) => tlv(0x30, tlv(0x02, serial), time));
  const revoked = entries.length > 0 ? [tlv(0x30, ...entries)] : [];
  const extensions = tlv(0xa0, tlv(0x30, tlv(0x30, tlv(0x06, Buffer.from('551d14', 'hex')), tlv(0x04, tlv(0x02, Buffer.from([7]))))));
  const tbs = tlv(0x30, tlv(0x02, Buffer.from([1])), algorithm, name(issuer), time, time, ...revoked, extensions);
  const signature = sign('sha256', tbs, key);
  return tlv(0x30, tbs, algorithm, tlv(0x03, Buffer.from([0]), signature));
}

/** The start of a certificate, as far as serial and issuer (the rest is not read). */
export function certificate(serial: Buffer, issuer: string): Buffer {
  const tbs = tlv(0x30, tlv(0xa0, tlv(0x02, Buffer.from([2]))), tlv(0x02, serial), ECDSA_SHA256, name(issuer), tlv(0x30, time, time), name('station'));
  return tlv(0x30, tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0, 1])));
}

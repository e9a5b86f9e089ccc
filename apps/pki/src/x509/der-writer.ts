/**
 * A minimal DER writer for what the PKI issues (certificates, CRLs and OCSP responses).
 * Written by hand because issuance is on the signing hot path: a schema library's generic encoder
 * cost over a millisecond per certificate, node's signature tens of microseconds.
 */

/** One encoded TLV. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthOctets(content.length), content]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Uint8Array[]): Buffer => tlv(0x31, Buffer.concat(items));
export const octetString = (content: Uint8Array): Buffer => tlv(0x04, content);
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
export const printableString = (text: string): Buffer => tlv(0x13, Buffer.from(text, 'latin1'));
export const ia5String = (text: string): Buffer => tlv(0x16, Buffer.from(text, 'latin1'));
export const booleanTrue = (): Buffer => Buffer.from([0x01, 0x01, 0xff]);
export const derNull = (): Buffer => Buffer.from([0x05, 0x00]);

/** BIT STRING of whole octets (keys, signatures): an unused-bits octet of 0, then the bytes. */
export const bitString = (content: Uint8Array): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));

/** [n] EXPLICIT: a constructed context tag around one encoded value. */
export const explicit = (n: number, inner: Uint8Array): Buffer => tlv(0xa0 | n, inner);

/** [n] IMPLICIT of a primitive (e.g. a GeneralName uniformResourceIdentifier is [6] IA5String). */
export const implicitPrimitive = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);

/** [n] IMPLICIT of a constructed value (e.g. DistributionPointName fullName [0]). */
export const implicitConstructed = (n: number, items: Uint8Array[]): Buffer => tlv(0xa0 | n, Buffer.concat(items));

/** INTEGER from an unsigned big-endian magnitude: minimal, with a 00 octet when the top bit is set. */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const digits = Buffer.from(magnitude.subarray(start));
  return tlv(0x02, (digits[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), digits]) : digits.length ? digits : Buffer.from([0]));
}

/** INTEGER of a small non-negative number (versions, path lengths). */
export function smallInteger(value: number): Buffer {
  const octets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return unsignedInteger(Buffer.from(octets.length ? octets : [0]));
}

const oidCache = new Map<string, Buffer>();

/** OBJECT IDENTIFIER from dotted form (cached: the same few OIDs are written for every certificate). */
export function oid(dotted: string): Buffer {
  const cached = oidCache.get(dotted);
  if (cached) return cached;
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const octets: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) base128.unshift((value & 0x7f) | 0x80);
    octets.push(...base128);
  }
  const encoded = tlv(0x06, Buffer.from(octets));
  oidCache.set(dotted, encoded);
  return encoded;
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always in whole seconds UTC. */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2030-01-02T03:04:05.678Z
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), 'latin1')) : tlv(0x18, Buffer.from(digits, 'latin1'));
}

/** GeneralizedTime in whole seconds UTC, whatever the year: OCSP (RFC 6960) writes every time this way. */
export function generalizedTime(date: Date): Buffer {
  const iso = date.toISOString();
  return tlv(0x18, Buffer.from(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`, 'latin1'));
}

/** ENUMERATED of a small non-negative value (CRL reason codes, OCSP response status). */
export function enumerated(value: number): Buffer {
  const integer = smallInteger(value);
  integer[0] = 0x0a;
  return integer;
}

function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

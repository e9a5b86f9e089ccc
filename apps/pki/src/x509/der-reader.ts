/**
 * A minimal DER TLV reader. Hashes that identify a certificate (OCPP certificateHashData, OCSP
 * CertID) are taken over the exact bytes of fields as they were encoded, so those fields are
 * sliced out of the original DER instead of being re-encoded by a schema library.
 */

/** One tag-length-value: where it starts, where its content starts and where it ends. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

/** DER that cannot be read: truncated, indefinite length, or a length that overflows its parent. */
export class DerError extends Error {
  constructor(reason: string) {
    super(`malformed DER: ${reason}`);
    this.name = 'DerError';
  }
}

/** The TLV at `offset`; its end must lie within `limit`. Only single-byte tags (X.509 needs no more). */
export function readTlv(der: Uint8Array, offset: number, limit = der.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = der[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tag');
  const first = der[offset + 1] as number;
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids; four octets are far beyond any certificate.
    if (octets === 0 || octets > 4) throw new DerError('unsupported length encoding');
    if (contentStart + octets > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + (der[contentStart + i] as number);
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('content overruns its container');
  return { tag, start: offset, contentStart, end };
}

/** The TLVs directly inside a constructed `parent`. */
export function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readTlv(der, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The TLVs inside `parent`, required to carry exactly `tags` in order (undefined tag: any). */
export function expectChildren(der: Uint8Array, parent: Tlv, tags: readonly (number | undefined)[], what: string): Tlv[] {
  const children = childrenOf(der, parent);
  if (children.length < tags.length || tags.some((tag, index) => tag !== undefined && children[index]?.tag !== tag)) {
    throw new DerError(`${what} does not have the expected structure`);
  }
  return children;
}

/** The content octets of `tlv`. */
export function contentOf(der: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(der.buffer, der.byteOffset + tlv.contentStart, tlv.end - tlv.contentStart);
}

/** The whole encoding (tag, length, content) of `tlv`. */
export function encodingOf(der: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(der.buffer, der.byteOffset + tlv.start, tlv.end - tlv.start);
}

/** An OBJECT IDENTIFIER's dotted form. */
export function readOid(der: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== 0x06 || tlv.end === tlv.contentStart) throw new DerError('expected an OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i += 1) {
    const octet = der[i] as number;
    value = value * 128 + (octet & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OBJECT IDENTIFIER arc too large');
    if (octet & 0x80) continue;
    if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

/** A directory string's text (UTF8, Printable, IA5, Teletex as Latin-1, BMP, Universal); undefined for other types. */
export function readString(der: Uint8Array, tlv: Tlv): string | undefined {
  const content = contentOf(der, tlv);
  switch (tlv.tag) {
    case 0x0c:
      return content.toString('utf8');
    case 0x13:
    case 0x16:
    case 0x14:
      return content.toString('latin1');
    case 0x1e:
      return content.length % 2 ? undefined : Buffer.from(content).swap16().toString('utf16le');
    case 0x1c:
      if (content.length % 4 || content.some((_, i) => i % 4 === 0 && content.readUInt32BE(i) > 0x10ffff)) return undefined;
      return String.fromCodePoint(...Array.from({ length: content.length / 4 }, (_, i) => content.readUInt32BE(i * 4)));
    default:
      return undefined;
  }
}

/** An X.509 Time (UTCTime or GeneralizedTime, as RFC 5280 writes them: seconds and Z). */
export function readTime(der: Uint8Array, tlv: Tlv): Date {
  const text = contentOf(der, tlv).toString('latin1');
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match || (tlv.tag === 0x17) !== (match[1]?.length === 2)) throw new DerError(`unreadable time ${JSON.stringify(text)}`);
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = match;
  const year = y.length === 4 ? Number(y) : Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

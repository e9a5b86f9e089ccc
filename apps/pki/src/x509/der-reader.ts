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

/** A CRL as fetched: its DER and when its issuer promises the next one. */
export interface CrlDocument {
  readonly der: Buffer;
  readonly thisUpdate: Date;
  /** Absent when the CRL names none (RFC 5280 requires it; some CAs omit it). */
  readonly nextUpdate: Date | undefined;
}

export class CrlDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrlDocumentError';
  }
}

const PEM_CRL = /-----BEGIN X509 CRL-----([A-Za-z0-9+/=\s]+)-----END X509 CRL-----/;

/**
 * Reads what a CRL URL answered (DER as RFC 5280 §4.2.1.13 says, or PEM) far enough to know it is
 * a CRL and when it expires. The signature is not checked here: OpenSSL checks it against the CA
 * bundle at every handshake, and a CRL it cannot verify fails the handshake, not this reader.
 */
export function readCrl(body: Buffer): CrlDocument {
  const pem = PEM_CRL.exec(body.toString('latin1'));
  const der = pem ? Buffer.from((pem[1] ?? '').replace(/\s+/g, ''), 'base64') : body;
  const list = tlv(der, 0, 0x30, 'CertificateList');
  if (list.end !== der.length) throw new CrlDocumentError('trailing octets after the CertificateList');
  const tbs = tlv(der, list.start, 0x30, 'TBSCertList');
  let at = tbs.start;
  if (der[at] === 0x02) at = tlv(der, at, 0x02, 'version').end;
  at = tlv(der, at, 0x30, 'signature').end;
  at = tlv(der, at, 0x30, 'issuer').end;
  const thisUpdate = time(der, at, 'thisUpdate');
  const next = at < tbs.end && (der[thisUpdate.end] === 0x17 || der[thisUpdate.end] === 0x18) ? time(der, thisUpdate.end, 'nextUpdate') : undefined;
  return { der: der.subarray(0, list.end), thisUpdate: thisUpdate.value, nextUpdate: next?.value };
}

/** The PEM form OpenSSL (and node's `crl` option) reads, several concatenated in one file. */
export function crlPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`;
}

/** Where one DER element's content starts and ends. */
export interface Tlv {
  start: number;
  end: number;
}

/** The element at `at`, which must carry `tag`. */
export function tlv(der: Buffer, at: number, tag: number, what: string): Tlv {
  if (der[at] !== tag) throw new CrlDocumentError(`${what}: expected tag 0x${tag.toString(16)} at octet ${at}`);
  let length = der[at + 1];
  let start = at + 2;
  if (length === undefined) throw new CrlDocumentError(`${what}: truncated`);
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new CrlDocumentError(`${what}: unsupported length`);
    length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + (der[start + i] ?? 0);
    start += octets;
  }
  const end = start + length;
  if (end > der.length) throw new CrlDocumentError(`${what}: truncated`);
  return { start, end };
}

function time(der: Buffer, at: number, what: string): { value: Date; end: number } {
  const tag = der[at];
  if (tag !== 0x17 && tag !== 0x18) throw new CrlDocumentError(`${what}: expected UTCTime or GeneralizedTime`);
  const { start, end } = tlv(der, at, tag, what);
  const text = der.subarray(start, end).toString('latin1');
  const match = (tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/).exec(text);
  if (!match) throw new CrlDocumentError(`${what}: unreadable time ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  // RFC 5280 §4.1.2.5.1: a two-digit year below 50 is 20YY.
  const fullYear = tag === 0x17 ? (year < 50 ? 2000 + year : 1900 + year) : year;
  return { value: new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second)), end };
}

import { CrlDocumentError, tlv } from './crl-document';

/** What a CRL says about certificates, and what is needed to check that its issuer said it. */
export interface CrlEntries {
  /** The issuer Name, as DER: compared octet for octet with a certificate's issuer. */
  readonly issuer: Buffer;
  /** Revoked serial numbers, lowercase hex without leading zeros (as `serialHex` writes them). */
  readonly revokedSerials: ReadonlySet<string>;
  /** The signed part (TBSCertList) with its signature algorithm OID and the signature. */
  readonly signed: { readonly tbs: Buffer; readonly algorithm: string; readonly signature: Buffer };
}

/**
 * Reads a DER CRL's issuer, revoked serials and signature (RFC 5280 §5.1). The TLS layer checks
 * CRLs at every handshake; this reader serves the check of connections that are already open.
 */
export function readCrlEntries(der: Buffer): CrlEntries {
  const list = tlv(der, 0, 0x30, 'CertificateList');
  const tbs = tlv(der, list.start, 0x30, 'TBSCertList');
  let at = tbs.start;
  if (der[at] === 0x02) at = tlv(der, at, 0x02, 'version').end;
  at = tlv(der, at, 0x30, 'signature').end;
  const issuerAt = at;
  const issuer = tlv(der, at, 0x30, 'issuer');
  at = skipTime(der, issuer.end, 'thisUpdate');
  if (at < tbs.end && (der[at] === 0x17 || der[at] === 0x18)) at = skipTime(der, at, 'nextUpdate');
  const revokedSerials = new Set<string>();
  if (at < tbs.end && der[at] === 0x30) {
    const revoked = tlv(der, at, 0x30, 'revokedCertificates');
    for (let entryAt = revoked.start; entryAt < revoked.end; ) {
      const entry = tlv(der, entryAt, 0x30, 'revoked certificate');
      const serial = tlv(der, entry.start, 0x02, 'userCertificate');
      revokedSerials.add(serialHex(der.subarray(serial.start, serial.end)));
      entryAt = entry.end;
    }
  }
  const algorithm = tlv(der, tbs.end, 0x30, 'signatureAlgorithm');
  const oid = tlv(der, algorithm.start, 0x06, 'signature algorithm OID');
  const signature = tlv(der, algorithm.end, 0x03, 'signatureValue');
  if (der[signature.start] !== 0) throw new CrlDocumentError('signatureValue: unused bits in a signature');
  return {
    issuer: der.subarray(issuerAt, issuer.end),
    revokedSerials,
    signed: { tbs: der.subarray(list.start, tbs.end), algorithm: oidText(der.subarray(oid.start, oid.end)), signature: der.subarray(signature.start + 1, signature.end) },
  };
}

/** A serial number's INTEGER content as lowercase hex without leading zeros ("0" for zero). */
export function serialHex(content: Buffer): string {
  return content.toString('hex').replace(/^0+/, '') || '0';
}

function skipTime(der: Buffer, at: number, what: string): number {
  const tag = der[at];
  if (tag !== 0x17 && tag !== 0x18) throw new CrlDocumentError(`${what}: expected UTCTime or GeneralizedTime`);
  return tlv(der, at, tag, what).end;
}

function oidText(content: Buffer): string {
  const arcs: number[] = [];
  let value = 0;
  for (const octet of content) {
    value = value * 128 + (octet & 0x7f);
    if ((octet & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const [first = 0, ...rest] = arcs;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

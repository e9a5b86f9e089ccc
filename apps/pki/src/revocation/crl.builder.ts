import type { CertificateAuthority } from '../authorities/certificate-authority';
import { bitString, enumerated, explicit, implicitPrimitive, octetString, oid, sequence, smallInteger, time, unsignedInteger } from '../x509/der-writer';
import { algorithmIdentifierOf } from '../x509/signature-algorithms';
import { type RevocationReason, reasonCodeOf } from './revocation-reason';

const OID = {
  reasonCode: '2.5.29.21',
  cRLNumber: '2.5.29.20',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** One revoked certificate as a CRL lists it. */
export interface RevokedEntry {
  /** Serial as hexadecimal (any case, leading zeroes allowed): the form certificateHashData and the API use. */
  readonly serialNumber: string;
  readonly revokedAt: Date;
  readonly reason: RevocationReason;
}

export interface CrlContent {
  /** The CA whose certificates are listed; it signs the CRL (RFC 5280: the CRL issuer is the CA). */
  readonly authority: CertificateAuthority;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Strictly increasing per CA (RFC 5280 §5.2.3), so relying parties can tell a newer CRL from an older one. */
  readonly crlNumber: bigint;
  readonly revoked: readonly RevokedEntry[];
}

const VERSION_2 = smallInteger(1);

/**
 * An X.509 v2 CRL (RFC 5280 §5), DER, signed through the CA's signer. Entries carry a reasonCode
 * extension except for `unspecified`, which RFC 5280 asks to leave out. The CRL carries its number
 * and the CA's authority key identifier, which RFC 5280 requires of conforming CRL issuers.
 */
export async function signCrl(content: CrlContent): Promise<Buffer> {
  const { authority } = content;
  const algorithm = algorithmIdentifierOf(authority.signer.algorithm);
  const entries = content.revoked.map(revokedCertificate);
  const extensions = sequence(
    sequence(oid(OID.authorityKeyIdentifier), octetString(sequence(implicitPrimitive(0, authority.keyIdentifier)))),
    sequence(oid(OID.cRLNumber), octetString(unsignedInteger(bigintOctets(content.crlNumber)))),
  );
  const tbs = sequence(
    VERSION_2,
    algorithm,
    authority.subject,
    time(content.thisUpdate),
    time(content.nextUpdate),
    // An empty revokedCertificates is written as absent, not as an empty SEQUENCE (RFC 5280 §5.1.2.6).
    ...(entries.length ? [sequence(...entries)] : []),
    explicit(0, extensions),
  );
  return sequence(tbs, algorithm, bitString(await authority.signer.sign(tbs)));
}

function revokedCertificate(entry: RevokedEntry): Buffer {
  const serial = unsignedInteger(serialOctets(entry.serialNumber));
  if (entry.reason === 'unspecified') return sequence(serial, time(entry.revokedAt));
  const reason = sequence(oid(OID.reasonCode), octetString(enumerated(reasonCodeOf(entry.reason))));
  return sequence(serial, time(entry.revokedAt), sequence(reason));
}

/** The magnitude octets of a hexadecimal serial. */
export function serialOctets(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{1,40}$/.test(hex)) throw new RangeError(`a serial number is 1 to 40 hexadecimal digits, not ${JSON.stringify(hex)}`);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

function bigintOctets(value: bigint): Buffer {
  if (value < 0n) throw new RangeError('a CRL number is never negative');
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

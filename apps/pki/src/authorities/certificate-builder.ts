import { randomBytes } from 'node:crypto';
import { bitString, explicit, sequence, smallInteger, time, unsignedInteger } from '../x509/der-writer';
import { algorithmIdentifierOf } from '../x509/signature-algorithms';
import type { CaSigner } from './ca-signer';

/** Everything a certificate says, before a CA signs it; names, key and extensions already DER. */
export interface CertificateTemplate {
  /** Magnitude of a positive serial (see randomSerialNumber). */
  readonly serialNumber: Buffer;
  /** The issuer's subject Name exactly as in the issuer's certificate (path building compares bytes). */
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subjectPublicKeyInfo: Buffer;
  /** Encoded Extension values (see certificate-profiles). */
  readonly extensions: readonly Buffer[];
}

/**
 * A random serial of 16 octets (126 random bits). RFC 5280 and the CA/Browser baseline ask for at
 * least 64 random bits so serials cannot be predicted (the collision attacks on MD5 needed that);
 * the top octet is forced into 0x40–0x7f so the INTEGER is positive and always exactly 16 octets,
 * with no leading zero for a station or the hash data to mishandle.
 */
export function randomSerialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x3f) | 0x40;
  return serial;
}

const VERSION_3 = explicit(0, smallInteger(2));

/** Signs `template` with `signer` (RFC 5280 §4.1) and returns the certificate's DER. */
export async function signCertificate(template: CertificateTemplate, signer: CaSigner): Promise<Buffer> {
  const algorithm = algorithmIdentifierOf(signer.algorithm);
  const tbs = sequence(
    VERSION_3,
    unsignedInteger(template.serialNumber),
    algorithm,
    template.issuer,
    sequence(time(template.notBefore), time(template.notAfter)),
    template.subject,
    template.subjectPublicKeyInfo,
    explicit(3, sequence(...template.extensions)),
  );
  return sequence(tbs, algorithm, bitString(await signer.sign(tbs)));
}

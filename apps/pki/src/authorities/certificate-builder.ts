import { randomBytes } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Extension, Extensions, type Name, SubjectPublicKeyInfo, TBSCertificate, Validity, Version } from '@peculiar/asn1-x509';
import { algorithmIdentifierOf } from '../x509/signature-algorithms';
import type { CaSigner } from './ca-signer';

/** Everything a certificate says, before a CA signs it. */
export interface CertificateTemplate {
  /** Content octets of a positive INTEGER (see randomSerialNumber). */
  readonly serialNumber: Buffer;
  readonly issuer: Name;
  readonly subject: Name;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The subject's SubjectPublicKeyInfo, DER. */
  readonly subjectPublicKeyInfo: Buffer;
  readonly extensions: readonly Extension[];
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

/** Signs `template` with `signer` and returns the certificate's DER. */
export async function signCertificate(template: CertificateTemplate, signer: CaSigner): Promise<Buffer> {
  const signatureAlgorithm = algorithmIdentifierOf(signer.algorithm);
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(template.serialNumber).buffer,
    signature: signatureAlgorithm,
    issuer: template.issuer,
    validity: new Validity({ notBefore: template.notBefore, notAfter: template.notAfter }),
    subject: template.subject,
    subjectPublicKeyInfo: AsnConvert.parse(template.subjectPublicKeyInfo, SubjectPublicKeyInfo),
    extensions: new Extensions([...template.extensions]),
  });
  const tbs = AsnConvert.serialize(tbsCertificate);
  const signatureValue = await signer.sign(new Uint8Array(tbs));
  // The raw TBS is what was signed; handing it over keeps the encoder from re-encoding it differently.
  const certificate = new Certificate({ tbsCertificate, tbsCertificateRaw: tbs, signatureAlgorithm, signatureValue: new Uint8Array(signatureValue).buffer });
  return Buffer.from(AsnConvert.serialize(certificate));
}

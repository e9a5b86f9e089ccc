import { DerError, type Tlv, contentOf, encodingOf, expectChildren, readOid, readTlv } from '../x509/der-reader';

/**
 * The parts of a PKCS#10 CertificationRequest (RFC 2986) the policy looks at, as exact byte ranges
 * of the station's DER: the signed CertificationRequestInfo must be verified over the bytes that
 * were signed, never over a re-encoding.
 */
export interface CsrStructure {
  /** The whole CertificationRequestInfo encoding: what the self-signature covers. */
  readonly info: Buffer;
  /** The subject Name, DER. */
  readonly subject: Buffer;
  /** The SubjectPublicKeyInfo, DER. */
  readonly subjectPublicKeyInfo: Buffer;
  /** The [0] attributes, absent when the station sent none. */
  readonly attributes: Buffer | undefined;
  readonly signatureAlgorithmOid: string;
  readonly signature: Buffer;
}

/** Reads `der` as a CertificationRequest; throws DerError for anything else (including trailing bytes). */
export function readCsrStructure(der: Buffer): CsrStructure {
  const outer = readTlv(der, 0);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('a CSR is one SEQUENCE with nothing after it');
  const parts = expectChildren(der, outer, [0x30, 0x30, 0x03], 'CertificationRequest');
  const [info, algorithm, signature] = parts as [Tlv, Tlv, Tlv];
  const infoFields = expectChildren(der, info, [0x02, 0x30, 0x30], 'CertificationRequestInfo');
  // Nothing beyond what RFC 2986 defines: unknown signed fields would be accepted unread.
  if (parts.length !== 3 || infoFields.length > 4) throw new DerError('a CSR has unexpected extra fields');
  const [version, subject, spki, attributes] = infoFields;
  if (!version || contentOf(der, version).toString('hex') !== '00') throw new DerError('CertificationRequestInfo version must be 0 (v1)');
  if (attributes && attributes.tag !== 0xa0) throw new DerError('CertificationRequestInfo attributes must be [0]');
  const [algorithmOid] = expectChildren(der, algorithm, [0x06], 'signatureAlgorithm') as [Tlv];
  const signatureBits = contentOf(der, signature);
  // Signatures are whole octets: a non-zero unused-bits count is a broken encoding.
  if (signatureBits[0] !== 0) throw new DerError('signature BIT STRING has unused bits');
  return {
    info: encodingOf(der, info),
    subject: encodingOf(der, subject as Tlv),
    subjectPublicKeyInfo: encodingOf(der, spki as Tlv),
    attributes: attributes ? encodingOf(der, attributes) : undefined,
    signatureAlgorithmOid: readOid(der, algorithmOid),
    signature: signatureBits.subarray(1),
  };
}

import { createHash } from 'node:crypto';
import { DerError, type Tlv, childrenOf, readTlv } from '../x509/der-reader';

/** The hash algorithms OCPP's HashAlgorithmEnumType allows. */
export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

/**
 * OCPP CertificateHashDataType: how a station names an installed certificate in
 * GetInstalledCertificateIds and how DeleteCertificate must name it back. The fields are those of
 * an OCSP CertID (RFC 6960 §4.1.1), written as hexadecimal text.
 */
export interface CertificateHashData {
  readonly hashAlgorithm: HashAlgorithm;
  /** Hash of the DER of the certificate's issuer Name, lower-case hex. */
  readonly issuerNameHash: string;
  /** Hash of the issuer's subjectPublicKey BIT STRING value (without its unused-bits octet), lower-case hex. */
  readonly issuerKeyHash: string;
  /** The serial's hexadecimal value without "0x" and without leading zeroes, lower-case. */
  readonly serialNumber: string;
}

export enum CertificateHashDataErrorCode {
  /** The bytes are not an X.509 certificate we can read. */
  malformedCertificate = 'malformedCertificate',
  /** The certificate given as issuer is not named as the certificate's issuer. */
  issuerMismatch = 'issuerMismatch',
}

export class CertificateHashDataError extends Error {
  constructor(readonly code: CertificateHashDataErrorCode, message: string) {
    super(message);
    this.name = 'CertificateHashDataError';
  }
}

const NODE_DIGESTS: Readonly<Record<HashAlgorithm, string>> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** The fields of a TBSCertificate the hash data is made of, as the exact bytes in the certificate. */
interface IdentifyingFields {
  readonly serial: Buffer;
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly publicKeyBits: Buffer;
}

/**
 * The certificateHashData of `certificate` (DER) issued by `issuer` (DER; the certificate itself
 * when self-signed). The issuer is a separate input because OCPP hashes the issuer's key, which
 * the certificate does not contain; passing the wrong issuer is a mistake, so it throws.
 */
export function certificateHashData(certificate: Uint8Array, issuer: Uint8Array, hashAlgorithm: HashAlgorithm = 'SHA256'): CertificateHashData {
  const own = identifyingFields(certificate);
  const issuing = identifyingFields(issuer);
  if (!issuing.subject.equals(own.issuer)) {
    throw new CertificateHashDataError(CertificateHashDataErrorCode.issuerMismatch, "the issuer certificate's subject is not the certificate's issuer");
  }
  const hash = (data: Buffer) => createHash(NODE_DIGESTS[hashAlgorithm]).update(data).digest('hex');
  return {
    hashAlgorithm,
    issuerNameHash: hash(own.issuer),
    issuerKeyHash: hash(issuing.publicKeyBits),
    serialNumber: serialNumberHex(own.serial),
  };
}

/**
 * Whether two hash data name the same certificate. OCPP leaves the case of the hex open and
 * stations differ, and some keep a leading zero the spec says to drop; both are normalised here so
 * a DeleteCertificate built from what a station reported always hits.
 */
export function sameCertificate(a: CertificateHashData, b: CertificateHashData): boolean {
  const hex = (value: string) => value.toLowerCase();
  const serial = (value: string) => hex(value).replace(/^0+(?=.)/, '');
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    hex(a.issuerNameHash) === hex(b.issuerNameHash) &&
    hex(a.issuerKeyHash) === hex(b.issuerKeyHash) &&
    serial(a.serialNumber) === serial(b.serialNumber)
  );
}

/** INTEGER content → hex without leading zeroes: DER adds a 00 octet before a serial whose top bit is set. */
export function serialNumberHex(serialContent: Uint8Array): string {
  return Buffer.from(serialContent).toString('hex').replace(/^0+(?=.)/, '');
}

function identifyingFields(der: Uint8Array): IdentifyingFields {
  try {
    const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
    const certificate = readTlv(bytes, 0);
    const [tbs] = childrenOf(bytes, certificate);
    if (certificate.tag !== 0x30 || tbs?.tag !== 0x30) throw new DerError('not a SEQUENCE');
    const fields = childrenOf(bytes, tbs);
    // version is [0] EXPLICIT and absent in v1 certificates.
    const first = fields[0]?.tag === 0xa0 ? 1 : 0;
    const field = (index: number, tag: number): Tlv => {
      const found = fields[first + index];
      if (found?.tag !== tag) throw new DerError(`TBSCertificate field ${index} is not tag ${tag}`);
      return found;
    };
    const serial = field(0, 0x02);
    const spki = field(5, 0x30);
    const bitString = childrenOf(bytes, spki)[1];
    if (bitString?.tag !== 0x03) throw new DerError('SubjectPublicKeyInfo without BIT STRING');
    const whole = (tlv: Tlv) => bytes.subarray(tlv.start, tlv.end);
    return {
      serial: bytes.subarray(serial.contentStart, serial.end),
      issuer: whole(field(2, 0x30)),
      subject: whole(field(4, 0x30)),
      publicKeyBits: bytes.subarray(bitString.contentStart + 1, bitString.end),
    };
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    throw new CertificateHashDataError(CertificateHashDataErrorCode.malformedCertificate, `not an X.509 certificate: ${error.message}`);
  }
}

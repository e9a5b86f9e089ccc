import { X509Certificate, createHash } from 'node:crypto';
import { DerError, type Tlv, childrenOf, readTlv } from './der';

/** OCPP CertificateHashDataType (SHA256 over DER, hex). */
export interface CertificateHashData {
  readonly hashAlgorithm: 'SHA256';
  readonly issuerNameHash: string;
  readonly issuerKeyHash: string;
  readonly serialNumber: string;
}

interface TbsParts {
  readonly serial: Buffer;
  readonly issuer: Buffer;
  readonly subject: Buffer;
  /** The subjectPublicKey BIT STRING content without its unused-bits byte. */
  readonly publicKey: Buffer;
}

function tbsParts(der: Buffer): TbsParts {
  const certificate = readTlv(der, 0);
  const [tbs] = childrenOf(der, certificate);
  if (tbs === undefined) throw new DerError('certificate without TBSCertificate');
  const fields = childrenOf(der, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const pick = (index: number): Tlv => {
    const field = fields[offset + index];
    if (field === undefined) throw new DerError('TBSCertificate is missing fields');
    return field;
  };
  const bytes = (tlv: Tlv): Buffer => der.subarray(tlv.start, tlv.end);
  const spki = pick(5);
  const bitString = childrenOf(der, spki)[1];
  if (bitString === undefined) throw new DerError('SubjectPublicKeyInfo without key');
  return {
    serial: der.subarray(pick(0).contentStart, pick(0).end),
    issuer: bytes(pick(2)),
    subject: bytes(pick(4)),
    publicKey: der.subarray(bitString.contentStart + 1, bitString.end),
  };
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Hex without leading zeros, lower case (OCPP: "without the prefix 0x and without leading zeroes"). */
function serialHex(serial: Buffer): string {
  return serial.toString('hex').replace(/^0+(?=.)/, '');
}

/**
 * The OCPP hash data of `certificate`: SHA-256 of its issuer's DER name and of its issuer's public
 * key (RFC 6960 CertID). The issuer key comes from the certificate itself when self-issued, else
 * from `candidates` (a chain or installed CAs); failing both, the issuer name hash stands in.
 * Throws DerError for a certificate whose TBSCertificate cannot be read.
 */
export function hashDataOf(certificate: X509Certificate, candidates: readonly X509Certificate[] = []): CertificateHashData {
  const own = tbsParts(certificate.raw);
  const selfIssued = own.issuer.equals(own.subject);
  const issuer = selfIssued ? own : candidates.map((candidate) => tbsParts(candidate.raw)).find((parts) => parts.subject.equals(own.issuer));
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(own.issuer),
    issuerKeyHash: issuer ? sha256(issuer.publicKey) : sha256(own.issuer),
    serialNumber: serialHex(own.serial),
  };
}

/** Every certificate of a PEM bundle, in order; an unreadable bundle yields an empty list. */
export function certificatesOf(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    return [];
  }
}

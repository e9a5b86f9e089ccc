import { derNull, oid, sequence } from './der-writer';

export type KeyType = 'rsa' | 'ec';
export type DigestName = 'sha256' | 'sha384' | 'sha512';

/**
 * A signature algorithm we verify (on CSRs) and sign with (as a CA): PKCS#1 v1.5 RSA or ECDSA over
 * SHA-2. SHA-1 and RSA-PSS are deliberately absent: SHA-1 is broken for signatures, and PSS's
 * parameter block is something no OCPP station is known to send.
 */
export interface SignatureAlgorithm {
  readonly oid: string;
  readonly name: string;
  readonly keyType: KeyType;
  readonly digest: DigestName;
}

const ALGORITHMS: readonly SignatureAlgorithm[] = [
  { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', keyType: 'rsa', digest: 'sha256' },
  { oid: '1.2.840.113549.1.1.12', name: 'sha384WithRSAEncryption', keyType: 'rsa', digest: 'sha384' },
  { oid: '1.2.840.113549.1.1.13', name: 'sha512WithRSAEncryption', keyType: 'rsa', digest: 'sha512' },
  { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', keyType: 'ec', digest: 'sha256' },
  { oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', keyType: 'ec', digest: 'sha384' },
  { oid: '1.2.840.10045.4.3.4', name: 'ecdsa-with-SHA512', keyType: 'ec', digest: 'sha512' },
];

/** The supported algorithm with this OID, if any. */
export function signatureAlgorithmByOid(oid: string): SignatureAlgorithm | undefined {
  return ALGORITHMS.find((algorithm) => algorithm.oid === oid);
}

/** The supported algorithm for a key type and digest (always defined: the table covers every pair). */
export function signatureAlgorithmFor(keyType: KeyType, digest: DigestName): SignatureAlgorithm {
  const found = ALGORITHMS.find((algorithm) => algorithm.keyType === keyType && algorithm.digest === digest);
  if (!found) throw new RangeError(`no signature algorithm for ${keyType} with ${digest}`);
  return found;
}

/**
 * The DER AlgorithmIdentifier to write into a certificate or CRL signed with `algorithm`: RFC 4055
 * requires explicit NULL parameters for the PKCS#1 algorithms, RFC 5758 requires ECDSA's to be
 * absent; verifiers such as OpenSSL refuse the other way round.
 */
export function algorithmIdentifierOf(algorithm: SignatureAlgorithm): Buffer {
  return algorithm.keyType === 'rsa' ? sequence(oid(algorithm.oid), derNull()) : sequence(oid(algorithm.oid));
}

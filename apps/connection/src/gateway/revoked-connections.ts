import { verify } from 'node:crypto';
import type { ClientCertificateIdentity } from './client-certificate-identity';
import type { CrlEntries } from './crl-entries';

/** Signature algorithms of CRLs we check (RFC 5758, RFC 4055, RFC 8410): OID → digest for `crypto.verify`. */
const DIGEST_OF_ALGORITHM: Record<string, string | null> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.3.101.112': null,
};

/**
 * The CRL that revokes this certificate, if any: issued under the certificate's issuer name, listing
 * its serial, and signed by the issuer's key. The signature matters here: the fetcher does not check
 * it, and a forged CRL must not drop stations (at a handshake OpenSSL checks it).
 */
export function revokingCrl(certificate: ClientCertificateIdentity, crls: readonly CrlEntries[]): CrlEntries | undefined {
  return crls.find((crl) => crl.revokedSerials.has(certificate.serial) && crl.issuer.equals(certificate.issuer) && signedBy(crl, certificate));
}

/** The open connections a set of CRLs revokes, with the CRL that does. */
export function revokedConnections<T extends { readonly clientCertificate: ClientCertificateIdentity | undefined }>(
  connections: Iterable<T>,
  crls: readonly CrlEntries[],
): Array<{ connection: T; crl: CrlEntries }> {
  const revoked: Array<{ connection: T; crl: CrlEntries }> = [];
  for (const connection of connections) {
    const crl = connection.clientCertificate && revokingCrl(connection.clientCertificate, crls);
    if (crl) revoked.push({ connection, crl });
  }
  return revoked;
}

/**
 * Without the issuer's key (Node 24 hands the server no issuer of a chain the station sent, and
 * the sub-CA is not in the trusted bundle) the signature is not checked here: the same CRL file is
 * what OpenSSL checks, signature included, at every handshake, so a forged CRL already fails every
 * station of that CA at its next connection; this check only spares open connections from it.
 */
function signedBy(crl: CrlEntries, certificate: ClientCertificateIdentity): boolean {
  if (certificate.issuerKey === undefined) return true;
  const digest = DIGEST_OF_ALGORITHM[crl.signed.algorithm];
  if (digest === undefined) return false;
  try {
    return verify(digest, crl.signed.tbs, certificate.issuerKey, crl.signed.signature);
  } catch {
    return false;
  }
}

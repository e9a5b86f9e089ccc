import { type KeyObject, X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { tlv } from './crl-document';
import { serialHex } from './crl-entries';
import type { TrustedIssuers } from './trusted-issuers';

/**
 * What a connection keeps of the client certificate it was accepted with, so that a CRL loaded
 * later can still revoke it: the serial and issuer name as a CRL lists them, and the issuer's key
 * (from the chain TLS verified) to check that the CRL is really the issuer's.
 */
export interface ClientCertificateIdentity {
  /** Lowercase hex without leading zeros. */
  readonly serial: string;
  /** The issuer Name as DER. */
  readonly issuer: Buffer;
  /** Undefined when neither TLS nor the trusted bundle gives the issuer (see revoked-connections.ts). */
  readonly issuerKey: KeyObject | undefined;
}

/**
 * From an accepted profile-3 socket; undefined without a certificate. The issuer
 * comes from the chain TLS verified, or else from the trusted CA bundle: Node 24 hands the server
 * no issuer of the chain a station sends (seen with root → sub-CA → station, the sub-CA sent by
 * the station), and Node 20 does.
 */
export function clientCertificateIdentityOf(socket: TLSSocket, trusted: TrustedIssuers): ClientCertificateIdentity | undefined {
  const peer = socket.getPeerCertificate(true);
  if (!peer?.raw) return undefined;
  const issuer = peer.issuerCertificate?.raw ? new X509Certificate(peer.issuerCertificate.raw) : trusted.issuerOf(new X509Certificate(peer.raw));
  return { ...serialAndIssuerOf(peer.raw), issuerKey: issuer?.publicKey };
}

/** Certificate → TBSCertificate → [0] version, serialNumber, signature, issuer (RFC 5280 §4.1). */
export function serialAndIssuerOf(certificate: Buffer): { serial: string; issuer: Buffer } {
  const outer = tlv(certificate, 0, 0x30, 'Certificate');
  let at = tlv(certificate, outer.start, 0x30, 'TBSCertificate').start;
  if (certificate[at] === 0xa0) at = tlv(certificate, at, 0xa0, 'version').end;
  const serial = tlv(certificate, at, 0x02, 'serialNumber');
  const issuerAt = tlv(certificate, serial.end, 0x30, 'signature').end;
  const issuer = tlv(certificate, issuerAt, 0x30, 'issuer');
  return { serial: serialHex(certificate.subarray(serial.start, serial.end)), issuer: certificate.subarray(issuerAt, issuer.end) };
}

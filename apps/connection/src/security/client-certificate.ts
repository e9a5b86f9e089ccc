import type { TLSSocket } from 'node:tls';

export type CertificateCheck = 'absent' | 'valid' | { invalid: string };

/**
 * Checks the client certificate of a TLS connection for security profile 3.
 * The TLS layer already verified the chain against the CA bundle, the
 * validity period and the CRL (its verdict is `authorized`); here we add the
 * OCPP certificate properties: O is the operator's organisation and CN the
 * serial number registered for the station id in the URL.
 */
export function checkClientCertificate(socket: TLSSocket, organization: string | undefined, serialNumber: string | null): CertificateCheck {
  const certificate = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0) return 'absent';
  if (!socket.authorized) return { invalid: untrustedReason(String(socket.authorizationError)) };
  const subjectO = single(certificate.subject.O);
  const subjectCN = single(certificate.subject.CN);
  if (!organization || subjectO !== organization) return { invalid: `certificate O "${subjectO ?? ''}" is not the operator organisation` };
  if (!serialNumber) return { invalid: 'no serial number is registered for this station' };
  if (subjectCN !== serialNumber) return { invalid: `certificate CN "${subjectCN ?? ''}" is not the station serial number` };
  return 'valid';
}

/** OpenSSL's verdicts a security team acts on, in words; the code stays for searching logs. */
const UNTRUSTED_REASONS: Record<string, string> = {
  CERT_REVOKED: 'certificate revoked (listed on its CA\'s CRL)',
  CERT_HAS_EXPIRED: 'certificate expired',
  UNABLE_TO_GET_CRL: 'no CRL of a CA in the chain is loaded, so revocation cannot be checked',
  CRL_HAS_EXPIRED: 'the CRL of a CA in the chain has expired, so revocation cannot be checked',
};

function untrustedReason(code: string): string {
  const reason = UNTRUSTED_REASONS[code];
  return reason ? `${reason}: ${code}` : `certificate not trusted: ${code}`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

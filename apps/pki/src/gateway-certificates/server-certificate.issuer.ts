import type { CertificateAuthority } from '../authorities/certificate-authority';
import { randomSerialNumber, signCertificate } from '../authorities/certificate-builder';
import { BACKDATE_MS } from '../authorities/validity-period';
import { distinguishedName } from '../x509/distinguished-name';
import { toPem } from '../x509/pem';
import { serverExtensions } from './server-certificate-profile';
import type { AcceptedServerCsr } from './server-csr-policy';

export interface ServerCertificate {
  readonly der: Buffer;
  readonly serialNumber: string;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly certificatePem: string;
  /** Leaf, then the issuing sub-CA: what the gateway serves. */
  readonly chainPem: string;
}

/**
 * The gateway's server certificate for an accepted CSR: subject CN = the first name (O = the
 * operator's, when configured), the names in subjectAltName, backdated like station certificates
 * (a station with a drifting clock must not see a "not yet valid" server), never beyond the CA.
 */
export async function issueServerCertificate(
  csr: AcceptedServerCsr,
  ca: CertificateAuthority,
  options: { validityMs: number; organization?: string; now?: Date },
): Promise<ServerCertificate> {
  const now = options.now ?? new Date();
  const serialNumber = randomSerialNumber();
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(Math.min(now.getTime() + options.validityMs, ca.notAfter.getTime()));
  const commonName = (csr.names[0] as { value: string }).value;
  const der = await signCertificate(
    {
      serialNumber,
      issuer: ca.subject,
      subject: distinguishedName({ commonName, organization: options.organization }),
      notBefore,
      notAfter,
      subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
      extensions: serverExtensions({
        subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
        keyType: csr.publicKey.type,
        names: csr.names,
        issuerKeyIdentifier: ca.keyIdentifier,
        issuerExtensions: ca.revocationExtensions,
      }),
    },
    ca.signer,
  );
  const certificatePem = toPem('CERTIFICATE', der);
  return { der, serialNumber: serialNumber.toString('hex'), commonName, notBefore, notAfter, certificatePem, chainPem: certificatePem + toPem('CERTIFICATE', ca.certificate) };
}

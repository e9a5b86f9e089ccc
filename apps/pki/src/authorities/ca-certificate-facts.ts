import { X509Certificate } from 'node:crypto';

/** What the registry stores and shows of a CA certificate, read once when it is created or imported. */
export interface CaCertificateFacts {
  readonly subject: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
}

/** Facts of a DER or PEM certificate; undefined when node cannot read it as X.509. */
export function caCertificateFactsOf(certificate: Buffer | string): CaCertificateFacts | undefined {
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(certificate);
  } catch {
    return undefined;
  }
  return {
    // node separates RDNs with newlines; one line reads better in lists and logs.
    subject: parsed.subject.split('\n').join(', '),
    serialNumber: parsed.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    notBefore: new Date(parsed.validFrom),
    notAfter: new Date(parsed.validTo),
    isCa: parsed.ca,
  };
}

import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of the CA bundle client certificates must chain to (OCPP_TLS_CA_FILE), read
 * again when the file changes. A client certificate's issuer is looked up here when the TLS layer
 * does not hand it over, as Node 24 does not for the chain a station sends (Node 20 did).
 */
export class TrustedIssuers {
  private loaded: { mtimeMs: number; certificates: X509Certificate[] } | undefined;

  constructor(private readonly caFile: string | undefined) {}

  /** The bundle's certificate that issued `certificate` (name and signature), if any. */
  issuerOf(certificate: X509Certificate): X509Certificate | undefined {
    return this.certificates().find((candidate) => certificate.checkIssued(candidate) && certificate.verify(candidate.publicKey));
  }

  private certificates(): X509Certificate[] {
    if (this.caFile === undefined) return [];
    const { mtimeMs } = statSync(this.caFile);
    if (this.loaded?.mtimeMs !== mtimeMs) {
      const pem = readFileSync(this.caFile, 'utf8');
      this.loaded = { mtimeMs, certificates: (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block)) };
    }
    return this.loaded.certificates;
  }
}

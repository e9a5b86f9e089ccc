import type { CertificateAuthority } from '../authorities/certificate-authority';
import { randomSerialNumber, signCertificate } from '../authorities/certificate-builder';
import { stationExtensions } from '../authorities/certificate-profiles';
import { validityPeriod } from '../authorities/validity-period';
import { distinguishedName } from '../x509/distinguished-name';
import { toPem } from '../x509/pem';
import type { AcceptedCsr } from './csr-policy';

/** OCPP sizes CertificateSignedRequest.certificateChain at 10,000 characters. */
export const MAX_CHAIN_CHARACTERS = 10_000;

export interface StationCertificateOptions {
  readonly validityDays: number;
  readonly now?: Date;
}

/** A certificate issued to a station, with the chain OCPP's CertificateSigned carries. */
export interface IssuedStationCertificate {
  readonly der: Buffer;
  /** Serial as lower-case hex without leading zeroes (the form certificateHashData uses). */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Leaf first, then the issuing CA (OCPP: "starting from the leaf"); the root is not sent. */
  readonly chainPem: string;
}

export class ChainTooLongError extends Error {
  constructor(readonly characters: number) {
    super(`the certificate chain is ${characters} characters; OCPP allows at most ${MAX_CHAIN_CHARACTERS}`);
    this.name = 'ChainTooLongError';
  }
}

/**
 * Issues the station certificate for a CSR the policy accepted. The certificate is built from the
 * accepted facts only (CN, O, key); nothing else of the CSR reaches it, so requested extensions
 * cannot. Throws ChainTooLongError when the chain would not fit the OCPP field.
 */
export async function issueStationCertificate(csr: AcceptedCsr, ca: CertificateAuthority, options: StationCertificateOptions): Promise<IssuedStationCertificate> {
  const serialNumber = randomSerialNumber();
  const validity = validityPeriod(options.now ?? new Date(), options.validityDays, ca.notAfter);
  const der = await signCertificate(
    {
      serialNumber,
      issuer: ca.subject,
      subject: distinguishedName({ commonName: csr.commonName, organization: csr.organization }),
      ...validity,
      subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
      extensions: stationExtensions({
        subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
        keyType: csr.publicKey.type,
        issuerKeyIdentifier: ca.keyIdentifier,
        issuerExtensions: ca.revocationExtensions,
      }),
    },
    ca.signer,
  );
  const chainPem = toPem('CERTIFICATE', der) + toPem('CERTIFICATE', ca.certificate);
  if (chainPem.length > MAX_CHAIN_CHARACTERS) throw new ChainTooLongError(chainPem.length);
  return { der, serialNumber: serialNumber.toString('hex'), ...validity, chainPem };
}

import { Injectable } from '@nestjs/common';

/** A certificate one of our CAs issued, as far as revocation needs to know it. */
export interface IssuedCertificateRef {
  readonly issuerId: string;
  /** Lower-case hex without leading zeroes. */
  readonly serialNumber: string;
  readonly notAfter: Date;
}

/**
 * Which certificates our CAs issued: revocation refuses serials nobody issued, and OCSP answers
 * "unknown" for them. The issued-certificate repository implements it once it exists; until then
 * RecordedIssuedCertificates holds the certificates recorded with it.
 */
export interface IssuedCertificates {
  /** The certificates with this serial, of CA `issuerId` only when given (serials are random, so normally one). */
  withSerial(serialNumber: string, issuerId?: string): Promise<IssuedCertificateRef[]>;
}

/** Injection token of the IssuedCertificates the revocation module uses. */
export const ISSUED_CERTIFICATES = Symbol('ISSUED_CERTIFICATES');

/** Issued certificates recorded with this process, in memory: the stand-in until the issued-certificate repository. */
@Injectable()
export class RecordedIssuedCertificates implements IssuedCertificates {
  private readonly bySerial = new Map<string, IssuedCertificateRef[]>();

  record(certificate: IssuedCertificateRef): void {
    const refs = this.bySerial.get(certificate.serialNumber) ?? [];
    this.bySerial.set(certificate.serialNumber, [...refs.filter((ref) => ref.issuerId !== certificate.issuerId), certificate]);
  }

  withSerial(serialNumber: string, issuerId?: string): Promise<IssuedCertificateRef[]> {
    const refs = this.bySerial.get(serialNumber) ?? [];
    return Promise.resolve(issuerId === undefined ? refs : refs.filter((ref) => ref.issuerId === issuerId));
  }
}

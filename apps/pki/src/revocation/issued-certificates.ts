import { Injectable } from '@nestjs/common';
import { IssuedCertificateRepository } from '../inventory/issued-certificate.repository';

/** A certificate one of our CAs issued, as far as revocation needs to know it. */
export interface IssuedCertificateRef {
  readonly issuerId: string;
  /** Lower-case hex without leading zeroes. */
  readonly serialNumber: string;
  readonly notAfter: Date;
}

/**
 * Which certificates our CAs issued: revocation refuses serials nobody issued, and OCSP answers
 * "unknown" for them.
 */
export interface IssuedCertificates {
  /** The certificates with this serial, of CA `issuerId` only when given (serials are random, so normally one). */
  withSerial(serialNumber: string, issuerId?: string): Promise<IssuedCertificateRef[]>;
}

/** Injection token of the IssuedCertificates the revocation module uses. */
export const ISSUED_CERTIFICATES = Symbol('ISSUED_CERTIFICATES');

/** The inventory's certificates; it keys them by serial (lower-case hex, no leading zeroes, as here), so there is at most one. */
@Injectable()
export class InventoryIssuedCertificates implements IssuedCertificates {
  constructor(private readonly inventory: IssuedCertificateRepository) {}

  async withSerial(serialNumber: string, issuerId?: string): Promise<IssuedCertificateRef[]> {
    const certificate = await this.inventory.find(serialNumber);
    if (!certificate || (issuerId !== undefined && certificate.issuerCaId !== issuerId)) return [];
    return [{ issuerId: certificate.issuerCaId, serialNumber: certificate.serialNumber, notAfter: certificate.notAfter }];
  }
}

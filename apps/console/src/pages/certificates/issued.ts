import type { IssuedCertificate, Revocation, RevocationReason } from './types';

/** How a revocation and an issued certificate meet: the issuing CA and the serial (lower-case hex, no leading zeroes). */
export function revocationKey(caId: string, serialNumber: string): string {
  return `${caId}/${serialNumber.toLowerCase().replace(/^0+(?=.)/, '')}`;
}

export function revocationsByKey(revocations: readonly Revocation[]): Map<string, Revocation> {
  return new Map(revocations.map((revocation) => [revocationKey(revocation.caId, revocation.serialNumber), revocation]));
}

export type IssuedStatus = 'revoked' | 'expired' | 'notYetValid' | 'valid';

/** The API lists issued certificates without a status: revoked (from the revocations) outranks expired. */
export function issuedStatusOf(certificate: IssuedCertificate, revoked: ReadonlyMap<string, Revocation>, now: number = Date.now()): IssuedStatus {
  if (revoked.has(revocationKey(certificate.issuerCaId, certificate.serialNumber))) return 'revoked';
  if (Date.parse(certificate.notAfter) <= now) return 'expired';
  if (Date.parse(certificate.notBefore) > now) return 'notYetValid';
  return 'valid';
}

export const statusLabels: Readonly<Record<IssuedStatus, string>> = { revoked: 'Revoked', expired: 'Expired', notYetValid: 'Not yet valid', valid: 'Valid' };
export const statusColors: Readonly<Record<IssuedStatus, string>> = { revoked: 'red', expired: 'gray', notYetValid: 'yellow', valid: 'green' };

/** What each RFC 5280 reason means, in the words an operator picks it by. */
export const reasonLabels: Readonly<Record<RevocationReason, string>> = {
  unspecified: 'Unspecified',
  keyCompromise: 'Key compromise (the station key leaked)',
  cACompromise: 'CA compromise',
  affiliationChanged: 'Affiliation changed (the station changed owner)',
  superseded: 'Superseded (a new certificate replaces it)',
  cessationOfOperation: 'Cessation of operation (the station is retired)',
  privilegeWithdrawn: 'Privilege withdrawn',
};

/** `expiringWithinDays` choices of the filter; '' is no filter. */
export const EXPIRY_FILTERS = [
  { value: '', label: 'Any expiry' },
  { value: '7', label: 'Within 7 days' },
  { value: '30', label: 'Within 30 days' },
  { value: '60', label: 'Within 60 days' },
  { value: '90', label: 'Within 90 days' },
] as const;

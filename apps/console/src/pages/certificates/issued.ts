import type { IssuedCertificate, RevocationReason } from './types';

export type IssuedStatus = 'revoked' | 'expired' | 'notYetValid' | 'valid';

/** The API says whether it is revoked (which outranks expired); the validity dates say the rest. */
export function issuedStatusOf(certificate: IssuedCertificate, now: number = Date.now()): IssuedStatus {
  if (certificate.revocation) return 'revoked';
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

/** `revoked` choices of the filter; '' is no filter. */
export const REVOCATION_FILTERS = [
  { value: '', label: 'Revoked or not' },
  { value: 'true', label: 'Revoked' },
  { value: 'false', label: 'Not revoked' },
] as const;

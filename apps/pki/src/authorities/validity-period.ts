import { CertificateAuthorityError, CertificateAuthorityErrorCode } from './certificate-authority';

const DAY_MS = 24 * 3600 * 1000;
/**
 * Certificates start an hour in the past: stations often run with a drifting clock before their
 * first NTP sync, and a certificate "not yet valid" to them locks them out of profile 3.
 */
export const BACKDATE_MS = 3600 * 1000;

/** notBefore/notAfter for `validityDays` from `now`, never beyond the issuer's own notAfter. */
export function validityPeriod(now: Date, validityDays: number, issuerNotAfter?: Date): { notBefore: Date; notAfter: Date } {
  if (!Number.isInteger(validityDays) || validityDays < 1) {
    throw new CertificateAuthorityError(CertificateAuthorityErrorCode.invalidValidity, `validity must be a whole number of days ≥ 1, not ${validityDays}`);
  }
  if (issuerNotAfter && issuerNotAfter.getTime() <= now.getTime()) {
    throw new CertificateAuthorityError(CertificateAuthorityErrorCode.issuerNotValid, `the issuing CA expired at ${issuerNotAfter.toISOString()}`);
  }
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const wanted = now.getTime() + validityDays * DAY_MS;
  // A certificate that outlives its issuer fails path validation the moment the issuer expires.
  const notAfter = new Date(issuerNotAfter ? Math.min(wanted, issuerNotAfter.getTime()) : wanted);
  return { notBefore, notAfter };
}

/**
 * RFC 5280 §5.3.1 CRLReason codes, by the names the RFC gives them. Code 7 is unused in the RFC.
 */
export const CRL_REASON_CODES = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type CrlReason = keyof typeof CRL_REASON_CODES;

/**
 * The reasons an operator may revoke with. Left out: certificateHold (a hold is lifted again, and
 * revocation here is final), removeFromCRL (only meaningful in delta CRLs, which we do not issue)
 * and aACompromise (attribute certificates, which we do not issue).
 */
export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
] as const satisfies readonly CrlReason[];

export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export function reasonCodeOf(reason: RevocationReason): number {
  return CRL_REASON_CODES[reason];
}

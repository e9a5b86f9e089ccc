import type { OidcConfig } from '@app/config';
import { type JWTVerifyGetKey, errors, jwtVerify } from 'jose';
import type { ApiPrincipal } from '../api-token';
import { BearerRefused, BearerRefusalCode } from '../bearer-refusal';
import { principalOfClaims } from './oidc-claims';

function claimRefusal(claim: string, reason: string): BearerRefused {
  switch (claim) {
    case 'iss':
      return new BearerRefused(BearerRefusalCode.wrongIssuer, 'the token was issued by another issuer');
    case 'aud':
      return new BearerRefused(BearerRefusalCode.wrongAudience, 'the token is not meant for this API (audience)');
    case 'nbf':
      return new BearerRefused(BearerRefusalCode.notYetValid, 'the token is not valid yet (nbf)');
    default:
      return new BearerRefused(BearerRefusalCode.malformed, reason === 'missing' ? `the token carries no ${claim} claim` : `the token's ${claim} claim is not valid`);
  }
}

/** What jose's verdict means for the caller; anything unexpected is a malformed token, never a pass. */
export function refusalOf(error: unknown): BearerRefused {
  if (error instanceof BearerRefused) return error;
  if (error instanceof errors.JWTExpired) return new BearerRefused(BearerRefusalCode.expired, 'the token expired');
  if (error instanceof errors.JWTClaimValidationFailed) return claimRefusal(error.claim, error.reason);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new BearerRefused(BearerRefusalCode.badSignature, 'the token signature does not verify');
  if (error instanceof errors.JWKSNoMatchingKey) return new BearerRefused(BearerRefusalCode.unknownKey, 'the token is signed with a key the issuer does not publish');
  if (error instanceof errors.JOSEAlgNotAllowed) return new BearerRefused(BearerRefusalCode.disallowedAlgorithm, 'the token algorithm is not allowed');
  return new BearerRefused(BearerRefusalCode.malformed, 'the token is not a well-formed signed JWT');
}

/**
 * Verifies an OIDC access token (signature with the issuer's published keys, allowed algorithm,
 * issuer, audience, exp/nbf with clock tolerance; `exp` required) and maps its claims to the caller.
 */
export class JwtVerifier {
  constructor(
    private readonly config: Pick<OidcConfig, 'issuer' | 'audience' | 'algorithms' | 'clockToleranceSeconds' | 'claims'>,
    private readonly keyFor: JWTVerifyGetKey,
  ) {}

  async verify(token: string, now: Date = new Date()): Promise<ApiPrincipal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keyFor, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp'],
        currentDate: now,
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    const mapped = principalOfClaims(payload, this.config.claims);
    if ('unusable' in mapped) throw new BearerRefused(BearerRefusalCode.unusableClaims, mapped.unusable);
    // jose required a numeric exp above; it is in seconds since the epoch.
    return typeof payload.exp === 'number' ? { ...mapped.principal, expiresAt: new Date(payload.exp * 1000) } : mapped.principal;
  }
}

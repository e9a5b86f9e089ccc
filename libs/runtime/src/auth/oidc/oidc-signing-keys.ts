import type { OidcConfig } from '@app/config';
import { type JWTVerifyGetKey, createRemoteJWKSet, errors } from 'jose';
import { BearerRefused, BearerRefusalCode } from '../bearer-refusal';

/** How long one discovery or JWKS request may take. */
const FETCH_TIMEOUT_MS = 5000;
/** Keys are fetched again after this long even without an unknown kid, so that a withdrawn key stops working. */
const KEYS_MAX_AGE_MS = 10 * 60_000;

export type FetchJson = (url: string) => Promise<unknown>;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function unavailable(what: string): BearerRefused {
  return new BearerRefused(BearerRefusalCode.keysUnavailable, `the identity provider's ${what} could not be fetched; try again later`);
}

/**
 * The issuer's signing keys: the JWKS named by OIDC_JWKS_URL or found through
 * `<issuer>/.well-known/openid-configuration` (whose `issuer` must be ours), fetched at the first
 * token, not at start-up, so that a service starts while the provider is down. jose's remote key
 * set caches the keys and fetches them again for an unknown `kid` (key rotation), at most once per
 * OIDC_JWKS_COOLDOWN_SECONDS. A failed discovery is retried no sooner than that either.
 */
export class OidcSigningKeys {
  private keySet: JWTVerifyGetKey | undefined;
  private discovery: Promise<string> | undefined;
  private lastDiscoveryFailureAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: Pick<OidcConfig, 'issuer' | 'jwksUrl' | 'jwksCooldownMs'>,
    private readonly get: FetchJson = fetchJson,
  ) {}

  /** The key a token's header asks for; BearerRefused `keys-unavailable` when the provider cannot be reached. */
  readonly keyFor: JWTVerifyGetKey = async (header, token) => {
    const keys = await this.keys();
    try {
      return await keys(header, token);
    } catch (error) {
      // No key for this kid, or several (jose then tries each): verdicts on the token, passed on.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw unavailable('signing keys');
    }
  };

  private async keys(): Promise<JWTVerifyGetKey> {
    if (this.keySet !== undefined) return this.keySet;
    const url = this.config.jwksUrl ?? (await this.discoveredJwksUrl());
    this.keySet ??= createRemoteJWKSet(new URL(url), { cooldownDuration: this.config.jwksCooldownMs, cacheMaxAge: KEYS_MAX_AGE_MS, timeoutDuration: FETCH_TIMEOUT_MS });
    return this.keySet;
  }

  private discoveredJwksUrl(): Promise<string> {
    if (this.discovery !== undefined) return this.discovery;
    if (Date.now() - this.lastDiscoveryFailureAt < this.config.jwksCooldownMs) return Promise.reject(unavailable('discovery document'));
    this.discovery = this.discover().catch((error: unknown) => {
      this.discovery = undefined;
      this.lastDiscoveryFailureAt = Date.now();
      throw error;
    });
    return this.discovery;
  }

  private async discover(): Promise<string> {
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      document = await this.get(url);
    } catch {
      throw unavailable('discovery document');
    }
    const issuer: unknown = typeof document === 'object' && document !== null ? Reflect.get(document, 'issuer') : undefined;
    const jwksUri: unknown = typeof document === 'object' && document !== null ? Reflect.get(document, 'jwks_uri') : undefined;
    // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
    if (issuer !== this.config.issuer || typeof jwksUri !== 'string' || !URL.canParse(jwksUri) || !/^https?:$/.test(new URL(jwksUri).protocol)) {
      throw unavailable('discovery document (it names another issuer or no http(s) jwks_uri)');
    }
    return jwksUri;
  }
}

import type { OidcClaimsConfig } from '@app/config';
import { GRID_OPERATOR, type TokenRole, tokenRoles } from '../api-role';
import type { ApiPrincipal } from '../api-token';
import { SITE_ID_PATTERN } from '../site-grants';
import { TENANT_ID_PATTERN } from '../tenant';

/** Prefixed to the name claim, so that an identity provider's user can never pass for an API token of the same name in logs and audit. */
export const OIDC_NAME_PREFIX = 'oidc:';

const MAX_NAME_LENGTH = 256;

/**
 * The value at a claim path: the claim of that exact name first (URL-like names contain dots),
 * else the dotted path through nested objects (`realm_access.roles`).
 */
export function claimAt(payload: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A list claim: a JSON array of strings, or one string of space- or comma-separated values (scope style). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function isTokenRole(value: string): value is TokenRole {
  return (tokenRoles as readonly string[]).includes(value);
}

/** The caller a verified token names, or why its claims cannot name one. */
export type ClaimMapping = { principal: ApiPrincipal } | { unusable: string };

/**
 * Maps the claims of a verified access token to the caller: roles the CSMS knows (others, such as
 * an identity provider's default roles, are ignored; none at all means 403 everywhere), the sites of
 * a grid-operator, the tenant when a tenant claim is configured (then required: a token missing it
 * must not see every tenant), and the name.
 */
export function principalOfClaims(payload: Readonly<Record<string, unknown>>, claims: OidcClaimsConfig): ClaimMapping {
  const name = claimAt(payload, claims.name);
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return { unusable: `the token carries no usable ${claims.name} claim (a string of 1-${MAX_NAME_LENGTH} characters)` };
  }
  const roles = [...new Set(stringsOf(claimAt(payload, claims.roles)).filter(isTokenRole))];
  const sites = roles.includes(GRID_OPERATOR) ? [...new Set(stringsOf(claimAt(payload, claims.sites)).filter((site) => SITE_ID_PATTERN.test(site)))] : undefined;
  let tenant: string | undefined;
  if (claims.tenant !== undefined) {
    const value = claimAt(payload, claims.tenant);
    if (typeof value !== 'string' || !TENANT_ID_PATTERN.test(value)) return { unusable: `the token carries no valid ${claims.tenant} claim (the tenant)` };
    tenant = value;
  }
  return {
    principal: {
      name: `${OIDC_NAME_PREFIX}${name}`,
      roles,
      ...(sites === undefined ? {} : { sites }),
      ...(tenant === undefined ? {} : { tenant }),
      credential: 'oidc',
    },
  };
}

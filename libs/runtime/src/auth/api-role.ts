/**
 * Roles of the REST APIs (`docs/adr/036-oidc-and-role-matrix.md`):
 * - viewer: reads everything except credentials and personal data;
 * - operator: also sends commands to stations, accepts pending stations, manages id tokens and
 *   site topologies, and writes `operator` limits;
 * - security-officer: also runs the PKI (CAs, revocation, inventories, root distribution, profile
 *   upgrades) and rotates station passwords; sends no other station command;
 * - admin: everything, incl. station registration and security-sensitive raw commands.
 * Operator and security-officer are side by side, not ranked: neither includes the other.
 */
export const apiRoles = ['viewer', 'operator', 'security-officer', 'admin'] as const;

/** What an endpoint requires (at least). */
export type ApiRole = (typeof apiRoles)[number];

/**
 * A role outside the matrix: a grid operator's token may read and write the limits of the sites
 * granted to it (`sites` in the token file), and nothing else in any service.
 */
export const GRID_OPERATOR = 'grid-operator';

/**
 * What a route may require instead of a role: any valid token, whatever its roles (grid-operator
 * included). Only for routes that tell callers about themselves (`GET /api/me`).
 */
export const ANY_ROLE = 'any';

/** What `@RequireRole` / `@RequireAnyRole` declared on a route. */
export type RouteAccessRole = ApiRole | typeof ANY_ROLE;

/** Every role a token may hold. */
export const tokenRoles = [...apiRoles, GRID_OPERATOR] as const;

export type TokenRole = (typeof tokenRoles)[number];

/** For each role an endpoint may require, the held roles that satisfy it. */
const admittedBy: Readonly<Record<ApiRole, readonly ApiRole[]>> = {
  viewer: ['viewer', 'operator', 'security-officer', 'admin'],
  operator: ['operator', 'admin'],
  'security-officer': ['security-officer', 'admin'],
  admin: ['admin'],
};

/** The roles that may call an endpoint requiring `required` (grid-operator aside), most common first. */
export function rolesAdmitted(required: ApiRole): readonly ApiRole[] {
  return admittedBy[required];
}

/** Whether a token holding `held` may call an endpoint that requires `required`; grid-operator never counts here. */
export function grants(held: readonly TokenRole[], required: ApiRole): boolean {
  const admitted: readonly TokenRole[] = admittedBy[required];
  return held.some((role) => admitted.includes(role));
}

/**
 * Ranked roles of the REST APIs, each including the ones before it:
 * - viewer: reads everything except credentials;
 * - operator: also sends commands to stations, accepts pending stations, manages id tokens and
 *   site topologies, and writes `operator` limits;
 * - admin: also registers stations and sets their credentials, and may write `grid-operator` limits.
 */
export const apiRoles = ['viewer', 'operator', 'admin'] as const;

/** What an endpoint requires (at least). */
export type ApiRole = (typeof apiRoles)[number];

/**
 * A role outside the ranking: a grid operator's token may read and write the limits of the sites
 * granted to it (`sites` in the token file), and nothing else in any service.
 */
export const GRID_OPERATOR = 'grid-operator';

/** Every role a token may hold. */
export const tokenRoles = [...apiRoles, GRID_OPERATOR] as const;

export type TokenRole = (typeof tokenRoles)[number];

const rank: Readonly<Record<ApiRole, number>> = { viewer: 1, operator: 2, admin: 3 };

function isRanked(role: TokenRole): role is ApiRole {
  return role !== GRID_OPERATOR;
}

/** Whether a token holding `held` may call an endpoint that requires `required`; grid-operator never counts here. */
export function grants(held: readonly TokenRole[], required: ApiRole): boolean {
  return held.some((role) => isRanked(role) && rank[role] >= rank[required]);
}

/**
 * Roles of the REST APIs, each including the ones before it:
 * - viewer: reads everything except credentials;
 * - operator: also sends commands to stations, accepts pending stations and manages id tokens;
 * - admin: also registers stations and sets their credentials.
 */
export const apiRoles = ['viewer', 'operator', 'admin'] as const;

export type ApiRole = (typeof apiRoles)[number];

const rank: Readonly<Record<ApiRole, number>> = { viewer: 1, operator: 2, admin: 3 };

/** Whether a token holding `held` may call an endpoint that requires `required`. */
export function grants(held: readonly ApiRole[], required: ApiRole): boolean {
  return held.some((role) => rank[role] >= rank[required]);
}

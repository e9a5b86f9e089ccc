/**
 * What the signed-in caller may do, mirrored from the APIs' role matrix (README "Operator REST API", ADR 036) so the
 * console shows only the controls that would succeed. The APIs still decide: a control shown by mistake gets a 403.
 */
export type Role = 'viewer' | 'operator' | 'security-officer' | 'admin' | 'grid-operator';

/** `GET /api/me`: who the bearer token belongs to. */
export interface Caller {
  name: string;
  roles: Role[];
  tenant: string | null;
  sites: string[];
  authenticatedBy: 'api-token' | 'oidc';
  expiresAt: string | null;
}

const has = (caller: Caller, ...roles: Role[]) => caller.roles.some((role) => roles.includes(role));

/** Sections of the console, each shown only to the roles that may read it. */
export type Section = 'stations' | 'sites' | 'certificates';

export const capabilities = {
  /** Every role but grid-operator reads stations, transactions and certificates. */
  reads: (caller: Caller) => has(caller, 'viewer', 'operator', 'security-officer', 'admin'),
  seesSection(caller: Caller, section: Section): boolean {
    return section === 'sites' ? capabilities.reads(caller) || has(caller, 'grid-operator') : capabilities.reads(caller);
  },
  sendsCommands: (caller: Caller) => has(caller, 'operator', 'admin'),
  acceptsStations: (caller: Caller) => has(caller, 'operator', 'admin'),
  runsPki: (caller: Caller) => has(caller, 'security-officer', 'admin'),
  /** Limits are written per source: operators write `operator`, grid operators `grid-operator` of their granted sites, admins any. */
  editsLimit(caller: Caller, siteId: string, source: string): boolean {
    if (has(caller, 'admin')) return true;
    if (source === 'operator') return has(caller, 'operator');
    if (source === 'grid-operator') return has(caller, 'grid-operator') && caller.sites.includes(siteId);
    return false;
  },
};

/** The section a caller lands on after signing in. */
export function homeSection(caller: Caller): Section | undefined {
  return (['stations', 'sites', 'certificates'] as const).find((section) => capabilities.seesSection(caller, section));
}

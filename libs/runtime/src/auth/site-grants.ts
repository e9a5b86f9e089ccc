import { GRID_OPERATOR } from './api-role';
import type { ApiPrincipal } from './api-token';

/** The site ids a token may be granted: the topology's site id rule. */
export const SITE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Whether the token holds the grid-operator role and was granted `siteId` (`sites` in the token file). */
export function siteGranted(principal: Pick<ApiPrincipal, 'roles' | 'sites'>, siteId: string | undefined): boolean {
  if (siteId === undefined || !principal.roles.includes(GRID_OPERATOR)) return false;
  return (principal.sites ?? []).includes(siteId);
}

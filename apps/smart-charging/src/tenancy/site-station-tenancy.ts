import type { FieldError } from '@app/runtime';

/** A station a node names, and the request field that names it. */
export interface NamedStation {
  stationId: string;
  field: string;
}

/**
 * The named stations a site of a tenant may not hold: every one the tenant does not hold, be it
 * another tenant's, unassigned or unknown. All get the same words, so that the answer does not
 * tell a tenant whether a station id exists elsewhere (docs/adr/037-tenant-scoping.md).
 */
export function stationsOutsideTenant(named: readonly NamedStation[], tenantStations: ReadonlySet<string>): FieldError[] {
  return named.filter(({ stationId }) => !tenantStations.has(stationId)).map(({ stationId, field }) => ({ field, message: `station ${stationId} is not registered in the site's tenant` }));
}

/** The stations of a plan that may get profiles: a site without a tenant, all; else only those its tenant holds now. */
export function dispatchableStations<T extends { stationId: string }>(wishes: readonly T[], tenantStations: ReadonlySet<string> | undefined): { allowed: T[]; withheld: string[] } {
  if (tenantStations === undefined) return { allowed: [...wishes], withheld: [] };
  const allowed = wishes.filter((wish) => tenantStations.has(wish.stationId));
  return { allowed, withheld: wishes.filter((wish) => !tenantStations.has(wish.stationId)).map((wish) => wish.stationId) };
}

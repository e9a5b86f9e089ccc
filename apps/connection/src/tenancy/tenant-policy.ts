import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/** Objects of the operator API that belong to a station, found by their own id. */
export type OwnedObject = 'reservation' | 'command';

/**
 * How a route of the operator API keeps a principal confined to a tenant to its own tenant's
 * stations (docs/adr/037-tenant-scoping.md):
 * - `station`: a path parameter names a station; another tenant's (or an unknown) station answers 404.
 *   `mayCreate`: an unknown station passes (the route registers it, stamping the caller's tenant).
 * - `body-stations`: a body field holds a station id or a list of them; each is checked as above.
 * - `owned`: a path parameter names an object of a station (a reservation, a command); the object
 *   answers 404 unless its station is the tenant's.
 * - `filtered`: the handler passes the caller's tenant to its query (lists, transactions by id).
 * - `untenanted`: the route serves every tenant (id tokens, assigning tenants): tenant-confined
 *   principals are refused with 403.
 */
export type TenantPolicy =
  | { kind: 'station'; param: string; mayCreate: boolean }
  | { kind: 'body-stations'; field: string }
  | { kind: 'owned'; owner: OwnedObject; param: string }
  | { kind: 'filtered' }
  | { kind: 'untenanted' };

export const TENANT_POLICY = 'csms:connection-tenant-policy';

/** Routes under /stations/{id}: the station in the path is the object, so the policy needs no declaration. */
const STATION_ROUTE = /^\/stations\/:id(\/|$)/;

const STATION_PARAM_POLICY: TenantPolicy = { kind: 'station', param: 'id', mayCreate: false };

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/** `GET /stations/:id`: the method and path of a handler, under the global /api prefix. */
export function routeOf(controller: Type<unknown>, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  return `${method} ${join(String(Reflect.getMetadata(PATH_METADATA, controller) ?? ''), String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''))}`;
}

/**
 * The policy of a route: what `@TenantScoped` declared, else `station` by `id` for every route
 * under /stations/{id}, else none (then tenant-confined principals are refused: fails closed).
 */
export function tenantPolicyOf(controller: Type<unknown>, handler: object): TenantPolicy | undefined {
  const declared = Reflect.getMetadata(TENANT_POLICY, handler) as TenantPolicy | undefined;
  if (declared !== undefined) return declared;
  const path = routeOf(controller, handler).split(' ')[1] ?? '';
  return STATION_ROUTE.test(path) ? STATION_PARAM_POLICY : undefined;
}

/** What a station's registry row says about its tenant: `absent` when the station is not registered. */
export type StationTenancy = 'absent' | { tenant: string | null };

/** Whether a principal confined to `tenant` may see a station: only its own tenant's, never an unassigned one. */
export function stationVisible(tenant: string, station: StationTenancy, mayCreate = false): boolean {
  if (station === 'absent') return mayCreate;
  return station.tenant === tenant;
}

import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/**
 * How a REST route keeps a principal confined to a tenant to its own tenant's objects
 * (docs/adr/037-tenant-scoping.md). `owner` names a kind of object the service can tell the
 * tenant of (a station, a site, a reservation, a certificate, ...):
 * - `object`: a path parameter names the object; another tenant's (or an unknown) one answers 404.
 *   `mayCreate`: an unknown one passes (the route creates it, stamping the caller's tenant).
 * - `body-objects`: a body field holds an id, or a list of ids, of such objects; each is checked so.
 * - `filtered`: the handler passes the caller's tenant (`@CallerTenant()`) to its query.
 * - `shared`: the route reads what every tenant shares (e.g. the CSMS's certificate authorities).
 * - `untenanted`: the route serves every tenant (shared configuration, assigning tenants):
 *   principals confined to a tenant are refused with 403.
 */
export type TenantPolicy =
  | { kind: 'object'; owner: string; param: string; mayCreate: boolean }
  | { kind: 'body-objects'; owner: string; field: string }
  | { kind: 'filtered' }
  | { kind: 'shared' }
  | { kind: 'untenanted' };

export const TENANT_POLICY = 'csms:tenant-policy';

/** A policy every route whose path matches gets without declaring it, e.g. `/stations/:id...` → the station `id`. */
export interface ImpliedTenantPolicy {
  path: RegExp;
  policy: TenantPolicy;
}

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/** `GET /stations/:id`: the method and path of a handler, under the global /api prefix. */
export function routeOf(controller: Type<unknown>, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  return `${method} ${join(String(Reflect.getMetadata(PATH_METADATA, controller) ?? ''), String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''))}`;
}

/**
 * The policy of a route: what `@TenantScoped` declared, else the first implied one whose path
 * matches, else none (then principals confined to a tenant are refused: it fails closed).
 */
export function tenantPolicyOf(controller: Type<unknown>, handler: object, implied: readonly ImpliedTenantPolicy[]): TenantPolicy | undefined {
  const declared = Reflect.getMetadata(TENANT_POLICY, handler) as TenantPolicy | undefined;
  if (declared !== undefined) return declared;
  const path = routeOf(controller, handler).split(' ')[1] ?? '';
  return implied.find((candidate) => candidate.path.test(path))?.policy;
}

/** What a service knows of an object's tenant: `absent` when there is no such object. */
export type Tenancy = 'absent' | { tenant: string | null };

/** Whether a principal confined to `tenant` may see an object: only its own tenant's, never an unassigned one. */
export function visibleToTenant(tenant: string, object: Tenancy, mayCreate = false): boolean {
  if (object === 'absent') return mayCreate;
  return object.tenant === tenant;
}

/** Every route of these controllers with its tenant policy: what each service's tenancy spec checks. */
export function tenantPoliciesOf(controllers: readonly Type<unknown>[], implied: readonly ImpliedTenantPolicy[]): { route: string; policy: TenantPolicy | undefined }[] {
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => prototype[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => ({ route: routeOf(controller, handler), policy: tenantPolicyOf(controller, handler, implied) }));
  });
}

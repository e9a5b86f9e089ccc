import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '@app/runtime';
import { type OwnedObject, TENANT_POLICY, type TenantPolicy } from './tenant-policy';

/** Declares how a route outside /stations/{id} keeps tenant-confined principals to their tenant (see TenantPolicy). */
export const TenantScoped = {
  /** A path parameter other than /stations/{id} names a station; `mayCreate` lets an unknown one through. */
  station: (param: string, options: { mayCreate?: boolean } = {}) => SetMetadata(TENANT_POLICY, { kind: 'station', param, mayCreate: options.mayCreate ?? false } satisfies TenantPolicy),
  /** The body field holding a station id, or a list of them. */
  bodyStations: (field: string) => SetMetadata(TENANT_POLICY, { kind: 'body-stations', field } satisfies TenantPolicy),
  /** The path parameter naming an object that belongs to a station. */
  owned: (owner: OwnedObject, param: string) => SetMetadata(TENANT_POLICY, { kind: 'owned', owner, param } satisfies TenantPolicy),
  /** The handler filters by `@CallerTenant()` in its query. */
  filtered: () => SetMetadata(TENANT_POLICY, { kind: 'filtered' } satisfies TenantPolicy),
  /** The route serves every tenant: refused to tenant-confined principals. */
  untenanted: () => SetMetadata(TENANT_POLICY, { kind: 'untenanted' } satisfies TenantPolicy),
};

/** The tenant the caller is confined to; undefined when it sees every tenant. */
export const CallerTenant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().apiPrincipal?.tenant,
);

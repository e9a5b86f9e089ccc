import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-token.guard';
import { TENANT_POLICY, type TenantPolicy } from './tenant-policy';

/** Declares a route's tenant policy where the service's implied ones do not fit (see TenantPolicy). */
export const TenantScoped = {
  /** A path parameter names an `owner` object; `mayCreate` lets an unknown id through (the route creates it). */
  object: (owner: string, param: string, options: { mayCreate?: boolean } = {}) =>
    SetMetadata(TENANT_POLICY, { kind: 'object', owner, param, mayCreate: options.mayCreate ?? false } satisfies TenantPolicy),
  /** The body field holding an id, or a list of ids, of `owner` objects. */
  bodyObjects: (owner: string, field: string) => SetMetadata(TENANT_POLICY, { kind: 'body-objects', owner, field } satisfies TenantPolicy),
  /** The handler filters by `@CallerTenant()` in its query, and stamps it on what it creates. */
  filtered: () => SetMetadata(TENANT_POLICY, { kind: 'filtered' } satisfies TenantPolicy),
  /** The route reads what every tenant shares: open to principals confined to one. */
  shared: () => SetMetadata(TENANT_POLICY, { kind: 'shared' } satisfies TenantPolicy),
  /** The route serves every tenant: refused to principals confined to one. */
  untenanted: () => SetMetadata(TENANT_POLICY, { kind: 'untenanted' } satisfies TenantPolicy),
};

/** The tenant the caller is confined to; undefined when it sees every tenant. */
export const CallerTenant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().apiPrincipal?.tenant,
);

import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/api-token.guard';
import { Problem } from '../rest/problem';
import { type ImpliedTenantPolicy, type Tenancy, type TenantPolicy, tenantPolicyOf, visibleToTenant } from './tenant-policy';

/** How a service tells the tenant of one kind of object. */
export interface TenantOwner {
  /** Ids that fail this pass through untouched: the route's pipe answers them 400. */
  id: z.ZodType;
  /** `callerTenant`: for services that can only tell whether an object is that tenant's (not whose it is otherwise). */
  tenancyOf(ids: readonly string[], callerTenant: string): Promise<ReadonlyMap<string, Tenancy>>;
  /**
   * The answer to another tenant's object: the same as the handler's own to an unknown id, so
   * that no answer tells the two apart.
   */
  notFound(id: string): Problem;
}

export interface TenantScopeOptions {
  /** The controllers to scope; routes of others (other services in the same process) pass untouched. */
  controllers: readonly Type<unknown>[];
  implied: readonly ImpliedTenantPolicy[];
  owners: Readonly<Record<string, TenantOwner>>;
}

function refused(tenant: string, why: string): Problem {
  return new Problem({ status: 403, code: 'forbidden', detail: `a token confined to tenant "${tenant}" may not call this endpoint: ${why}`, extensions: { tenant } });
}

/**
 * The one place where a service's REST API confines a principal with a tenant to that tenant's
 * objects (docs/adr/037-tenant-scoping.md). Runs after the token guard and before the pipes.
 * Principals without a tenant pass untouched, at no cost.
 */
export class TenantScopeInterceptor implements NestInterceptor {
  private readonly scoped: ReadonlySet<Type<unknown>>;

  constructor(private readonly options: TenantScopeOptions) {
    this.scoped = new Set(options.controllers);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const controller = context.getClass<unknown>();
    if (context.getType() !== 'http' || !this.scoped.has(controller)) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const tenant = request.apiPrincipal?.tenant;
    if (tenant === undefined) return next.handle();
    await this.check(tenantPolicyOf(controller, context.getHandler(), this.options.implied), tenant, request);
    return next.handle();
  }

  private async check(policy: TenantPolicy | undefined, tenant: string, request: AuthenticatedRequest): Promise<void> {
    switch (policy?.kind) {
      case undefined:
        throw refused(tenant, 'it declares no tenant scope');
      case 'untenanted':
        throw refused(tenant, 'it serves every tenant');
      case 'filtered':
      case 'shared':
        return;
      case 'object':
        return this.checkObjects(tenant, policy.owner, [request.params[policy.param] as unknown], policy.mayCreate);
      case 'body-objects': {
        const value: unknown = (request.body as Record<string, unknown> | undefined)?.[policy.field];
        return this.checkObjects(tenant, policy.owner, Array.isArray(value) ? value : [value], false);
      }
    }
  }

  private async checkObjects(tenant: string, ownerName: string, candidates: readonly unknown[], mayCreate: boolean): Promise<void> {
    const owner = this.options.owners[ownerName];
    // A policy naming an owner the service does not resolve is a programming error: fail closed.
    if (owner === undefined) throw refused(tenant, `it names objects of an unknown kind (${ownerName})`);
    const ids = candidates.filter((id): id is string => typeof id === 'string' && owner.id.safeParse(id).success);
    if (ids.length === 0) return;
    const tenancy = await owner.tenancyOf([...new Set(ids)], tenant);
    const hidden = ids.find((id) => !visibleToTenant(tenant, tenancy.get(id) ?? 'absent', mayCreate));
    if (hidden !== undefined) throw owner.notFound(hidden);
  }
}

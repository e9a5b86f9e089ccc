import { type AuthenticatedRequest, Problem } from '@app/runtime';
import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { problemOf } from '../api/api-answer';
import { stationIdSchema } from '../api/api-schemas';
import { commandIdSchema } from '../api/command-history/command-history.schemas';
import { OperatorApiError, OperatorApiErrorCode } from '../api/operator-api.error';
import { reservationIdSchema } from '../api/reservations/reservation.schemas';
import { StationTenantRepository } from './station-tenant.repository';
import { type OwnedObject, type TenantPolicy, stationVisible, tenantPolicyOf } from './tenant-policy';

const ownedIds: Readonly<Record<OwnedObject, z.ZodType>> = { reservation: reservationIdSchema, command: commandIdSchema };

// The same codes and words as the handlers' own "not found", so an answer never tells another
// tenant's object from one that does not exist.
const notFound: Readonly<Record<'station' | OwnedObject, (id: string) => OperatorApiError>> = {
  station: (id) => new OperatorApiError(OperatorApiErrorCode.stationNotFound, `station ${id} is not registered`),
  reservation: (id) => new OperatorApiError(OperatorApiErrorCode.reservationNotFound, `reservation ${id} does not exist`),
  command: (id) => new OperatorApiError(OperatorApiErrorCode.commandNotFound, `no command ${id} in the command history`),
};

function refused(tenant: string, why: string): Problem {
  return new Problem({ status: 403, code: 'forbidden', detail: `a token confined to tenant "${tenant}" may not call this endpoint: ${why}`, extensions: { tenant } });
}

/**
 * The one place where the operator API confines a principal with a tenant to that tenant's
 * stations and their objects (docs/adr/037-tenant-scoping.md). Runs after the token guard, before
 * the pipes: ids that are not valid pass through to the pipe that answers 400. Principals
 * without a tenant pass untouched, at no cost. Provided as APP_INTERCEPTOR for the controllers
 * it is given (the operator API), so that other services' routes in the same process are left alone.
 */
export class TenantScopeInterceptor implements NestInterceptor {
  private readonly scoped: ReadonlySet<Type<unknown>>;

  constructor(
    private readonly tenancy: StationTenantRepository,
    controllers: readonly Type<unknown>[],
  ) {
    this.scoped = new Set(controllers);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const controller = context.getClass<unknown>();
    if (context.getType() !== 'http' || !this.scoped.has(controller)) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const tenant = request.apiPrincipal?.tenant;
    if (tenant === undefined) return next.handle();
    await this.check(tenantPolicyOf(controller, context.getHandler()), tenant, request);
    return next.handle();
  }

  private async check(policy: TenantPolicy | undefined, tenant: string, request: AuthenticatedRequest): Promise<void> {
    switch (policy?.kind) {
      case undefined:
        throw refused(tenant, 'it declares no tenant scope');
      case 'untenanted':
        throw refused(tenant, 'it serves every tenant');
      case 'filtered':
        return;
      case 'station':
        return this.checkStations(tenant, [request.params[policy.param]], policy.mayCreate);
      case 'body-stations': {
        const value: unknown = (request.body as Record<string, unknown> | undefined)?.[policy.field];
        return this.checkStations(tenant, Array.isArray(value) ? value : [value], false);
      }
      case 'owned':
        return this.checkOwned(tenant, policy.owner, request.params[policy.param] as unknown);
    }
  }

  private async checkStations(tenant: string, candidates: readonly unknown[], mayCreate: boolean): Promise<void> {
    const ids = candidates.filter((id): id is string => stationIdSchema.safeParse(id).success);
    if (ids.length === 0) return;
    const tenancy = await this.tenancy.tenancyOf([...new Set(ids)]);
    const hidden = ids.find((id) => !stationVisible(tenant, tenancy.get(id) ?? 'absent', mayCreate));
    if (hidden !== undefined) throw problemOf(notFound.station(hidden));
  }

  private async checkOwned(tenant: string, owner: OwnedObject, id: unknown): Promise<void> {
    if (typeof id !== 'string' || !ownedIds[owner].safeParse(id).success) return;
    const station = await this.tenancy.stationOf(owner, id);
    if (station === undefined || !stationVisible(tenant, station)) throw problemOf(notFound[owner](id));
  }
}

import { type ImpliedTenantPolicy, type TenantOwner, TenantScopeInterceptor } from '@app/runtime';
import type { Type } from '@nestjs/common';
import { problemOf } from '../api/api-answer';
import { stationIdSchema } from '../api/api-schemas';
import { commandIdSchema } from '../api/command-history/command-history.schemas';
import { OperatorApiError, OperatorApiErrorCode } from '../api/operator-api.error';
import { reservationIdSchema } from '../api/reservations/reservation.schemas';
import type { StationTenantRepository } from './station-tenant.repository';

/**
 * Every route under /stations/{id} is scoped by the station in its path without declaring it:
 * a new station sub-resource or command cannot forget its tenant check.
 */
export const operatorApiImpliedPolicies: readonly ImpliedTenantPolicy[] = [
  { path: /^\/stations\/:id(\/|$)/, policy: { kind: 'object', owner: 'station', param: 'id', mayCreate: false } },
];

// The same codes and words as the handlers' own "not found", so that an answer never tells
// another tenant's object from one that does not exist.
const notFound = (code: OperatorApiErrorCode, message: string) => problemOf(new OperatorApiError(code, message));

function owners(tenancy: StationTenantRepository): Record<string, TenantOwner> {
  return {
    station: { id: stationIdSchema, tenancyOf: (ids) => tenancy.tenancyOf(ids), notFound: (id) => notFound(OperatorApiErrorCode.stationNotFound, `station ${id} is not registered`) },
    reservation: {
      id: reservationIdSchema,
      tenancyOf: (ids) => tenancy.tenancyOfObjects('reservation', ids),
      notFound: (id) => notFound(OperatorApiErrorCode.reservationNotFound, `reservation ${id} does not exist`),
    },
    command: {
      id: commandIdSchema,
      tenancyOf: (ids) => tenancy.tenancyOfObjects('command', ids),
      notFound: (id) => notFound(OperatorApiErrorCode.commandNotFound, `no command ${id} in the command history`),
    },
  };
}

/** The operator API's tenant scoping (docs/adr/037-tenant-scoping.md): one interceptor for all its controllers. */
export function operatorApiTenantScope(tenancy: StationTenantRepository, controllers: readonly Type<unknown>[]): TenantScopeInterceptor {
  return new TenantScopeInterceptor({ controllers, implied: operatorApiImpliedPolicies, owners: owners(tenancy) });
}

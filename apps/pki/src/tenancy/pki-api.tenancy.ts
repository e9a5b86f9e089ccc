import { type ImpliedTenantPolicy, Problem, type TenantOwner, TenantScopeInterceptor, stationIdSchema } from '@app/runtime';
import type { Type } from '@nestjs/common';
import type { z } from 'zod';
import { certificateSerialSchema } from '../inventory/issued-certificate.schemas';
import { profileUpgradeIdSchema } from '../jobs/profile-upgrade/profile-upgrade.schemas';
import { renewalAttemptIdSchema } from '../jobs/renewal/renewal-attempt.schemas';
import { signingRequestIdSchema } from '../signing/signing-request.schemas';
import type { StationTenantDirectory } from './station-tenant.directory';
import { type StationOwned, type StationOwnedRepository, ownership } from './station-owned.repository';

/** Every route under /station-inventories/{stationId} is scoped by its station without declaring it. */
export const pkiImpliedPolicies: readonly ImpliedTenantPolicy[] = [
  { path: /^\/station-inventories\/:stationId(\/|$)/, policy: { kind: 'object', owner: 'station', param: 'stationId', mayCreate: false } },
];

// The same codes and words as the handlers' own "not found".
const notFound = (code: string, detail: string) => new Problem({ status: 404, code, detail });

const owned: Readonly<Record<StationOwned, { id: z.ZodType; notFound: (id: string) => Problem }>> = {
  'issued-certificate': { id: certificateSerialSchema, notFound: (id) => notFound('certificate-not-found', `no issued certificate ${id}`) },
  'signing-request': { id: signingRequestIdSchema, notFound: (id) => notFound('signing-request-not-found', `no signing request ${id}`) },
  'renewal-attempt': { id: renewalAttemptIdSchema, notFound: (id) => notFound('renewal-attempt-not-found', `no renewal attempt ${id}`) },
  'profile-upgrade': { id: profileUpgradeIdSchema, notFound: (id) => notFound('profile-upgrade-not-found', `no profile upgrade ${id}`) },
};

function owners(directory: StationTenantDirectory, objects: StationOwnedRepository): Record<string, TenantOwner> {
  const station: TenantOwner = {
    id: stationIdSchema,
    tenancyOf: async (ids, tenant) => {
      const stations = await directory.stationsOf(tenant);
      return ownership(ids, ids.map((id) => ({ id, station_id: id })), tenant, stations);
    },
    notFound: (id) => notFound('station-not-found', `station ${id} has not been seen connecting`),
  };
  const byObject = Object.fromEntries(
    (Object.keys(owned) as StationOwned[]).map((kind): [string, TenantOwner] => [
      kind,
      { id: owned[kind].id, tenancyOf: async (ids, tenant) => objects.tenancyOf(kind, ids, tenant, await directory.stationsOf(tenant)), notFound: owned[kind].notFound },
    ]),
  );
  return { station, ...byObject };
}

/** The PKI API's tenant scoping (docs/adr/037-tenant-scoping.md): one interceptor for all its controllers. */
export function pkiTenantScope(directory: StationTenantDirectory, objects: StationOwnedRepository, controllers: readonly Type<unknown>[]): TenantScopeInterceptor {
  return new TenantScopeInterceptor({ controllers, implied: pkiImpliedPolicies, owners: owners(directory, objects) });
}

// What the operator API uses of tenant scoping (docs/adr/037-tenant-scoping.md): the station
// registry's tenants, the SQL condition that confines a list to one, and the API's interceptor.
export { StationTenantRepository, stationsOfTenant } from '../tenancy/station-tenant.repository';
export { operatorApiImpliedPolicies, operatorApiTenantScope } from '../tenancy/operator-api.tenancy';
export { CallerTenant, TenantScoped } from '@app/runtime';

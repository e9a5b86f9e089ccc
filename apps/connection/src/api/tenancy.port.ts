// What the operator API uses of tenant scoping (docs/adr/037-tenant-scoping.md): the route
// declarations, the caller's tenant, and the SQL condition that confines a list to it.
export { StationTenantRepository, stationsOfTenant } from '../tenancy/station-tenant.repository';
export { TenantScopeInterceptor } from '../tenancy/tenant-scope.interceptor';
export { CallerTenant, TenantScoped } from '../tenancy/tenant-scoped.decorator';
export { type TenantPolicy, routeOf, tenantPolicyOf } from '../tenancy/tenant-policy';

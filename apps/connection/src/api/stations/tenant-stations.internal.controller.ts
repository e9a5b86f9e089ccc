import { ApiZodParam, ApiZodResponse, InternalApi, TENANT_ID_PATTERN, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { StationTenantRepository } from '../tenancy.port';

const tenantSchema = z.string().regex(TENANT_ID_PATTERN, 'must be a tenant id: 1-64 letters, digits, ".", "_" or "-"');
const tenantStationsSchema = z.object({ stationIds: z.array(z.string()).meta({ description: 'Every station of the tenant, by id.' }) });

/**
 * The stations of a tenant, for the PKI: it scopes certificates, inventories and security events
 * by their station's tenant, which only the station registry knows (docs/adr/037-tenant-scoping.md).
 * Service to service (INTERNAL_API_TOKEN).
 */
@InternalApi()
@Controller('internal/connection/tenants')
export class TenantStationsController {
  constructor(private readonly tenancy: StationTenantRepository) {}

  @Get(':tenant/stations')
  @ApiOperation({ summary: 'The ids of every station of a tenant.' })
  @ApiZodParam('tenant', tenantSchema, 'The tenant.')
  @ApiZodResponse(200, tenantStationsSchema, 'The tenant’s stations (none: an empty list).')
  async stations(@Param('tenant', new ZodValidationPipe(tenantSchema, 'path.tenant')) tenant: string) {
    return { stationIds: await this.tenancy.stationsOf(tenant) };
  }
}

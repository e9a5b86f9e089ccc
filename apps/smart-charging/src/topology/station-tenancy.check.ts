import { Injectable } from '@nestjs/common';
import { type NamedStation, stationsOutsideTenant } from '../tenancy/site-station-tenancy';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';
import { TopologyErrorCode, type TopologyResult, failedFields, succeeded } from './topology.error';

/**
 * A site of a tenant holds only that tenant's stations (docs/adr/037-tenant-scoping.md): checked
 * whenever a node names a station or the site gets a tenant. Sites without a tenant skip the
 * lookup; a registry that cannot answer refuses the change (503 from the directory).
 */
@Injectable()
export class StationTenancyCheck {
  constructor(private readonly directory: StationTenantDirectory) {}

  async check(tenant: string | null, named: readonly NamedStation[]): Promise<TopologyResult<void>> {
    if (tenant === null || named.length === 0) return succeeded(undefined);
    const errors = stationsOutsideTenant(named, await this.directory.stationsOf(tenant));
    return errors.length > 0 ? failedFields(TopologyErrorCode.stationNotFound, errors) : succeeded(undefined);
  }
}

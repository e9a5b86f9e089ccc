import { resultTransaction } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { StationTenancyCheck } from '../topology/station-tenancy.check';
import { TopologyErrorCode, type TopologyResult, failed, succeeded } from '../topology/topology.error';
import { TopologyRepository } from '../topology/topology.repository';
import { SiteTenantRepository } from './site-tenant.repository';

/**
 * Moves a site to a tenant (or to none), refused while it holds a station that tenant does not:
 * the site is locked against topology changes meanwhile, so no charger slips in between.
 */
@Injectable()
export class SiteTenantAssignment {
  constructor(
    private readonly topology: TopologyRepository,
    private readonly tenancy: SiteTenantRepository,
    private readonly stationTenancy: StationTenancyCheck,
  ) {}

  async assign(siteId: string, tenant: string | null): Promise<TopologyResult<void>> {
    return resultTransaction(this.topology.dataSource, async (manager) => {
      if ((await this.topology.lockSite(manager, siteId)) === undefined) return failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
      const nodes = await this.topology.nodesOf(manager, siteId);
      const named = nodes.flatMap((node) => (node.stationId === null ? [] : [{ stationId: node.stationId, field: 'body.tenant' }]));
      const checked = await this.stationTenancy.check(tenant, named);
      if (!checked.ok) return checked;
      await this.tenancy.assign(manager, siteId, tenant);
      return succeeded(undefined);
    });
  }
}

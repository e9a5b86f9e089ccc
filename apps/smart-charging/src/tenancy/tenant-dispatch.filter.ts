import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { dispatchableStations } from './site-station-tenancy';
import { StationTenantDirectory } from './station-tenant.directory';

/**
 * The last line of defence (docs/adr/037-tenant-scoping.md): a site of a tenant sends profiles only
 * to stations its tenant holds now, even if a station moved to another tenant after it was put in
 * the site. The tenant's list is at most a few seconds old; when it cannot be learnt, the site's
 * stations get nothing new (they keep what they hold) until it can.
 */
@Injectable()
export class TenantDispatchFilter {
  private readonly logger: Logger;
  private readonly withheld: Counter;

  constructor(
    private readonly directory: StationTenantDirectory,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'tenant-dispatch-filter' });
    this.withheld = metrics.counter(
      'csms_smart_charging_tenant_withheld_total',
      "Stations of a tenant's site sent no profiles by one plan: not held by the site's tenant (foreign), or the tenant's stations could not be learnt (unknown)",
      ['reason'],
    );
  }

  async allowed<T extends { stationId: string }>(siteId: string, tenant: string | undefined, wishes: readonly T[]): Promise<T[]> {
    if (tenant === undefined || wishes.length === 0) return [...wishes];
    let stations: ReadonlySet<string>;
    try {
      stations = await this.directory.recentStationsOf(tenant);
    } catch (error) {
      this.logger.warn({ err: error, siteId, tenant }, "the site's tenant's stations cannot be learnt: no profiles are sent to the site for now");
      this.withheld.inc({ reason: 'unknown' }, wishes.length);
      return [];
    }
    const { allowed, withheld } = dispatchableStations(wishes, stations);
    if (withheld.length > 0) {
      this.logger.warn({ siteId, tenant, stationIds: withheld }, "no profiles are sent to stations the site's tenant does not hold");
      this.withheld.inc({ reason: 'foreign' }, withheld.length);
    }
    return allowed;
  }
}

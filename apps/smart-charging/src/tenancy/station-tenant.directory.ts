import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type TenantStationsSource, lookUpTenantStations } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';

/** How long dispatch trusts a tenant's station list: a station moved to another tenant stops getting profiles within this. */
const DISPATCH_CACHE_MS = 10_000;

/**
 * Which stations belong to a tenant, asked of the station registry (SMART_CHARGING_CONNECTION_URL
 * and INTERNAL_API_TOKEN; docs/adr/037-tenant-scoping.md). When it cannot answer, the lookup
 * throws a 503 problem: callers refuse (topology writes) or send nothing (dispatch), never allow.
 */
@Injectable()
export class StationTenantDirectory {
  private readonly source: TenantStationsSource;
  private readonly cached = new Map<string, { at: number; stations: Promise<ReadonlySet<string>> }>();

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.source = { baseUrl: config.smartCharging.connectionUrl, baseUrlSetting: 'SMART_CHARGING_CONNECTION_URL', internalApiToken: config.internalApiToken, whose: "the site's" };
  }

  /** The tenant's stations as the registry has them now (topology writes). */
  async stationsOf(tenant: string): Promise<ReadonlySet<string>> {
    return new Set(await lookUpTenantStations(this.source, tenant));
  }

  /** The same, at most DISPATCH_CACHE_MS old: dispatch asks on every plan of a site and must not load the registry. */
  recentStationsOf(tenant: string, now = Date.now()): Promise<ReadonlySet<string>> {
    const entry = this.cached.get(tenant);
    if (entry !== undefined && now - entry.at < DISPATCH_CACHE_MS) return entry.stations;
    const stations = this.stationsOf(tenant);
    this.cached.set(tenant, { at: now, stations });
    // A failed lookup is not kept: the next plan asks again.
    stations.catch(() => this.cached.get(tenant)?.stations === stations && this.cached.delete(tenant));
    return stations;
  }
}

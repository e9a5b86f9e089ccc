import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Problem } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';

const TIMEOUT_MS = 10_000;
/** How long dispatch trusts a tenant's station list: a station moved to another tenant stops getting profiles within this. */
const DISPATCH_CACHE_MS = 10_000;

function unavailable(detail: string): Problem {
  return new Problem({ status: 503, code: 'tenancy-unavailable', detail: `the stations of the site's tenant cannot be learnt: ${detail}` });
}

/**
 * Which stations belong to a tenant, asked of the station registry (the connection service's
 * internal API, SMART_CHARGING_CONNECTION_URL and INTERNAL_API_TOKEN; docs/adr/037-tenant-scoping.md).
 * When it cannot answer, the lookup throws a 503 problem: callers refuse (topology writes) or
 * send nothing (dispatch), never allow.
 */
@Injectable()
export class StationTenantDirectory {
  private readonly baseUrl: string | undefined;
  private readonly token: string | undefined;
  private readonly cached = new Map<string, { at: number; stations: Promise<ReadonlySet<string>> }>();

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.baseUrl = config.smartCharging.connectionUrl;
    this.token = config.internalApiToken;
  }

  /** The tenant's stations as the registry has them now (topology writes). */
  async stationsOf(tenant: string): Promise<ReadonlySet<string>> {
    if (this.baseUrl === undefined) throw unavailable('SMART_CHARGING_CONNECTION_URL is not set');
    if (this.token === undefined) throw unavailable('INTERNAL_API_TOKEN is not set');
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/internal/connection/tenants/${encodeURIComponent(tenant)}/stations`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw unavailable(`the connection service could not be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) throw unavailable(`the connection service answered ${response.status}`);
    const body = (await response.json()) as { stationIds?: unknown };
    if (!Array.isArray(body.stationIds) || !body.stationIds.every((id) => typeof id === 'string')) throw unavailable('the connection service answered without a station list');
    return new Set(body.stationIds);
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

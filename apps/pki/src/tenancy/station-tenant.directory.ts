import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Problem } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';

const TIMEOUT_MS = 10_000;

function unavailable(detail: string): Problem {
  return new Problem({ status: 503, code: 'tenancy-unavailable', detail: `the stations of the token's tenant cannot be learnt: ${detail}` });
}

/**
 * Which stations belong to a tenant, asked of the station registry (the connection service's
 * internal API, PKI_CONNECTION_URL and INTERNAL_API_TOKEN) for every request of a principal
 * confined to a tenant (docs/adr/037-tenant-scoping.md): the registry is the one source of truth,
 * so a station moved between tenants is seen so at once. When the registry cannot answer, such
 * requests fail with 503 (closed); principals without a tenant never need it.
 */
@Injectable()
export class StationTenantDirectory {
  private readonly baseUrl: string | undefined;
  private readonly token: string | undefined;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.baseUrl = config.pki.profileUpgrade.connectionUrl;
    this.token = config.internalApiToken;
  }

  async stationsOf(tenant: string): Promise<string[]> {
    if (this.baseUrl === undefined) throw unavailable('PKI_CONNECTION_URL is not set');
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
    return body.stationIds;
  }

  /** The stations a caller may see: undefined (all) without a tenant, else its tenant's. */
  async visibleTo(tenant: string | undefined): Promise<string[] | undefined> {
    return tenant === undefined ? undefined : this.stationsOf(tenant);
  }
}

import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type TenantStationsSource, lookUpTenantStations } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Which stations belong to a tenant, asked of the station registry (PKI_CONNECTION_URL and
 * INTERNAL_API_TOKEN) for every request of a principal confined to a tenant
 * (docs/adr/037-tenant-scoping.md): the registry is the one source of truth, so a station moved
 * between tenants is seen so at once. When the registry cannot answer, such requests fail with
 * 503 (closed); principals without a tenant never need it.
 */
@Injectable()
export class StationTenantDirectory {
  private readonly source: TenantStationsSource;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.source = { baseUrl: config.pki.profileUpgrade.connectionUrl, baseUrlSetting: 'PKI_CONNECTION_URL', internalApiToken: config.internalApiToken, whose: "the token's" };
  }

  stationsOf(tenant: string): Promise<string[]> {
    return lookUpTenantStations(this.source, tenant);
  }

  /** The stations a caller may see: undefined (all) without a tenant, else its tenant's. */
  async visibleTo(tenant: string | undefined): Promise<string[] | undefined> {
    return tenant === undefined ? undefined : this.stationsOf(tenant);
  }
}

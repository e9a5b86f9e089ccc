import { Problem } from '@app/runtime';
import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import type { StationTenantDirectory } from './station-tenant.directory';
import { TenantDispatchFilter } from './tenant-dispatch.filter';

function filterWith(answer: () => Promise<ReadonlySet<string>>) {
  const asked: string[] = [];
  const directory = {
    recentStationsOf: (tenant: string) => {
      asked.push(tenant);
      return answer();
    },
  } as unknown as StationTenantDirectory;
  const metrics = new MetricsRegistry();
  return { filter: new TenantDispatchFilter(directory, metrics, pino({ level: 'silent' })), asked, metrics };
}

describe('which stations of a site get profiles', () => {
  const wishes = [{ stationId: 'CP-A1' }, { stationId: 'CP-B1' }];

  it('sends to every station of a site without a tenant, without asking the registry', async () => {
    const { filter, asked } = filterWith(async () => new Set());
    expect(await filter.allowed('S', undefined, wishes)).toEqual(wishes);
    expect(asked).toEqual([]);
  });

  it('sends only to the stations the site’s tenant holds now', async () => {
    const { filter, asked, metrics } = filterWith(async () => new Set(['CP-A1']));
    expect(await filter.allowed('S', 'acme', wishes)).toEqual([{ stationId: 'CP-A1' }]);
    expect(asked).toEqual(['acme']);
    expect(await metrics.registry.getSingleMetricAsString('csms_smart_charging_tenant_withheld_total')).toContain('csms_smart_charging_tenant_withheld_total{reason="foreign"} 1');
  });

  it('sends nothing to a site of a tenant while the registry cannot answer (closed, never all)', async () => {
    const { filter, metrics } = filterWith(async () => {
      throw new Problem({ status: 503, code: 'tenancy-unavailable', detail: 'down' });
    });
    expect(await filter.allowed('S', 'acme', wishes)).toEqual([]);
    expect(await metrics.registry.getSingleMetricAsString('csms_smart_charging_tenant_withheld_total')).toContain('csms_smart_charging_tenant_withheld_total{reason="unknown"} 2');
  });
});

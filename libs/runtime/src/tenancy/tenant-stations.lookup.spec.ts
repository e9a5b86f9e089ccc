import { type TenantStationsSource, lookUpTenantStations } from './tenant-stations.lookup';

const source = (overrides: Partial<TenantStationsSource> = {}): TenantStationsSource => ({
  baseUrl: 'http://connection:3001',
  baseUrlSetting: 'PKI_CONNECTION_URL',
  internalApiToken: 'token-0123456789abcdefghij',
  whose: "the token's",
  ...overrides,
});

describe('looking up a tenant’s stations in the station registry', () => {
  afterEach(() => jest.restoreAllMocks());

  it('names the missing setting in a 503, and never asks without it', async () => {
    const fetched = jest.spyOn(globalThis, 'fetch');
    await expect(lookUpTenantStations(source({ baseUrl: undefined }), 'acme')).rejects.toMatchObject({ status: 503, message: expect.stringContaining('PKI_CONNECTION_URL is not set') });
    await expect(lookUpTenantStations(source({ internalApiToken: undefined }), 'acme')).rejects.toMatchObject({ status: 503, message: expect.stringContaining('INTERNAL_API_TOKEN is not set') });
    expect(fetched).not.toHaveBeenCalled();
  });

  it('refuses an answer that is not a list of station ids', async () => {
    for (const body of ['{}', '{"stationIds":"CP-1"}', '{"stationIds":[1]}']) {
      jest.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(body, { status: 200 }));
      await expect(lookUpTenantStations(source({ whose: "the site's" }), 'acme')).rejects.toMatchObject({ status: 503, message: expect.stringContaining("the site's tenant") });
    }
  });

  it('asks with the internal token for the tenant, its id encoded', async () => {
    const fetched = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ stationIds: ['CP-A1', 'CP-A2'] }), { status: 200 }));
    expect(await lookUpTenantStations(source(), 'acme/eu')).toEqual(['CP-A1', 'CP-A2']);
    expect(fetched).toHaveBeenCalledWith('http://connection:3001/api/internal/connection/tenants/acme%2Feu/stations', expect.objectContaining({ headers: { authorization: 'Bearer token-0123456789abcdefghij' } }));
  });
});

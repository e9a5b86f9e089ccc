import type { RuntimeConfig } from '@app/config';
import { Problem } from '@app/runtime';
import { StationTenantDirectory } from './station-tenant.directory';

const config = (connectionUrl: string | undefined, internalApiToken: string | undefined) => ({ smartCharging: { connectionUrl }, internalApiToken }) as unknown as RuntimeConfig;

describe('the tenants’ stations as the registry has them', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses with 503, never all, without the settings or when the registry cannot answer', async () => {
    await expect(new StationTenantDirectory(config(undefined, 'token-0123456789abcdefghij')).stationsOf('acme')).rejects.toMatchObject({ status: 503 });
    await expect(new StationTenantDirectory(config('http://connection', undefined)).stationsOf('acme')).rejects.toBeInstanceOf(Problem);
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 500 }));
    await expect(new StationTenantDirectory(config('http://connection', 'token-0123456789abcdefghij')).stationsOf('acme')).rejects.toMatchObject({ status: 503 });
  });

  it('asks for the tenant’s stations with the internal token, and lets dispatch reuse a recent answer but not a failure', async () => {
    const fetched = jest
      .spyOn(globalThis, 'fetch')
      .mockRejectedValueOnce(new Error('ECONNREFUSED'))
      .mockImplementation(async () => new Response(JSON.stringify({ stationIds: ['CP-A1'] }), { status: 200 }));
    const directory = new StationTenantDirectory(config('http://connection:3001', 'token-0123456789abcdefghij'));
    await expect(directory.recentStationsOf('acme', 0)).rejects.toMatchObject({ status: 503 });
    expect(await directory.recentStationsOf('acme', 1)).toEqual(new Set(['CP-A1']));
    expect(await directory.recentStationsOf('acme', 9_000)).toEqual(new Set(['CP-A1']));
    expect(fetched).toHaveBeenCalledTimes(2);
    expect(await directory.recentStationsOf('acme', 11_000)).toEqual(new Set(['CP-A1']));
    expect(fetched).toHaveBeenCalledTimes(3);
    expect(fetched).toHaveBeenLastCalledWith('http://connection:3001/api/internal/connection/tenants/acme/stations', expect.objectContaining({ headers: { authorization: 'Bearer token-0123456789abcdefghij' } }));
  });
});

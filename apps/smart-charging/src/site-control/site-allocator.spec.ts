import { OcppVersion } from '@app/contracts';
import { MetricsRegistry } from '@app/observability';
import type { PresenceDirectory, StationLocation } from '@app/station-commands';
import pino from 'pino';
import type { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import type { SessionTracker } from '../sessions/session-tracker';
import type { TenantDispatchFilter } from '../tenancy/tenant-dispatch.filter';
import type { DrawVerifier } from '../verification/draw-verifier';
import { SiteAllocator } from './site-allocator';
import type { SiteChangeFeed, SiteChangeListener } from './site-change.feed';
import type { SiteSnapshotReader } from './site-snapshot.reader';
import type { StationSites } from './station-sites';

/** The allocator with fakes around it: what matters here is when it reads a site to plan it. */
function allocatorWithFakes() {
  const reads: { siteId: string; at: number }[] = [];
  const feedListeners: SiteChangeListener[] = [];
  const presenceListeners: ((stationId: string, location: StationLocation) => void)[] = [];
  const snapshots = { read: async (siteId: string) => void reads.push({ siteId, at: Date.now() }) } as unknown as SiteSnapshotReader;
  const stationSites = { refresh: async () => undefined, allSites: () => [], siteOf: (stationId: string) => (stationId === 'CP-1' ? 'S' : undefined) } as unknown as StationSites;
  const feed = { onChange: (listener: SiteChangeListener) => feedListeners.push(listener) } as unknown as SiteChangeFeed;
  const tracker = { onChange: () => undefined } as unknown as SessionTracker;
  const dispatcher = { onRejected: () => undefined } as unknown as ProfileDispatcher;
  const verifier = { onChange: () => undefined, overdraws: () => new Map() } as unknown as DrawVerifier;
  const presence = { onChange: (listener: (stationId: string, location: StationLocation) => void) => presenceListeners.push(listener) } as unknown as PresenceDirectory;
  const tenancy = { allowed: async <T>(_siteId: string, _tenant: string | undefined, wishes: readonly T[]) => [...wishes] } as unknown as TenantDispatchFilter;
  const allocator = new SiteAllocator(tracker, dispatcher, snapshots, stationSites, feed, verifier, presence, tenancy, new MetricsRegistry(), pino({ level: 'silent' }));
  const present = (stationId: string, connected: boolean) =>
    presenceListeners.forEach((listener) => listener(stationId, { connected, epoch: 1n, commandPartition: 0, replicaId: 'r', incarnation: '', protocol: OcppVersion.OCPP_VERSION_2_0_1, securityProfile: 0 }));
  return { allocator, reads, siteChanged: (siteId: string) => feedListeners.forEach((listener) => listener(siteId)), present };
}

describe('when the site allocator plans a site', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-12-06T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('plans station events together, a quarter of a second after the first', async () => {
    const { allocator, reads } = allocatorWithFakes();
    allocator.request('S');
    await jest.advanceTimersByTimeAsync(100);
    allocator.request('S');
    await jest.advanceTimersByTimeAsync(149);
    expect(reads).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(reads).toEqual([{ siteId: 'S', at: Date.parse('2026-12-06T10:00:00.250Z') }]);
  });

  it('plans a limit or topology change almost at once, even with station events waiting', async () => {
    const { allocator, reads, siteChanged } = allocatorWithFakes();
    await allocator.onApplicationBootstrap();
    allocator.request('S');
    await jest.advanceTimersByTimeAsync(10);
    siteChanged('S');
    await jest.advanceTimersByTimeAsync(30);
    expect(reads).toEqual([{ siteId: 'S', at: Date.parse('2026-12-06T10:00:00.030Z') }]);
    // Nothing is left over from the station events' timer: they were planned with the change.
    await jest.advanceTimersByTimeAsync(1000);
    expect(reads).toHaveLength(1);
    await allocator.onApplicationShutdown();
  });

  it('plans a station’s site again once this process sees it connected: what could not be sent before goes then', async () => {
    const { allocator, reads, present } = allocatorWithFakes();
    await allocator.onApplicationBootstrap();
    present('CP-1', false);
    present('CP-9', true);
    await jest.advanceTimersByTimeAsync(1000);
    expect(reads).toEqual([]);
    present('CP-1', true);
    await jest.advanceTimersByTimeAsync(250);
    expect(reads).toEqual([{ siteId: 'S', at: Date.parse('2026-12-06T10:00:01.250Z') }]);
    await allocator.onApplicationShutdown();
  });
});

import pino from 'pino';
import type { LimitScheduleInput, LimitScheduleStore } from '../limits/limit-schedule.store';
import { LimitsError, LimitsErrorCode, type LimitsResult } from '../limits/limits.error';
import type { StoredSchedule } from '../limits/limit-schedule.view';
import type { CapacityProviderRepository, ForecastRow, GroupRow, ProviderRow } from './capacity-provider.repository';
import type { ForecastedBlock } from './oscp-messages.schemas';
import { OscpLimitApplier } from './oscp-limit.applier';

const NOW = new Date('2030-01-01T12:30:00Z');
const blocks = (capacity: number): ForecastedBlock[] => [{ capacity, phase: 'ALL', unit: 'A', start_time: '2030-01-01T12:00:00Z', end_time: '2030-01-01T13:00:00Z' }];

/** The store as a map of schedules by node and source, counting writes. */
class FakeStore {
  readonly schedules = new Map<string, StoredSchedule>();
  writes = 0;

  async schedule(_siteId: string, nodeId: string, source: string): Promise<LimitsResult<StoredSchedule>> {
    const found = this.schedules.get(`${nodeId}/${source}`);
    return found ? { ok: true, value: found } : { ok: false, error: new LimitsError(LimitsErrorCode.scheduleNotFound, 'none') };
  }

  async replace(_siteId: string, nodeId: string, source: string, schedule: LimitScheduleInput, actor: string) {
    this.writes += 1;
    const stored = { nodeId, source, default: schedule.default ?? null, slots: schedule.slots ?? [], version: this.writes, updatedBy: actor, updatedAt: NOW } as StoredSchedule;
    this.schedules.set(`${nodeId}/${source}`, stored);
    return { ok: true as const, value: { schedule: stored, created: true } };
  }

  async remove(_siteId: string, nodeId: string, source: string) {
    this.writes += 1;
    this.schedules.delete(`${nodeId}/${source}`);
    return { ok: true as const, value: undefined };
  }
}

/** One provider with one group on node N1, its forecasts, and whether it counts as silent. */
class FakeProviders {
  readonly dataSource = {};
  silentFrom = new Date('2030-01-01T13:00:00Z');
  applied = false;
  forecasts: ForecastRow[] = [];

  async find(): Promise<Partial<ProviderRow>> {
    return { provider_id: 'DSO', silent_from: this.silentFrom, silent: this.applied };
  }

  async forecastsOf(): Promise<ForecastRow[]> {
    return this.forecasts;
  }

  async groupsOf(): Promise<GroupRow[]> {
    return [{ provider_id: 'DSO', group_id: 'G', site_id: 'S', node_id: 'N1' }];
  }

  async setSilent(_providerId: string, from: boolean, to: boolean): Promise<boolean> {
    if (this.applied !== from) return false;
    this.applied = to;
    return true;
  }
}

describe('OscpLimitApplier', () => {
  let store: FakeStore;
  let providers: FakeProviders;
  let applier: OscpLimitApplier;
  const reconcile = () => applier.reconcile('DSO', () => NOW);
  const limitOnN1 = () => store.schedules.get('N1/oscp:DSO')?.slots[0]?.perPhaseA;

  beforeEach(() => {
    store = new FakeStore();
    providers = new FakeProviders();
    applier = new OscpLimitApplier(providers as unknown as CapacityProviderRepository, store as unknown as LimitScheduleStore, pino({ level: 'silent' }));
    providers.forecasts = [
      { group_id: 'G', kind: 'normal', forecast_type: 'CONSUMPTION', blocks: blocks(20), received_at: NOW },
      { group_id: 'G', kind: 'fallback', forecast_type: 'FALLBACK_CONSUMPTION', blocks: blocks(8), received_at: NOW },
    ];
  });

  it('writes the normal forecast on the group’s node as source oscp:<provider>, by that source', async () => {
    await reconcile();
    expect(limitOnN1()).toEqual([20, 20, 20]);
    expect(store.schedules.get('N1/oscp:DSO')?.updatedBy).toBe('oscp:DSO');
  });

  it('writes nothing when what applies is already there', async () => {
    await reconcile();
    await reconcile();
    expect(store.writes).toBe(1);
  });

  it('switches to the fallback once silent, records it, and back when the provider speaks again', async () => {
    await reconcile();
    providers.silentFrom = new Date('2030-01-01T12:29:59Z');
    await reconcile();
    expect([limitOnN1(), providers.applied]).toEqual([[8, 8, 8], true]);
    providers.silentFrom = new Date('2030-01-01T12:40:00Z');
    await reconcile();
    expect([limitOnN1(), providers.applied]).toEqual([[20, 20, 20], false]);
  });

  it('removes the schedule when no forecast applies any more', async () => {
    await reconcile();
    providers.forecasts = providers.forecasts.filter((forecast) => forecast.kind === 'fallback');
    await reconcile();
    expect(store.schedules.has('N1/oscp:DSO')).toBe(false);
  });
});

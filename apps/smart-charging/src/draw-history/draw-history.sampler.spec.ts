import type { RuntimeConfig } from '@app/config';
import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import { emptyStation } from '../sessions/charging-session';
import type { SessionTracker } from '../sessions/session-tracker';
import type { SiteAllocator } from '../site-control/site-allocator';
import type { NodePlanView, SitePlanView } from '../site-control/site-plan.view';
import { DrawHistorySampler } from './draw-history.sampler';
import type { DrawSample } from './draw-sample';
import type { DrawSampleRepository } from './draw-sample.repository';

function planOf(siteId: string, limitA: number, nodeIds: string[] = [siteId]): SitePlanView {
  const nodes: NodePlanView[] = nodeIds.map((nodeId) => ({ nodeId, limit: { perPhaseA: [limitA, limitA, limitA] }, loadA: [0, 0, 0], loadW: 0, headroomA: [limitA, limitA, limitA], headroomW: Number.POSITIVE_INFINITY }));
  return { siteId, plannedAt: 0, nodes, parentOf: new Map(), sessions: [], stations: [], unreachable: [] };
}

/** Polls until `condition` holds (the sampler writes off the caller's path), failing after 5 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function setUp(sampleMs: number, options: { held?: (siteIds: readonly string[]) => string[]; failFirst?: boolean } = {}) {
  const plans = new Map<string, SitePlanView>();
  let listener: (plan: SitePlanView) => void = () => undefined;
  const allocator = {
    onPlanned: (next: (plan: SitePlanView) => void) => (listener = next),
    plannedSites: () => [...plans.keys()],
    lastPlan: (siteId: string) => plans.get(siteId),
  } as unknown as SiteAllocator;
  const tracker = { station: (stationId: string) => emptyStation(stationId) } as unknown as SessionTracker;
  const inserts: DrawSample[][] = [];
  let attempts = 0;
  const repository = {
    claim: (siteIds: readonly string[]) => Promise.resolve(new Set(options.held ? options.held(siteIds) : siteIds)),
    insert: (samples: DrawSample[]) => {
      attempts++;
      if (options.failFirst && attempts === 1) return Promise.reject(new Error('connection lost'));
      inserts.push(samples);
      return Promise.resolve();
    },
  } as unknown as DrawSampleRepository;
  const metrics = new MetricsRegistry();
  const config = { smartCharging: { drawHistorySampleMs: sampleMs } } as unknown as RuntimeConfig;
  const sampler = new DrawHistorySampler(allocator, tracker, repository, config, metrics, pino({ level: 'silent' }));
  sampler.onApplicationBootstrap();
  const plan = (next: SitePlanView) => {
    plans.set(next.siteId, next);
    listener(next);
  };
  const counted = async (name: string) => (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value;
  return { sampler, plan, inserts, attempts: () => attempts, counted };
}

describe('DrawHistorySampler', () => {
  it('samples a site at once when an effective limit changes, not on its first plan nor on a plan with the same limits', async () => {
    const { sampler, plan, inserts } = setUp(3_600_000);
    plan(planOf('S', 32));
    plan(planOf('S', 32));
    plan(planOf('S', 20));
    await until(() => inserts.length === 1);
    expect(inserts[0]?.map((sample) => [sample.siteId, sample.nodeId, sample.limitA])).toEqual([['S', 'S', [20, 20, 20]]]);
    await sampler.onApplicationShutdown();
    expect(inserts).toHaveLength(1);
  });

  it('writes every node of the sites it holds in one insert per tick, and none of a site another replica holds', async () => {
    const { sampler, plan, inserts, counted } = setUp(10, { held: (siteIds) => siteIds.filter((siteId) => siteId !== 'OTHER') });
    plan(planOf('S1', 32, ['S1', 'F1']));
    plan(planOf('S2', 16));
    plan(planOf('OTHER', 16));
    await until(() => inserts.length >= 2);
    await sampler.onApplicationShutdown();
    expect(inserts[0]?.map((sample) => `${sample.siteId}/${sample.nodeId}`).sort()).toEqual(['S1/F1', 'S1/S1', 'S2/S2']);
    expect(new Set(inserts[0]?.map((sample) => sample.at)).size).toBe(1);
    expect(await counted('csms_draw_history_samples_total')).toBe(inserts.flat().length);
  });

  it('counts a failed write without throwing, and the next tick writes again', async () => {
    const { sampler, plan, inserts, attempts, counted } = setUp(10, { failFirst: true });
    plan(planOf('S', 32));
    await until(() => attempts() >= 2 && inserts.length >= 1);
    await sampler.onApplicationShutdown();
    expect(await counted('csms_draw_history_write_failures_total')).toBe(1);
  });
});

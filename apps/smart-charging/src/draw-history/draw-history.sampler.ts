import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import { SessionTracker } from '../sessions/session-tracker';
import { measuredDraw } from '../site-control/measured-draw';
import { SiteAllocator } from '../site-control/site-allocator';
import type { SitePlanView } from '../site-control/site-plan.view';
import { type DrawSample, drawSamplesOf, limitsKeyOf } from './draw-sample';
import { DrawSampleRepository } from './draw-sample.repository';

/** A site's lease outlives this many missed ticks before another replica takes the site over. */
const LEASE_TICKS = 3;
const LEASE_SLACK_SECONDS = 2;

/**
 * Records every planned site's nodes (limit, allocation, measured draw) every
 * DRAW_HISTORY_SAMPLE_SECONDS, and at once when a node's effective limit changes, so that a
 * chart follows a limit change without waiting for the tick (ADR 050). Every replica plans every
 * site (ADR 013); a lease per site lets one of them sample it. Writes never hold up planning: a
 * plan only tells the sampler, which writes later, one statement per tick, and logs and counts
 * a failed write.
 */
@Injectable()
export class DrawHistorySampler implements OnApplicationBootstrap, OnApplicationShutdown {
  /** This process, as the holder of site leases. */
  readonly samplerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly sampleMs: number;
  private readonly logger: Logger;
  private readonly written: Counter;
  private readonly failures: Counter;
  /** Per site: its nodes' effective limits as last seen in a plan. */
  private readonly limitsSeen = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** The write in progress (ticks and limit changes queue behind it, one at a time). */
  private writing: Promise<void> = Promise.resolve();
  private tickPending = false;
  private stopped = false;

  constructor(
    private readonly allocator: SiteAllocator,
    private readonly tracker: SessionTracker,
    private readonly repository: DrawSampleRepository,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.sampleMs = config.smartCharging.drawHistorySampleMs;
    this.logger = rootLogger.child({ component: 'draw-history-sampler' });
    this.written = metrics.counter('csms_draw_history_samples_total', 'Node samples written to the draw history (limit, allocation and measured draw of one node at one instant)', []);
    this.failures = metrics.counter('csms_draw_history_write_failures_total', 'Draw history writes that failed (their samples are lost; the next tick writes again)', []);
    this.written.inc(0);
    this.failures.inc(0);
  }

  onApplicationBootstrap(): void {
    this.allocator.onPlanned((plan) => this.planned(plan));
    this.timer = setInterval(() => this.tick(), this.sampleMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.writing;
  }

  private planned(plan: SitePlanView): void {
    const key = limitsKeyOf(plan);
    const before = this.limitsSeen.get(plan.siteId);
    this.limitsSeen.set(plan.siteId, key);
    if (before !== undefined && before !== key) this.enqueue([plan.siteId]);
  }

  private tick(): void {
    // A tick that finds the previous one still writing is skipped: the history thins out, the backlog does not grow.
    if (this.tickPending) return;
    this.tickPending = true;
    const sites = this.allocator.plannedSites();
    const planned = new Set(sites);
    // A deleted site is planned no more: it leaves the limits seen.
    for (const siteId of this.limitsSeen.keys()) if (!planned.has(siteId)) this.limitsSeen.delete(siteId);
    this.enqueue(sites, () => (this.tickPending = false));
  }

  private enqueue(siteIds: string[], done?: () => void): void {
    if (this.stopped) return done?.();
    this.writing = this.writing.then(() => this.sample(siteIds)).finally(done);
  }

  /** One lease claim and one insert for all the sites given that this replica holds. */
  private async sample(siteIds: string[]): Promise<void> {
    if (siteIds.length === 0) return;
    let samples: DrawSample[] = [];
    try {
      const held = await this.repository.claim(siteIds, this.samplerId, (LEASE_TICKS * this.sampleMs) / 1000 + LEASE_SLACK_SECONDS);
      const now = Date.now();
      samples = [...held].flatMap((siteId) => {
        const plan = this.allocator.lastPlan(siteId);
        return plan === undefined ? [] : drawSamplesOf(plan, measuredDraw(plan, (stationId) => this.tracker.station(stationId)), now);
      });
      await this.repository.insert(samples);
      this.written.inc(samples.length);
    } catch (error: unknown) {
      this.failures.inc();
      this.logger.error({ err: error, sites: siteIds.length, samples: samples.length }, 'could not write the draw history; the next tick writes again');
    }
  }
}

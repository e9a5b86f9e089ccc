import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { PresenceDirectory } from '@app/station-commands';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { Logger } from 'pino';
import { nextBoundary } from '../allocation';
import { ASSUMED_CAPABILITIES } from '../dispatch/charging-capabilities';
import { ProfileDispatcher, type Rejection } from '../dispatch/profile-dispatcher';
import { fallbackCurrentA } from '../dispatch/fallback-current';
import { clearOfForeign, foreignProfilesByStation } from '../dispatch/foreign-profile-clearance';
import { withinProfileBudget } from '../dispatch/profile-budget';
import { buildProfile } from '../dispatch/profile-builder';
import { allocationTimeline } from '../planning/allocation-timeline';
import { sessionIdOf, sessionInputs } from '../planning/session-inputs';
import type { SiteSnapshot } from '../planning/site-snapshot';
import { stationPlans } from '../planning/station-plans';
import type { MeasuredDraw } from '../dispatch/offer-at-measurement';
import type { ChargingSession, StationChargingState } from '../sessions/charging-session';
import { SessionTracker } from '../sessions/session-tracker';
import type { StationFact } from '../sessions/station-fact';
import { TenantDispatchFilter } from '../tenancy/tenant-dispatch.filter';
import { DrawVerifier } from '../verification/draw-verifier';
import { AllocationMetrics } from './allocation.metrics';
import { type SitePlanView, sitePlanViewOf } from './site-plan.view';
import { pinnedByRejections } from './rejection-pins';
import { replansSite } from './replan-trigger';
import { SiteChangeFeed } from './site-change.feed';
import { SiteSnapshotReader } from './site-snapshot.reader';
import { StationSites } from './station-sites';

/** Station events that come close together are planned once. */
const DEBOUNCE_MS = 250;
/**
 * A committed change of topology or limits is one notification per site and transaction, not a
 * burst: it is planned almost at once (a limit change must reach the stations within a second).
 */
const SITE_CHANGE_DEBOUNCE_MS = 20;
/** Every site is planned again this often, whatever happened: failed sends are retried, nothing is missed. */
const SAFETY_NET_MS = 60_000;
/** Profiles follow the known limit slots this far ahead. */
const HORIZON_MS = 24 * 3600 * 1000;
const MAX_STEPS = 24;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function drawOf(session: ChargingSession): MeasuredDraw | undefined {
  if (session.drawnA === undefined || session.drawnAt === undefined) return undefined;
  return { amps: Math.max(session.drawnA.L1 ?? 0, session.drawnA.L2 ?? 0, session.drawnA.L3 ?? 0), at: session.drawnAt };
}

interface SiteState {
  timer?: NodeJS.Timeout;
  /** When the pending timer fires (epoch ms). */
  dueAt?: number;
  boundaryTimer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  /** Per session id: what a session whose TxProfile was refused draws instead (A per phase). */
  pinnedA: Map<string, number>;
  /** Per session id: its draw when the site was last planned (to tell a meaningful change). */
  drawnAtPlan: Map<string, number>;
  /** Per station id: its charger's rating, as of the last plan. */
  ratingA: Map<string, number>;
  last?: SitePlanView;
}

/**
 * Keeps every site's stations holding the profiles its allocation calls for: plans a site when
 * something that matters changes (a session, a connection, an EV's needs, a draw that moved, the
 * topology or a limit, a slot boundary), one plan at a time per site, and hands the profiles to
 * the dispatcher, which sends only what changed.
 */
@Injectable()
export class SiteAllocator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sites = new Map<string, SiteState>();
  private readonly plannedListeners: ((plan: SitePlanView) => void)[] = [];
  private safetyNet: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly planDuration: Histogram;
  private readonly allocationMetrics: AllocationMetrics;
  private readonly logger: Logger;

  constructor(
    private readonly tracker: SessionTracker,
    private readonly dispatcher: ProfileDispatcher,
    private readonly snapshots: SiteSnapshotReader,
    private readonly stationSites: StationSites,
    private readonly feed: SiteChangeFeed,
    private readonly verifier: DrawVerifier,
    private readonly presence: PresenceDirectory,
    private readonly tenancy: TenantDispatchFilter,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'site-allocator' });
    this.planDuration = metrics.histogram('csms_smart_charging_plan_seconds', 'Time to plan a site (allocation along its limit slots and profile building)', [], [0.001, 0.005, 0.02, 0.1, 0.5, 2]);
    this.allocationMetrics = new AllocationMetrics(metrics);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.stationSites.refresh();
    this.tracker.onChange((state, fact) => this.stationChanged(state, fact));
    this.dispatcher.onRejected((stationId, rejections) => this.rejected(stationId, rejections));
    this.verifier.onChange((siteId) => this.request(siteId));
    this.feed.onChange((siteId) => void this.siteChanged(siteId));
    // Commands reach a station only once this process sees its presence (at start-up, while the
    // presence topic is read): its site plans again then, and sends what could not go before.
    this.presence.onChange((stationId, location) => {
      const siteId = location.connected ? this.stationSites.siteOf(stationId) : undefined;
      if (siteId !== undefined) this.request(siteId);
    });
    this.safetyNet = setInterval(() => this.requestAll(), SAFETY_NET_MS).unref();
    this.requestAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.safetyNet);
    for (const state of this.sites.values()) {
      clearTimeout(state.timer);
      clearTimeout(state.boundaryTimer);
    }
    await Promise.all([...this.sites.values()].map((state) => state.running));
  }

  /** The latest plan of a site, for the REST views. */
  lastPlan(siteId: string): SitePlanView | undefined {
    return this.sites.get(siteId)?.last;
  }

  /** The sites that have a plan now. */
  plannedSites(): string[] {
    return [...this.sites].flatMap(([siteId, state]) => (state.last === undefined ? [] : [siteId]));
  }

  /** Tells `listener` of every new plan, as soon as it is made; it must return at once (the draw history, ADR 050). */
  onPlanned(listener: (plan: SitePlanView) => void): void {
    this.plannedListeners.push(listener);
  }

  /** Resolves once the site has no plan waiting or running (tests, benchmarks). */
  async settled(siteId: string): Promise<void> {
    for (let state = this.sites.get(siteId); state?.timer !== undefined || state?.running !== undefined; state = this.sites.get(siteId)) {
      await (state.running ?? new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS)));
    }
  }

  request(siteId: string, delayMs = DEBOUNCE_MS): void {
    if (this.stopped) return;
    const state = this.stateOf(siteId);
    if (state.running) {
      state.again = true;
      return;
    }
    // A sooner request (a limit change) moves a pending, later one forward.
    const dueAt = Date.now() + delayMs;
    if (state.timer !== undefined && state.dueAt !== undefined && state.dueAt <= dueAt) return;
    clearTimeout(state.timer);
    state.dueAt = dueAt;
    state.timer = setTimeout(() => this.run(siteId), delayMs).unref();
  }

  private requestAll(): void {
    for (const siteId of this.stationSites.allSites()) this.request(siteId);
  }

  private stateOf(siteId: string): SiteState {
    let state = this.sites.get(siteId);
    if (state === undefined) {
      state = { again: false, pinnedA: new Map(), drawnAtPlan: new Map(), ratingA: new Map() };
      this.sites.set(siteId, state);
    }
    return state;
  }

  private async siteChanged(siteId: string): Promise<void> {
    const before = new Set(this.stationSites.allSites());
    await this.stationSites.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'could not read the stations of the sites'));
    if (siteId === '*') return this.requestAll();
    this.request(siteId, SITE_CHANGE_DEBOUNCE_MS);
    // A charger that moved site leaves its old one, which must plan again too.
    for (const site of this.stationSites.allSites()) if (!before.has(site)) this.request(site);
  }

  private stationChanged(state: StationChargingState, fact: StationFact): void {
    const siteId = this.stationSites.siteOf(state.stationId);
    if (siteId === undefined) return;
    const site = this.stateOf(siteId);
    if (fact.kind === 'connected' || fact.kind === 'booted') void this.dispatcher.forgetStation(state.stationId).finally(() => this.request(siteId));
    if (fact.kind === 'transaction-ended') {
      site.pinnedA.delete(sessionIdOf(state.stationId, fact.evseId));
      void this.dispatcher.forgetTx(state.stationId, fact.evseId);
    }
    const drawn = fact.kind === 'current-drawn' ? site.drawnAtPlan.get(sessionIdOf(state.stationId, fact.evseId)) : undefined;
    if (replansSite(fact, drawn)) this.request(siteId);
  }

  private rejected(stationId: string, rejections: Rejection[]): void {
    const siteId = this.stationSites.siteOf(stationId);
    if (siteId === undefined) return;
    const site = this.stateOf(siteId);
    // What the station's own profiles let a session draw without its TxProfile: the default and the
    // guard it accepted, or its rating when it refused those too.
    const fallback = fallbackCurrentA(this.dispatcher.held(stationId), site.ratingA.get(stationId) ?? 0, Date.now());
    for (const sessionId of pinnedByRejections(stationId, rejections, this.tracker.station(stationId).sessions)) site.pinnedA.set(sessionId, fallback);
    this.logger.warn({ stationId, rejections }, 'station refused charging profiles; its sessions are counted at what they draw instead');
    this.request(siteId);
  }

  private run(siteId: string): void {
    const state = this.stateOf(siteId);
    state.timer = undefined;
    state.dueAt = undefined;
    state.running = this.plan(siteId, state)
      .catch((error: unknown) => {
        this.allocationMetrics.failed();
        this.logger.error({ err: error, siteId }, 'planning failed; the stations keep what they hold');
      })
      .finally(() => {
        state.running = undefined;
        if (state.again) {
          state.again = false;
          this.request(siteId);
        }
      });
  }

  private async plan(siteId: string, state: SiteState): Promise<void> {
    const snapshot = await this.snapshots.read(siteId);
    if (snapshot === undefined) {
      this.sites.delete(siteId);
      this.allocationMetrics.forget(siteId);
      return;
    }
    const now = Date.now();
    const stopTimer = this.planDuration.startTimer();
    const stations = new Map(snapshot.chargers.map((charger) => [charger.stationId, this.tracker.station(charger.stationId)]));
    const offered = new Map<string, number>();
    for (const station of stations.values()) {
      for (const session of station.sessions.values()) {
        const draw = drawOf(session);
        const offer = this.dispatcher.offeredWhenMeasured(station.stationId, session.evseId, draw, now);
        if (offer !== undefined) offered.set(sessionIdOf(station.stationId, session.evseId), offer);
      }
    }
    const inputs = sessionInputs(snapshot, stations, offered, state.pinnedA, this.verifier.overdraws(siteId));
    const maxSteps = Math.min(MAX_STEPS, Math.max(1, ...[...stations.values()].map((station) => (station.capabilities ?? ASSUMED_CAPABILITIES).maxPeriods)));
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: HORIZON_MS, maxSteps });
    const plans = stationPlans(snapshot, inputs, steps, now);
    stopTimer();
    const foreignProfiles = foreignProfilesByStation([...snapshot.schedules.values()].flat().map((schedule) => schedule.source));
    const wishes = plans.map((plan) => {
      const told = stations.get(plan.stationId)?.capabilities;
      const capabilities = told ?? ASSUMED_CAPABILITIES;
      const foreign = foreignProfiles.get(plan.stationId) ?? [];
      // Only a room the station told of limits what it gets (less the operators' profiles it holds):
      // an assumed one would drop guards for nothing.
      const room = told === undefined ? Number.POSITIVE_INFINITY : told.maxProfiles - foreign.length;
      const { kept, dropped } = withinProfileBudget(plan.requests, room);
      if (dropped.length > 0) this.logger.warn({ stationId: plan.stationId, maxProfiles: capabilities.maxProfiles, dropped: dropped.map((request) => `${request.purpose}/${request.evseId}`) }, 'the station holds too few profiles for all this service would install');
      const profiles = kept.flatMap((request) => {
        const clearance = clearOfForeign(buildProfile(request, capabilities), foreign);
        if (!clearance.ok) this.logger.warn({ stationId: plan.stationId, purpose: request.purpose, evseId: request.evseId, reason: clearance.reason }, 'profile not sent: it would replace an operator’s');
        return clearance.ok ? [clearance.profile] : [];
      });
      return { stationId: plan.stationId, profiles };
    });
    state.ratingA = new Map(snapshot.chargers.map((charger) => [charger.stationId, charger.ratingA]));
    state.drawnAtPlan = new Map(inputs.sessions.flatMap((session) => (session.input.drawnA === undefined ? [] : [[session.input.id, session.input.drawnA] as const])));
    state.last = sitePlanViewOf(snapshot, inputs, steps, plans, now);
    for (const listener of this.plannedListeners) listener(state.last);
    this.scheduleBoundary(siteId, state, snapshot, now);
    // Sites without a tenant go straight on: an await here lets a station's reboot slip in between plan and send.
    await this.dispatcher.syncSite(snapshot.tenant === undefined ? wishes : await this.tenancy.allowed(siteId, snapshot.tenant, wishes), now);
    this.allocationMetrics.planned(state.last);
  }

  /** Plans the site again when its next limit slot begins or ends. */
  private scheduleBoundary(siteId: string, state: SiteState, snapshot: SiteSnapshot, now: number): void {
    clearTimeout(state.boundaryTimer);
    const next = nextBoundary([...snapshot.schedules.values()].flat(), now);
    if (next === undefined) return;
    state.boundaryTimer = setTimeout(() => this.request(siteId, 0), Math.min(LONGEST_TIMER_MS, Math.max(0, next - Date.now()))).unref();
  }
}

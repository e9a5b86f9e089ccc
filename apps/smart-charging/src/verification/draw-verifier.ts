import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import { type Overdraw, sessionIdOf } from '../planning/session-inputs';
import type { StationChargingState } from '../sessions/charging-session';
import { SessionTracker } from '../sessions/session-tracker';
import type { StationFact } from '../sessions/station-fact';
import { StationSites } from '../site-control/station-sites';
import { type DrawDeviation, closedDeviation, judgeDraw, replanNeeded, storesOnUpdate } from './draw-deviation';
import { DrawDeviationRepository } from './draw-deviation.repository';

/** Told the site whose deviations changed what planning must count. */
export type DeviationListener = (siteId: string) => void;

/**
 * Verification by measurement: every draw a station reports is judged against the TxProfile it
 * accepted (draw-deviation.ts). A deviation is logged, stored, counted, and held open until the
 * session complies or ends; planning holds an overdrawing session to its offer and makes room for
 * its excess (`overdraws`), and each opening, closing or material change re-plans its site.
 */
@Injectable()
export class DrawVerifier implements OnModuleInit {
  /** Open deviations by session id. */
  private readonly open = new Map<string, DrawDeviation>();
  /** Per session id: what planning was last asked to count (to tell a material change). */
  private readonly planned = new Map<string, Pick<DrawDeviation, 'allowedA' | 'excessA'>>();
  private readonly listeners: DeviationListener[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly changes: Counter;
  private readonly logger: Logger;

  constructor(
    private readonly tracker: SessionTracker,
    private readonly dispatcher: ProfileDispatcher,
    private readonly stationSites: StationSites,
    private readonly repository: DrawDeviationRepository,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'draw-verifier' });
    this.changes = metrics.counter('csms_smart_charging_draw_deviations_total', 'Sessions found drawing more than their profile allows (opened) and complying again (closed)', ['change']);
  }

  async onModuleInit(): Promise<void> {
    for (const deviation of await this.repository.loadOpen()) this.open.set(sessionIdOf(deviation.stationId, deviation.evseId), deviation);
    this.tracker.onChange((state, fact) => this.observe(state, fact));
  }

  onChange(listener: DeviationListener): void {
    this.listeners.push(listener);
  }

  /** Per session id, a site's open deviations as planning counts them (remembered as what planning counted). */
  overdraws(siteId: string): Map<string, Overdraw> {
    const overdraws = new Map<string, Overdraw>();
    for (const [sessionId, deviation] of this.open) {
      if (deviation.siteId !== siteId) continue;
      overdraws.set(sessionId, { heldToA: deviation.allowedA, excessA: deviation.excessA });
      this.planned.set(sessionId, { allowedA: deviation.allowedA, excessA: deviation.excessA });
    }
    return overdraws;
  }

  /** Resolves once every change seen so far is stored (tests). */
  async flushed(): Promise<void> {
    await this.writing;
  }

  private observe(state: StationChargingState, fact: StationFact): void {
    if (fact.kind === 'transaction-ended') {
      const open = this.open.get(sessionIdOf(state.stationId, fact.evseId));
      if (open?.transactionId === fact.transactionId) this.close(open, fact.at, 'its session ended');
      return;
    }
    if (fact.kind !== 'current-drawn') return;
    const session = state.sessions.get(fact.evseId);
    if (session === undefined) return;
    const sessionId = sessionIdOf(state.stationId, fact.evseId);
    let open = this.open.get(sessionId);
    // Its transaction ended while the end was not seen (a restart): a new session starts clean.
    if (open !== undefined && open.transactionId !== session.transactionId) {
      this.close(open, session.startedAt, 'a new session started on its EVSE');
      open = undefined;
    }
    const siteId = open?.siteId ?? this.stationSites.siteOf(state.stationId);
    if (siteId === undefined) return;
    const drawing = { siteId, stationId: state.stationId, evseId: fact.evseId, transactionId: session.transactionId };
    const judgement = judgeDraw(open, drawing, this.dispatcher.offerAt(state.stationId, fact.evseId, fact.at), { perPhaseA: fact.perPhaseA, at: fact.at });
    switch (judgement.change) {
      case 'opened':
        return this.opened(sessionId, judgement.deviation);
      case 'updated':
        if (open !== undefined) this.updated(sessionId, open, judgement.deviation);
        return;
      case 'closed':
        return this.close(judgement.deviation, judgement.deviation.closedAt ?? fact.at, 'it complies');
      case 'none':
        return;
    }
  }

  private opened(sessionId: string, deviation: DrawDeviation): void {
    this.open.set(sessionId, deviation);
    this.changes.inc({ change: 'opened' });
    this.logger.warn(
      { ...this.logFields(deviation), drawnA: deviation.drawnPeakA, excessA: deviation.excessA },
      'station draws more than its charging profile allows; its excess is taken from the others until it complies',
    );
    this.write(() => this.repository.open(deviation), deviation);
    this.replan(deviation.siteId);
  }

  private updated(sessionId: string, before: DrawDeviation, after: DrawDeviation): void {
    this.open.set(sessionId, after);
    if (storesOnUpdate(before, after)) this.write(() => this.repository.update(after), after);
    const planned = this.planned.get(sessionId);
    if (planned === undefined || replanNeeded(planned, after)) this.replan(after.siteId);
  }

  private close(open: DrawDeviation, at: number, why: string): void {
    const sessionId = sessionIdOf(open.stationId, open.evseId);
    const closed = open.closedAt === undefined ? closedDeviation(open, at) : open;
    this.open.delete(sessionId);
    this.planned.delete(sessionId);
    this.changes.inc({ change: 'closed' });
    this.logger.info({ ...this.logFields(closed), closedAt: new Date(closed.closedAt ?? at).toISOString(), why }, 'draw deviation closed');
    this.write(() => this.repository.update(closed), closed);
    this.replan(closed.siteId);
  }

  private logFields(deviation: DrawDeviation) {
    const { siteId, stationId, evseId, transactionId, phases, allowedA, drawnPeakA } = deviation;
    return { siteId, stationId, evseId, transactionId, phases, allowedA, drawnPeakA, openedAt: new Date(deviation.openedAt).toISOString() };
  }

  private replan(siteId: string): void {
    for (const listener of this.listeners) listener(siteId);
  }

  /** Writes in the order the changes happened; a failed write is logged, and the deviation stays in force in memory. */
  private write(operation: () => Promise<void>, deviation: DrawDeviation): void {
    this.writing = this.writing
      .then(operation)
      .catch((error: unknown) => this.logger.error({ err: error, ...this.logFields(deviation) }, 'could not store a draw deviation'));
  }
}

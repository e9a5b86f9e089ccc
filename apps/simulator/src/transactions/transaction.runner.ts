import { randomUUID } from 'node:crypto';
import { type JsonObject, RpcSessionError, RpcSessionErrorCode } from '@app/ocpp';
import type { RateUnit } from '../smart-charging/charging-profile';
import type { ChargingRate } from '../smart-charging/charging-rate';
import type { CompositeSchedule } from '../smart-charging/composite-schedule';
import { EvseLimits } from '../smart-charging/evse-limits';
import { StationError, StationErrorCode } from '../station/station.error';
import type { StationContext } from '../station/station-context';
import { type ActiveTransaction, type ConnectorStatus, type MeterSample, type MeterTrigger, type StartTrigger, type StopReason, isAccepted } from '../station/station-model';
import type { StartedResult } from '../dialect/station-dialect';
import type { Vehicle } from './delivered-power';
import { Evse } from './evse';

function isUnanswered(error: unknown): boolean {
  return error instanceof StationError && error.detail instanceof RpcSessionError && error.detail.code === RpcSessionErrorCode.Timeout;
}

export interface StartRequest {
  /** Where to charge; default: the first free connector/EVSE. */
  readonly evseId?: number;
  readonly idToken: string;
  readonly trigger?: StartTrigger;
  readonly remoteStartId?: number;
  /** The reservation this start uses, named in StartTransaction / TransactionEvent. */
  readonly reservationId?: number;
  /** The EV that arrives for this session; default: the station's `vehicle` option. */
  readonly vehicle?: Vehicle;
}

/**
 * The charging side of a station: connectors/EVSEs, transactions and their meter values, which
 * follow the composite of the charging profiles in force.
 */
export class TransactionRunner {
  readonly evses: readonly Evse[];
  private readonly limits: EvseLimits;

  constructor(private readonly context: StationContext) {
    const { evseCount, vehicle, now } = context.options;
    this.evses = Array.from({ length: evseCount }, (_, index) => new Evse(index + 1, vehicle, now()));
    this.limits = new EvseLimits(context, (evseId) => {
      const transaction = this.evse(evseId)?.transaction;
      return transaction && { id: transaction.transactionId ?? transaction.localId, startedAt: transaction.startedAt };
    });
    context.settings.onChange((name) => {
      if (name === 'MeterValueSampleInterval') this.evses.filter((evse) => evse.meterTimer).forEach((evse) => this.startMeter(evse));
    });
  }

  evse(evseId: number): Evse | undefined {
    return this.evses[evseId - 1];
  }

  /** The CSMS-visible id of the transaction on `evseId` (undefined until 1.6 StartTransaction is answered). */
  transactionIdOn(evseId: number): string | undefined {
    return this.evse(evseId)?.transaction?.transactionId;
  }

  /** The EVSE running the transaction with this (CSMS or local) id. */
  findTransaction(transactionId: string): Evse | undefined {
    return this.evses.find(({ transaction }) => transaction && (transaction.transactionId === transactionId || transaction.localId === transactionId));
  }

  /** The limit on `evse` at `at`: hardware capability capped by the composite of the profiles in force. */
  limitOn(evseId: number, at: number): ChargingRate {
    return this.limits.limitOn(evseId, at);
  }

  compositeSchedule(evseId: number, durationS: number, unit: RateUnit): CompositeSchedule {
    return this.limits.compositeSchedule(evseId, durationS, unit);
  }

  /** Brings every meter up to now (the profiles are about to change: what was drawn until now was drawn under the old ones). */
  settle(): void {
    const now = this.context.options.now();
    this.evses.forEach((evse) => evse.advance(now, this.limits.timeline(evse.id)));
  }

  /** Brings one EVSE's meter up to now: its register and what it draws at this instant under the profiles in force. */
  meterNow(evseId: number): MeterSample {
    return this.requireEvse(evseId).advance(this.context.options.now(), this.limits.timeline(evseId));
  }

  /** Reports `status` for one EVSE, or for all; sends only what changes what the CSMS sees. */
  async report(status: ConnectorStatus | undefined, evseId?: number, force = false): Promise<void> {
    const targets = evseId === undefined ? this.evses : [this.requireEvse(evseId)];
    for (const evse of targets) await this.setStatus(evse, status ?? evse.status, force);
  }

  async start(request: StartRequest): Promise<ActiveTransaction> {
    const { events, options } = this.context;
    const evse = request.evseId === undefined ? this.evses.find((candidate) => candidate.isFree) : this.evse(request.evseId);
    if (!evse?.isFree) throw new StationError(StationErrorCode.EvseUnavailable, `no free connector/EVSE ${request.evseId ?? ''}`.trim());
    const now = options.now();
    const transaction = this.newTransaction(evse, request, now);
    await this.setStatus(evse, 'Preparing');
    const result = await this.announceStart(evse, transaction, now);
    transaction.transactionId = result.transactionId ?? transaction.transactionId;
    if (!isAccepted(result.authorization)) {
      await this.stop(evse.id, 'DeAuthorized');
      throw new StationError(StationErrorCode.NotAuthorized, `the CSMS did not authorise ${request.idToken} (${result.authorization ?? ''})`);
    }
    await this.announceNeeds(evse);
    await this.setStatus(evse, 'Charging');
    this.startMeter(evse);
    events.emit('transactionStarted', { evseId: evse.id, transactionId: transaction.transactionId ?? transaction.localId });
    return transaction;
  }

  async stop(evseId: number, reason: StopReason = 'Local'): Promise<void> {
    const { dialect, events, profiles, options } = this.context;
    const evse = this.requireEvse(evseId);
    const transaction = evse.transaction;
    if (transaction === undefined) throw new StationError(StationErrorCode.NoTransaction, `no transaction on ${evseId}`);
    evse.stopMeter();
    const now = options.now();
    const sample = evse.advance(now, this.limits.timeline(evse.id));
    evse.transaction = undefined;
    evse.advance(now, this.limits.timeline(evse.id));
    const transactionId = transaction.transactionId ?? transaction.localId;
    profiles.endTransaction(evse.id, transactionId);
    const ended = dialect.transactionEnded({ transaction, sample, reason });
    transaction.nextSeqNo += 1;
    try {
      await this.sendTransactionMessage(ended);
      await this.setStatus(evse, 'Finishing');
      await this.setStatus(evse, evse.operative ? 'Available' : 'Unavailable');
    } finally {
      events.emit('transactionStopped', { evseId: evse.id, transactionId, reason });
    }
  }

  /** Sends a meter value now: a transaction update, or idle MeterValues without a transaction. */
  async sendMeterValues(evseId: number, trigger: MeterTrigger): Promise<void> {
    const { dialect, events, options } = this.context;
    const evse = this.requireEvse(evseId);
    const now = options.now();
    const sample = evse.advance(now, this.limits.timeline(evse.id));
    const { transaction } = evse;
    const message = transaction ? dialect.transactionUpdated(transaction, sample, trigger) : dialect.idleMeterValues(evse.id, sample);
    if (transaction) transaction.nextSeqNo += 1;
    await this.sendTransactionMessage(message);
    events.emit('meterValues', { evseId: evse.id, transactionId: transaction?.transactionId, sample });
  }

  /** Profiles changed on `evseId` (0: all): the draw follows at once; 2.0.1 reports the new rate. */
  async profilesChanged(evseId: number): Promise<void> {
    await this.followLimits(evseId === 0 ? this.evses : this.evses.filter((evse) => evse.id === evseId));
    this.context.events.emit('profilesChanged', { evseId });
  }

  /** From now on the EVs draw `amps` per phase above what the profiles allow (what was drawn until now stays as it was). */
  async overdraw(amps: number): Promise<void> {
    this.settle();
    this.limits.overdrawA = amps;
    await this.followLimits(this.evses);
  }

  private async followLimits(evses: readonly Evse[]): Promise<void> {
    const { dialect, options } = this.context;
    for (const evse of evses) {
      const before = evse.currentDraw.watts;
      evse.advance(options.now(), this.limits.timeline(evse.id));
      if (evse.transaction && dialect.reportsRateChanges && evse.currentDraw.watts !== before) await this.sendMeterValues(evse.id, 'ChargingRateChanged');
    }
  }

  get busy(): boolean {
    return this.evses.some((evse) => evse.transaction !== undefined);
  }

  /** Stops every meter timer (the station is being disposed). */
  halt(): void {
    this.evses.forEach((evse) => evse.stopMeter());
  }

  private newTransaction(evse: Evse, request: StartRequest, now: number): ActiveTransaction {
    const baseline = evse.advance(now, this.limits.timeline(evse.id));
    evse.plugIn(request.vehicle);
    const localId = randomUUID();
    return {
      evseId: evse.id,
      localId,
      transactionId: this.context.dialect.stationAssignsTransactionIds ? localId : undefined,
      idToken: request.idToken,
      startedAt: now,
      meterStartWh: baseline.energyWh,
      trigger: request.trigger ?? 'Local',
      remoteStartId: request.remoteStartId,
      reservationId: request.reservationId,
      nextSeqNo: 0,
    };
  }

  /** StartTransaction / TransactionEvent Started; when it fails, the EVSE is idle again. */
  private async announceStart(evse: Evse, transaction: ActiveTransaction, now: number): Promise<StartedResult> {
    const { dialect } = this.context;
    evse.transaction = transaction;
    const started = dialect.transactionStarted({ transaction, sample: evse.advance(now, this.limits.timeline(evse.id)) });
    transaction.nextSeqNo += 1;
    try {
      return dialect.startedResult(await this.sendTransactionMessage(started));
    } catch (error) {
      evse.transaction = undefined;
      evse.advance(now, this.limits.timeline(evse.id));
      // Best effort: the connection may be what failed.
      await this.setStatus(evse, 'Available').catch(() => undefined);
      throw error;
    }
  }

  /**
   * An ISO 15118 EV states its needs once its transaction runs (2.0.1 NotifyEVChargingNeeds); it
   * charges whatever the answer, under the profiles that follow. A failure is reported, not fatal.
   */
  private async announceNeeds(evse: Evse): Promise<void> {
    const { dialect, link, events } = this.context;
    const message = dialect.evChargingNeeds(evse.id, evse.ev);
    if (message === undefined) return;
    try {
      const answer = await link.call(message.action, message.payload);
      events.emit('chargingNeedsAnswered', { evseId: evse.id, status: String(answer['status']) });
    } catch (error) {
      const description = error instanceof Error ? error.message : String(error);
      events.emit('protocolIssue', { code: 'charging-needs-failed', description, action: message.action });
    }
  }

  /**
   * Sends a transaction message, again (same payload) when the CSMS does not answer in time, as a
   * real station does: the CSMS answers only once the message is durable, so silence means "retry".
   */
  private async sendTransactionMessage(message: { action: string; payload: object }): Promise<JsonObject> {
    const { link, options, events } = this.context;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await link.call(message.action, message.payload);
      } catch (error) {
        if (attempt >= options.transactionMessageAttempts || !isUnanswered(error)) throw error;
        events.emit('transactionMessageRetried', { action: message.action, attempt });
        await new Promise((resolve) => setTimeout(resolve, options.transactionMessageRetryIntervalMs * attempt));
      }
    }
  }

  private startMeter(evse: Evse): void {
    evse.stopMeter();
    const intervalS = this.context.settings.integer('MeterValueSampleInterval');
    if (!(intervalS > 0)) return;
    evse.meterTimer = setInterval(() => this.tick(evse), intervalS * 1000);
    evse.meterTimer.unref();
  }

  private tick(evse: Evse): void {
    // Offline, a real station keeps charging and metering; the sample is simply not sent.
    // Failed sends are already counted through the link's callCompleted event.
    if (!this.context.link.isOpen || evse.transaction === undefined) return;
    this.sendMeterValues(evse.id, 'Periodic').catch(() => undefined);
  }

  private async setStatus(evse: Evse, status: ConnectorStatus, force = false): Promise<void> {
    const { dialect, link, options } = this.context;
    evse.status = status;
    const reported = dialect.reportedStatus(status);
    if (!force && reported === evse.reportedStatus) return;
    const message = dialect.statusNotification(evse.id, status, options.now());
    await link.call(message.action, message.payload);
    evse.reportedStatus = reported;
  }

  private requireEvse(evseId: number): Evse {
    const evse = this.evse(evseId);
    if (evse === undefined) throw new StationError(StationErrorCode.EvseUnavailable, `no connector/EVSE ${evseId}`);
    return evse;
  }
}

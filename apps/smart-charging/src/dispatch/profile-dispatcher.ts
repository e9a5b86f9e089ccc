import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { type CommandOutcome, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import { type DispatchRecord, DispatchedProfileRepository } from './dispatched-profile.repository';
import { type MeasuredDraw, offerAtMeasurement } from './offer-at-measurement';
import { type Offer, offerInForce } from './offer-in-force';
import type { PlannedProfile, ProfilePurpose } from './planned-profile';
import { type ChangeReason, type SentProfile, changeReason, lowersNow } from './profile-change';
import { setChargingProfileCommand } from './profile-command';

/** How long a station may take to answer a SetChargingProfile. */
const COMMAND_TIMEOUT_MS = 30_000;
/** How long a site's raises wait for its lowerings to be answered: a lost answer must not stall the site. */
const LOWERING_WAIT_MS = 5_000;

export interface Rejection {
  purpose: ProfilePurpose;
  evseId: number;
  /** The transaction a refused TxProfile was for. */
  transactionId?: string;
  detail: string;
}

export type RejectionListener = (stationId: string, rejections: Rejection[]) => void;

/** What one station of a site should hold. */
export interface StationWish {
  stationId: string;
  profiles: readonly PlannedProfile[];
}

function keyOf(stationId: string, purpose: string, evseId: number): string {
  return `${stationId}|${purpose}|${evseId}`;
}

function outcomeOf(outcome: CommandOutcome): { outcome: SentProfile['outcome']; detail?: string } {
  if (outcome.status === 'accepted') return { outcome: 'accepted' };
  const detail = [outcome.status, outcome.errorCode, outcome.errorDescription, outcome.result?.status].filter((part) => part !== undefined && part !== '').join(': ');
  // A station that refused the profile, or a profile its OCPP version cannot carry, is a rejection;
  // one that did not answer (offline, timeout) is tried again later.
  return { outcome: outcome.status === 'rejected' || outcome.status === 'invalid' || outcome.status === 'call-error' ? 'rejected' : 'failed', detail };
}

/**
 * Sends stations the profiles planning wants them to hold: only what changed (profile-change.ts),
 * one station's messages after another's answer, and keeps what was sent with the answer.
 */
@Injectable()
export class ProfileDispatcher implements OnModuleInit {
  private readonly sent = new Map<string, DispatchRecord>();
  /** Per TxProfile slot: the accepted profile the last send replaced (what the station held before). */
  private readonly replaced = new Map<string, DispatchRecord>();
  private readonly waiting = new Map<string, readonly PlannedProfile[]>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly rejectionListeners: RejectionListener[] = [];
  private readonly sends: Counter;
  private readonly logger: Logger;

  constructor(
    private readonly client: StationCommandClient,
    private readonly repository: DispatchedProfileRepository,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'profile-dispatcher' });
    this.sends = metrics.counter('csms_smart_charging_profiles_sent_total', 'Charging profiles sent to stations, by purpose, reason and outcome', ['purpose', 'reason', 'outcome']);
  }

  async onModuleInit(): Promise<void> {
    for (const record of await this.repository.loadAll()) this.sent.set(keyOf(record.stationId, record.profile.purpose, record.profile.evseId), record);
  }

  /** What was last sent to a station, with the answers. */
  held(stationId: string): DispatchRecord[] {
    return [...this.sent.values()].filter((record) => record.stationId === stationId);
  }

  /** What the session's draw is compared with by the surplus rule: the limit held when it was measured (offer-at-measurement.ts). */
  offeredWhenMeasured(stationId: string, evseId: number, draw: MeasuredDraw | undefined, now: number): number | undefined {
    const key = keyOf(stationId, 'tx', evseId);
    return offerAtMeasurement(this.sent.get(key), this.replaced.get(key), draw, now);
  }

  /** What the station accepted for the session on an EVSE at `at`, and since when (for verifying its draw). */
  offerAt(stationId: string, evseId: number, at: number): Offer | undefined {
    const record = this.sent.get(keyOf(stationId, 'tx', evseId));
    return record === undefined ? undefined : offerInForce(record, at);
  }

  /** Called with what a station refused, once its answers are in. */
  onRejected(listener: RejectionListener): void {
    this.rejectionListeners.push(listener);
  }

  /**
   * Sends a station what `desired` changes, after whatever is being sent to it now. Planning runs
   * again and again while a slow station answers: only the newest wish waits, older ones are dropped.
   */
  sync(stationId: string, desired: readonly PlannedProfile[]): void {
    const waiting = this.waiting.has(stationId);
    this.waiting.set(stationId, desired);
    if (waiting || this.running.has(stationId)) return;
    void this.drain(stationId);
  }

  /**
   * Sends a whole site what its plan changes, lowering before raising: every profile that only
   * lowers what is in force now goes first, to all stations at once (profile-change.ts, lowersNow); what raises one (or is new, e.g. a session's first
   * TxProfile) goes once those are answered. Sent together, a raise could land before the lowering
   * that makes room for it, and the feeder would be over its limit until the other arrives.
   * Resolves once every station answered (so that the next plan compares with what they hold), or
   * after LOWERING_WAIT_MS per step when some do not: their answers are then still awaited apart.
   */
  async syncSite(wishes: readonly StationWish[], now = Date.now()): Promise<void> {
    const lowering = wishes
      .map(({ stationId, profiles }) => ({ stationId, profiles: profiles.filter((profile) => lowersNow(profile, this.sent.get(keyOf(stationId, profile.purpose, profile.evseId)), now)) }))
      .filter((wish) => wish.profiles.length > 0);
    for (const wish of lowering) this.sync(wish.stationId, wish.profiles);
    await this.settledWithin(lowering, LOWERING_WAIT_MS);
    for (const wish of wishes) this.sync(wish.stationId, wish.profiles);
    await this.settledWithin(wishes, LOWERING_WAIT_MS);
  }

  private async settledWithin(wishes: readonly StationWish[], timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all(wishes.map((wish) => this.settled(wish.stationId))), timeout]);
    clearTimeout(timer);
  }

  /** Resolves once nothing is waiting or being sent (to this station, or to any). */
  async settled(stationId?: string): Promise<void> {
    for (;;) {
      const pending = stationId === undefined ? [...this.running.values()] : [this.running.get(stationId)].filter((run) => run !== undefined);
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  private async drain(stationId: string): Promise<void> {
    for (let desired = this.waiting.get(stationId); desired !== undefined; desired = this.waiting.get(stationId)) {
      this.waiting.delete(stationId);
      const run = this.send(stationId, desired, Date.now()).catch((error: unknown) => {
        this.logger.error({ err: error, stationId }, 'could not send charging profiles');
        return [];
      });
      this.running.set(stationId, run.then(() => undefined));
      const rejections = await run;
      this.running.delete(stationId);
      if (rejections.length > 0) for (const listener of this.rejectionListeners) listener(stationId, rejections);
    }
  }

  /** The station reconnected or rebooted: whatever it held is uncertain, so everything goes again. */
  async forgetStation(stationId: string): Promise<void> {
    for (const [key, record] of this.sent) {
      if (record.stationId !== stationId) continue;
      this.sent.delete(key);
      this.replaced.delete(key);
    }
    await this.repository.forgetStation(stationId);
  }

  /** A transaction ended: the station drops its TxProfile by itself. */
  async forgetTx(stationId: string, evseId: number): Promise<void> {
    this.replaced.delete(keyOf(stationId, 'tx', evseId));
    if (this.sent.delete(keyOf(stationId, 'tx', evseId))) await this.repository.forget(stationId, 'tx', evseId);
  }

  private async send(stationId: string, desired: readonly PlannedProfile[], now: number): Promise<Rejection[]> {
    const rejections: Rejection[] = [];
    for (const profile of desired) {
      const key = keyOf(stationId, profile.purpose, profile.evseId);
      const reason = changeReason(profile, this.sent.get(key), now);
      if (reason === undefined) continue;
      const record = await this.sendOne(stationId, profile, reason);
      // Not sent at all: no 30 s back-off; the plan that follows the station's presence sends it.
      if (record === undefined) continue;
      const before = this.sent.get(key);
      if (profile.purpose === 'tx' && before?.outcome === 'accepted' && record.outcome === 'accepted') this.replaced.set(key, before);
      this.sent.set(key, record);
      if (record.outcome === 'rejected') rejections.push({ purpose: profile.purpose, evseId: profile.evseId, transactionId: profile.transactionId, detail: record.detail ?? 'rejected' });
    }
    return rejections;
  }

  /** Undefined when the command never left: this process does not (yet) see the station connected. */
  private async sendOne(stationId: string, profile: PlannedProfile, reason: ChangeReason): Promise<DispatchRecord | undefined> {
    const sentAt = Date.now();
    let record: DispatchRecord;
    try {
      const outcome = await this.client.send(stationId, setChargingProfileCommand(profile), { timeoutMs: COMMAND_TIMEOUT_MS });
      if (outcome.status === 'not-connected') {
        this.sends.inc({ purpose: profile.purpose, reason, outcome: 'not-connected' });
        return undefined;
      }
      record = { stationId, profile, sentAt, answeredAt: Date.now(), commandId: outcome.commandId, ...outcomeOf(outcome) };
    } catch (error) {
      // The command could not even be published (the bus is down): like a station that did not answer.
      record = { stationId, profile, sentAt, outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
    this.sends.inc({ purpose: profile.purpose, reason, outcome: record.outcome });
    if (record.outcome !== 'accepted') this.logger.warn({ stationId, purpose: profile.purpose, evseId: profile.evseId, reason, outcome: record.outcome, detail: record.detail }, 'charging profile not accepted');
    await this.repository.save(record).catch((error: unknown) => this.logger.error({ err: error, stationId }, 'could not store a dispatched profile'));
    return record;
  }
}

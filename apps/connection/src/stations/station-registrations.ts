import { type OcppRpcError, WithholdResponse } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { CallContext, CallGuard } from '../gateway/call-handler.registry';
import { LastSeenThrottle } from './last-seen.throttle';
import { LastSeenWriter } from './last-seen.writer';
import { gateCall } from './registration-gate';
import type { RegistrationStatus } from './registration-status';
import { StationRepository } from './station.repository';

/** How long a registration read from the database is trusted before it is read again. */
const REGISTRATION_TTL_MS = 30_000;
/** How long a message the CSMS triggered (TriggerMessage to a Pending station) stays admitted. */
const TRIGGER_TTL_MS = 60_000;

const BOOT_NOTIFICATION = 'BootNotification';

interface KnownRegistration {
  status: RegistrationStatus;
  checkedAt: number;
}

/**
 * The registration gate in front of every handler: admits or refuses each CALL by the station's
 * registration (stations/registration-gate.ts), and notes that the station was seen. The
 * registration is cached per station for a short while; BootNotification refreshes it, so an
 * operator's acceptance takes effect at the station's next boot on any replica.
 */
@Injectable()
export class StationRegistrations implements CallGuard {
  private readonly known = new Map<string, KnownRegistration>();
  private readonly triggered = new Map<string, Map<string, number>>();
  /** When expired trigger expectations are next swept out (stations that never sent the message). */
  private nextTriggerSweepAt = 0;
  private readonly lastSeen = new LastSeenThrottle();

  constructor(
    private readonly stations: StationRepository,
    private readonly lastSeenTimes: LastSeenWriter,
  ) {}

  async admit(context: CallContext, action: string): Promise<OcppRpcError | undefined> {
    // Always admitted, and it records the station's registration and last-seen time itself.
    if (action === BOOT_NOTIFICATION) return undefined;
    this.noteSeen(context.stationId);
    const registration = await this.registrationOf(context, action);
    const triggered = registration === 'pending' && this.takeTrigger(context.stationId, action);
    const verdict = gateCall(registration, action, triggered);
    if (verdict.admit) return undefined;
    context.logger.info({ action, registration }, 'refused a CALL from a station that is not accepted');
    return verdict.error;
  }

  /** What a BootNotification found: the gate uses it at once. */
  remember(stationId: string, status: RegistrationStatus | undefined, now = Date.now()): void {
    if (status === undefined) this.known.delete(stationId);
    else this.known.set(stationId, { status, checkedAt: now });
    this.lastSeen.written(stationId, now);
  }

  /**
   * The CSMS asked a Pending station for `action` (TriggerMessage): admit one such CALL within a
   * minute. For the command path that sends TriggerMessage.
   */
  expectTriggered(stationId: string, action: string, now = Date.now()): void {
    this.sweepExpiredTriggers(now);
    const actions = this.triggered.get(stationId) ?? new Map<string, number>();
    actions.set(action, now + TRIGGER_TTL_MS);
    this.triggered.set(stationId, actions);
  }

  /** How many triggered messages are still expected, over all stations. */
  expectedTriggerCount(): number {
    let count = 0;
    for (const actions of this.triggered.values()) count += actions.size;
    return count;
  }

  /** At most once per TTL, so the map holds no more than two TTLs' worth of expectations. */
  private sweepExpiredTriggers(now: number): void {
    if (now < this.nextTriggerSweepAt) return;
    this.nextTriggerSweepAt = now + TRIGGER_TTL_MS;
    for (const [stationId, actions] of this.triggered) {
      for (const [action, expiresAt] of actions) if (expiresAt <= now) actions.delete(action);
      if (actions.size === 0) this.triggered.delete(stationId);
    }
  }

  private takeTrigger(stationId: string, action: string, now = Date.now()): boolean {
    const actions = this.triggered.get(stationId);
    const expiresAt = actions?.get(action);
    if (!actions || expiresAt === undefined) return false;
    actions.delete(action);
    if (actions.size === 0) this.triggered.delete(stationId);
    return expiresAt > now;
  }

  private async registrationOf(context: CallContext, action: string, now = Date.now()): Promise<RegistrationStatus> {
    const known = this.known.get(context.stationId);
    if (known && now - known.checkedAt < REGISTRATION_TTL_MS) return known.status;
    try {
      // A station that is no longer registered may only boot (and is Rejected then).
      const status = (await this.stations.findRegistration(context.stationId)) ?? 'rejected';
      this.known.set(context.stationId, { status, checkedAt: now });
      return status;
    } catch (error) {
      if (known) return known.status;
      // Per message at debug only: the gateway logs withheld answers, with this cause, once per interval (ADR 033).
      context.logger.debug({ err: error, action }, 'cannot read the station registration; withholding the answer');
      throw new WithholdResponse(`registration of ${context.stationId} unavailable`, error);
    }
  }

  private noteSeen(stationId: string, now = Date.now()): void {
    if (this.lastSeen.due(stationId, now)) this.lastSeenTimes.seen(stationId, new Date(now));
  }
}

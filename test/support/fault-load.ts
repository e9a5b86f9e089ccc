import { SimulatedStation, StationError, StationErrorCode, reconnectDelayMs, retryDelayMs } from '@app/simulator';
import { type StationReceipts, recordReceipts } from './station-receipts';

export interface LoadFleetOptions {
  /** Station ids are `<prefix><0001…>`; half 1.6, half 2.0.1. */
  prefix: string;
  count: number;
  /** The gateway's (or balancer's) ws:// OCPP URL, without the station id. */
  url: string;
  /** Mean pause between two messages of one station. */
  paceMs: number;
  meterValuesPerSession: number;
  /** How long a station waits for an answer before it sends a transaction message again. */
  callTimeoutMs: number;
  /**
   * How a station that lost its connection tries again: `paced` (default) at the load's pace,
   * `backoff` as the simulator's fleets do (reconnect-backoff.ts, and at least a 503's Retry-After).
   */
  reconnect?: 'paced' | 'backoff';
}

/** Errors a station meets when the CSMS does not answer or the connection goes: it carries on, as a real one does. */
function isOutage(error: unknown): boolean {
  return error instanceof StationError && [StationErrorCode.CallFailed, StationErrorCode.NotConnected, StationErrorCode.ConnectFailed, StationErrorCode.Timeout].includes(error.code);
}

/** The StopTransaction / TransactionEvent Ended was answered; only the status after it failed. */
function onlyStatusFailed(error: unknown): boolean {
  return error instanceof StationError && error.message.startsWith('StatusNotification failed');
}

/**
 * Simulated stations under steady load (sessions back to back: start, meter values on demand with
 * heartbeats between, stop), that keep going through faults as real stations do: a transaction
 * message that gets no answer is sent again until answered; a lost connection is opened again
 * and the station boots and carries on with its transaction. Every message a station got an
 * answer for is in its receipts (station-receipts.ts).
 */
export class LoadFleet {
  readonly stations: SimulatedStation[];
  readonly receipts = new Map<string, StationReceipts>();
  /** Connections opened again after one was lost. */
  reconnects = 0;
  /** Calls that failed (unanswered in time, refused, or their connection lost) and that the station got past. */
  outageErrors = 0;
  /** The same, by what failed and how (`StatusNotification failed: timeout`, ...). */
  readonly outageReasons = new Map<string, number>();
  /** The first error a station could not carry on from. */
  failure: unknown;
  private running = true;
  private readonly sessions: Promise<void>[] = [];

  constructor(private readonly options: LoadFleetOptions) {
    this.stations = Array.from(
      { length: options.count },
      (_, index) =>
        new SimulatedStation({
          id: `${options.prefix}${String(index + 1).padStart(4, '0')}`,
          version: index % 2 === 0 ? '1.6' : '2.0.1',
          callTimeoutMs: options.callTimeoutMs,
          transactionMessageAttempts: 10_000,
          transactionMessageRetryIntervalMs: 100,
          meterIntervalS: 3600,
          connection: { url: options.url, securityProfile: 0 },
        }),
    );
    for (const station of this.stations) this.receipts.set(station.id, recordReceipts(station));
  }

  /** Connects and boots every station (at most `concurrency` at a time), each starting its sessions once booted. */
  async start(concurrency = 20): Promise<void> {
    let next = 0;
    const bootNext = async (): Promise<void> => {
      for (let index = next++; index < this.stations.length; index = next++) {
        const station = this.stations[index];
        if (!station) return;
        await station.connect();
        await station.boot();
        const run = this.runSessions(station);
        run.catch((error: unknown) => (this.failure ??= error));
        this.sessions.push(run);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, () => bootNext()));
  }

  /** Meter values answered so far, over all stations. */
  answeredMeterValues(): number {
    return [...this.receipts.values()].reduce((sum, receipts) => sum + receipts.meterValues.length, 0);
  }

  /** Durable messages answered so far: starts, stops and meter values. */
  answeredDurable(): number {
    return [...this.receipts.values()].reduce((sum, r) => sum + r.starts.size + r.stops.size + r.meterValues.length, 0);
  }

  retries(): number {
    return [...this.receipts.values()].reduce((sum, receipts) => sum + receipts.retries, 0);
  }

  sent(): number {
    return this.stations.reduce((sum, station) => sum + station.counters.callsSent, 0);
  }

  /** Meter values answered per station now: what `servedSince` compares with. */
  snapshot(): Map<string, number> {
    return new Map([...this.receipts].map(([id, receipts]) => [id, receipts.meterValues.length]));
  }

  /** Every station got at least one more meter value answered than in `snapshot`. */
  servedSince(snapshot: ReadonlyMap<string, number>): boolean {
    return [...this.receipts].every(([id, receipts]) => receipts.meterValues.length > (snapshot.get(id) ?? 0));
  }

  /** The failures the stations carried on from, most frequent first: for a test's summary line. */
  outageSummary(): string {
    return [...this.outageReasons].sort(([, a], [, b]) => b - a).map(([reason, count]) => `${count}× ${reason}`).join(', ') || 'none';
  }

  /** Ends the sessions in progress (each ends stopped when the CSMS answers) and waits for them. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.sessions);
  }

  async dispose(): Promise<void> {
    this.running = false;
    await Promise.allSettled(this.stations.map((station) => station.dispose()));
  }

  private async runSessions(station: SimulatedStation): Promise<void> {
    const receipts = this.receipts.get(station.id);
    if (!receipts) throw new Error(`no receipts for ${station.id}`);
    const idToken = `TAG-${station.id}`.slice(0, 20);
    let meterValues = 0;
    await this.pace();
    while (this.running || station.transactionIdOn(1) !== undefined) {
      try {
        await this.online(station);
        const transactionId = station.transactionIdOn(1);
        if (transactionId === undefined) {
          if (!this.running) break;
          await station.startTransaction({ evseId: 1, idToken }).catch((error: unknown) => this.carryOn(error));
          // Set only once the start was answered (a start that failed leaves the EVSE idle).
          const started = station.transactionIdOn(1);
          if (started !== undefined) receipts.starts.add(started);
          meterValues = 0;
        } else if (meterValues < this.options.meterValuesPerSession && this.running) {
          await this.pace();
          meterValues += 1;
          await station.sendMeterValues(1, 'Trigger');
          if (meterValues % 3 === 0) await station.heartbeat();
        } else {
          await this.pace();
          try {
            await station.stopTransaction(1);
            receipts.stops.add(transactionId);
          } catch (error) {
            if (onlyStatusFailed(error)) receipts.stops.add(transactionId);
            throw error;
          }
          await this.pace();
        }
      } catch (error) {
        this.carryOn(error);
      }
    }
  }

  /** Opens the connection again and boots, until the CSMS takes the station back or the run ends. */
  private async online(station: SimulatedStation): Promise<void> {
    const backoff = this.options.reconnect === 'backoff';
    let attempt = 0;
    let retryAfterMs = 0;
    while ((!station.isConnected || station.registrationStatus !== 'Accepted') && this.running) {
      try {
        if (!station.isConnected) {
          if (backoff) await new Promise((resolve) => setTimeout(resolve, Math.max(reconnectDelayMs(attempt++), retryAfterMs)));
          await station.connect();
          this.reconnects += 1;
        }
        await station.boot();
      } catch (error) {
        this.carryOn(error);
        retryAfterMs = retryDelayMs(error) ?? 0;
        // A pause before the next attempt, as a station backs off: the rate of attempts, not a wait for a condition.
        if (!backoff) await this.pace();
      }
    }
  }

  private carryOn(error: unknown): void {
    if (!isOutage(error)) throw error;
    this.outageErrors += 1;
    const reason = error instanceof Error ? error.message : String(error);
    this.outageReasons.set(reason, (this.outageReasons.get(reason) ?? 0) + 1);
  }

  /** The load's rate: a station sends a message about every `paceMs` (75-125 % of it). */
  private pace(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.options.paceMs * (0.75 + Math.random() / 2)));
  }
}

import { RpcSessionErrorCode } from '@app/ocpp';
import { LatencyHistogram, type LatencySummary } from '@app/simulator';

/** Why a CALL got no answer on the station's side (timeout, closed, ...): not a CALLERROR. */
const UNANSWERED = new Set<string>(Object.values(RpcSessionErrorCode));

export interface CallFigures {
  seconds: number;
  /** CALLs answered with a CALLRESULT in the window. */
  answered: number;
  achievedPerSecond: number;
  latency: LatencySummary;
  /** Round trips of answered CALLs by OCPP action (TransactionEvent is 2.0.1's Started/Updated/Ended). */
  latencyByAction: Record<string, LatencySummary>;
  /** CALLERRORs the CSMS sent, by OCPP error code (plus `invalid-request:*` for calls the station refused to send). */
  callErrors: Record<string, number>;
  /** CALLs that got no answer at all, by reason: `timeout` (the CSMS withheld or lost it), `closed`, ... */
  unanswered: Record<string, number>;
  /** Steps that failed before or between CALLs (not connected, no transaction to stop, ...), by code. */
  stepFailures: Record<string, number>;
  steps: number;
  /** Steps still behind schedule when the run gave up on them (see DurableMix.run): offered but never sent. */
  stepsNotSent: number;
  /** Steps that went out late because the station's previous CALL was still unanswered when they were due. */
  lateSends: number;
  /** How long after its scheduled time each step went out: the load generator's own lag plus backpressure. */
  sendDelay: LatencySummary;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * What the stations saw over one window of a run: every CALL they sent in it (from each station's
 * `callCompleted` event), split into answered, CALLERROR and unanswered, and how their steps kept
 * to the open-loop schedule. Read `figures()` once the calls sent in the window have completed.
 */
export class CallRecorder {
  private readonly startedAt: number;
  private stoppedAt: number | undefined;
  private readonly overall = new LatencyHistogram();
  private readonly byAction = new Map<string, LatencyHistogram>();
  private readonly delays = new LatencyHistogram();
  private readonly callErrors: Record<string, number> = {};
  private readonly unanswered: Record<string, number> = {};
  private readonly stepFailures: Record<string, number> = {};
  private steps = 0;
  private lateSends = 0;
  private notSent = 0;

  /** `now`: a monotonic clock in ms, the same one the stations time their calls with. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  get stopped(): boolean {
    return this.stoppedAt !== undefined;
  }

  /**
   * Counts a CALL sent while recording, whenever its answer (or timeout) comes: a slow call sent
   * just before `stop()` counts with its full round trip, one sent before the recorder started does not.
   */
  callCompleted(action: string, durationMs: number, errorCode: string | undefined): void {
    const sentAt = this.now() - durationMs;
    if (sentAt < this.startedAt || (this.stoppedAt !== undefined && sentAt >= this.stoppedAt)) return;
    if (errorCode === undefined) {
      this.overall.record(durationMs);
      let histogram = this.byAction.get(action);
      if (histogram === undefined) this.byAction.set(action, (histogram = new LatencyHistogram()));
      histogram.record(durationMs);
    } else increment(UNANSWERED.has(errorCode) ? this.unanswered : this.callErrors, errorCode);
  }

  stepSent(delayMs: number, late: boolean): void {
    if (this.stopped) return;
    this.steps += 1;
    if (late) this.lateSends += 1;
    this.delays.record(delayMs);
  }

  stepsNotSent(count: number): void {
    if (!this.stopped) this.notSent += count;
  }

  stepFailed(code: string): void {
    if (!this.stopped) increment(this.stepFailures, code);
  }

  stop(): void {
    this.stoppedAt ??= this.now();
  }

  figures(): CallFigures {
    const seconds = ((this.stoppedAt ?? this.now()) - this.startedAt) / 1000;
    const latency = this.overall.summary();
    return {
      seconds: Math.round(seconds * 10) / 10,
      answered: latency.count,
      achievedPerSecond: Math.round(latency.count / Math.max(seconds, 0.001)),
      latency,
      latencyByAction: Object.fromEntries([...this.byAction].sort(([a], [b]) => a.localeCompare(b)).map(([action, histogram]) => [action, histogram.summary()])),
      callErrors: { ...this.callErrors },
      unanswered: { ...this.unanswered },
      stepFailures: { ...this.stepFailures },
      steps: this.steps,
      stepsNotSent: this.notSent,
      lateSends: this.lateSends,
      sendDelay: this.delays.summary(),
    };
  }
}

import type { ConnectFailure } from '../connection/station-socket';
import { ConnectFailureCode } from '../connection/station-socket';
import type { StationEvents } from '../station/station-events';
import { LatencyHistogram, type LatencySummary } from './latency-histogram';

/** A plain, JSON-serialisable picture of a fleet run. */
export interface FleetSnapshot {
  readonly elapsedMs: number;
  readonly stations: number;
  /** Stations whose socket is open now. */
  readonly connected: number;
  /** Stations that were accepted by BootNotification at least once. */
  readonly booted: number;
  /** Stations that ended the run in failure, by StationErrorCode. */
  readonly failed: number;
  readonly failuresByCode: Readonly<Record<string, number>>;
  /** Upgrades refused by the CSMS, by HTTP status. */
  readonly refusedByStatus: Readonly<Record<string, number>>;
  /** Connection attempts that failed below HTTP (ECONNREFUSED, timeout, ...), by code. */
  readonly connectErrorsByCode: Readonly<Record<string, number>>;
  readonly disconnects: number;
  readonly callsSent: number;
  readonly callsReceived: number;
  /** Failed calls in either direction, by OCPP error code or session reason. */
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Round trips of the station's CALLs, per action. */
  readonly latencyByAction: Readonly<Record<string, LatencySummary>>;
  readonly transactionsStarted: number;
  readonly transactionsStopped: number;
  readonly meterValuesSent: number;
  readonly protocolIssues: number;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const sorted = (counts: Map<string, number>): Record<string, number> => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));

/** Aggregates the events of every station of a fleet. Constant memory per action and code. */
export class FleetMetrics {
  private readonly startedAt: number;
  private stations = 0;
  private connected = 0;
  private readonly bootedStations = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly refused = new Map<string, number>();
  private readonly connectErrors = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly latency = new Map<string, LatencyHistogram>();
  private disconnects = 0;
  private callsSent = 0;
  private callsReceived = 0;
  private transactionsStarted = 0;
  private transactionsStopped = 0;
  private meterValuesSent = 0;
  private protocolIssues = 0;

  constructor(private readonly clock: () => number = Date.now) {
    this.startedAt = clock();
  }

  /** Starts counting what `events` (one station's) reports. */
  observe(stationId: string, events: StationEvents): void {
    this.stations += 1;
    events.on('connected', () => (this.connected += 1));
    events.on('disconnected', () => {
      this.connected -= 1;
      this.disconnects += 1;
    });
    events.on('connectFailed', (failure) => this.connectFailed(failure));
    events.on('booted', ({ status }) => {
      if (status === 'Accepted') this.bootedStations.add(stationId);
    });
    events.on('callCompleted', ({ action, durationMs, errorCode }) => {
      this.callsSent += 1;
      if (errorCode !== undefined) increment(this.errors, errorCode);
      else this.histogram(action).record(durationMs);
    });
    events.on('callReceived', ({ errorCode }) => {
      this.callsReceived += 1;
      if (errorCode !== undefined) increment(this.errors, errorCode);
    });
    events.on('transactionStarted', () => (this.transactionsStarted += 1));
    events.on('transactionStopped', () => (this.transactionsStopped += 1));
    events.on('meterValues', () => (this.meterValuesSent += 1));
    events.on('protocolIssue', () => (this.protocolIssues += 1));
  }

  /** A station ended the run in failure. */
  stationFailed(code: string): void {
    increment(this.failures, code);
  }

  snapshot(): FleetSnapshot {
    const latencyByAction = Object.fromEntries([...this.latency].sort(([a], [b]) => a.localeCompare(b)).map(([action, histogram]) => [action, histogram.summary()]));
    return {
      elapsedMs: this.clock() - this.startedAt,
      stations: this.stations,
      connected: this.connected,
      booted: this.bootedStations.size,
      failed: [...this.failures.values()].reduce((sum, count) => sum + count, 0),
      failuresByCode: sorted(this.failures),
      refusedByStatus: sorted(this.refused),
      connectErrorsByCode: sorted(this.connectErrors),
      disconnects: this.disconnects,
      callsSent: this.callsSent,
      callsReceived: this.callsReceived,
      errorsByCode: sorted(this.errors),
      latencyByAction,
      transactionsStarted: this.transactionsStarted,
      transactionsStopped: this.transactionsStopped,
      meterValuesSent: this.meterValuesSent,
      protocolIssues: this.protocolIssues,
    };
  }

  private connectFailed(failure: ConnectFailure): void {
    if (failure.code === ConnectFailureCode.Refused) increment(this.refused, String(failure.httpStatus ?? 0));
    else increment(this.connectErrors, failure.code === ConnectFailureCode.Network ? (failure.errno ?? 'network') : failure.code);
  }

  private histogram(action: string): LatencyHistogram {
    let histogram = this.latency.get(action);
    if (histogram === undefined) {
      histogram = new LatencyHistogram();
      this.latency.set(action, histogram);
    }
    return histogram;
  }
}

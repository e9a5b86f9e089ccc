import type { OcppVersion } from '@app/ocpp';
import { type SimulatedStation, StationError, StationErrorCode } from '@app/simulator';
import type { CallRecorder } from './call-recorder';
import { inFlight } from './phases';

/** One thing a station does in the durable mix; each is one CALL except a transaction's start and stop. */
export type MixStep = 'Heartbeat' | 'StatusNotification' | 'MeterValues' | 'TransactionStart' | 'TransactionUpdate' | 'TransactionStop';

/**
 * Every station walks this cycle, one step after the other: a charging session (start:
 * StatusNotification Preparing, StartTransaction / TransactionEvent Started, StatusNotification
 * Charging; ten meter readings inside it: 1.6 MeterValues with transactionId, 2.0.1 TransactionEvent
 * Updated; stop: StopTransaction / TransactionEvent Ended, StatusNotification Finishing and
 * Available), then idle traffic (two Heartbeats, a StatusNotification, a MeterValues without a
 * transaction). 2.0.1 reports Preparing, Charging and Finishing all as Occupied, so its session
 * edges are one StatusNotification shorter. Per cycle, 1.6: 20 CALLs (10 MeterValues in the session,
 * 1 idle; 6 StatusNotification; 1 Start, 1 Stop; 2 Heartbeat); 2.0.1: 18 (12 TransactionEvent,
 * 3 StatusNotification, 1 MeterValues, 2 Heartbeat). The transaction messages (60-67 % of all) are
 * the ones the gateway answers only once they are durable in Kafka.
 */
export const STATION_CYCLE: readonly MixStep[] = [
  'TransactionStart',
  ...Array.from({ length: 10 }, (): MixStep => 'TransactionUpdate'),
  'TransactionStop',
  'Heartbeat',
  'StatusNotification',
  'MeterValues',
  'Heartbeat',
];

/** StatusNotifications plus the transaction message at a session's start or stop (see STATION_CYCLE). */
const SESSION_EDGE_CALLS: Readonly<Record<OcppVersion, number>> = { '1.6': 3, '2.0.1': 2 };

/** How many CALLs a step sends, hence how long the open-loop schedule gives it. */
export function callsPerStep(version: OcppVersion, step: MixStep): number {
  return step === 'TransactionStart' || step === 'TransactionStop' ? SESSION_EDGE_CALLS[version] : 1;
}

const EVSE = 1;

function perform(station: SimulatedStation, step: MixStep): Promise<unknown> {
  switch (step) {
    case 'Heartbeat':
      return station.heartbeat();
    case 'StatusNotification':
      return station.sendStatus(station.transactionIdOn(EVSE) === undefined ? 'Available' : 'Charging', EVSE);
    case 'MeterValues':
    case 'TransactionUpdate':
      return station.sendMeterValues(EVSE, 'Periodic');
    case 'TransactionStart':
      return station.startTransaction({ evseId: EVSE, idToken: `TAG-${station.id}` });
    case 'TransactionStop':
      return station.stopTransaction(EVSE, 'Local');
  }
}

/** A step lies inside a charging session: the station must have a transaction running before it. */
function insideSession(position: number): boolean {
  const start = STATION_CYCLE.indexOf('TransactionStart');
  const stop = STATION_CYCLE.indexOf('TransactionStop');
  return position > start && position <= stop;
}

interface Schedule {
  end: number;
  giveUp: number;
  periodMs: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * The durable mix over a fleet of booted stations, open loop: each station takes its next step on
 * its own schedule so that the fleet offers `perSecond` CALLs whatever the CSMS does. A station
 * keeps at most one CALL outstanding (OCPP): a step due while the previous one is unanswered goes
 * out as soon as that answer comes and counts as a late send: the backpressure the CSMS exerts.
 * Stations start at different places in the cycle, so starts, stops and meter values spread evenly.
 */
export class DurableMix {
  private readonly positions: number[];
  private readonly recorders = new Set<CallRecorder>();

  /** `firstStep`: where in STATION_CYCLE each station starts; by default spread evenly over it. */
  constructor(
    private readonly stations: readonly SimulatedStation[],
    firstStep: (index: number) => number = (index) => index % STATION_CYCLE.length,
  ) {
    this.positions = stations.map((_, index) => firstStep(index) % STATION_CYCLE.length);
    for (const station of stations) {
      station.events.on('callCompleted', ({ action, durationMs, errorCode }) => {
        for (const recorder of this.recorders) recorder.callCompleted(action, durationMs, errorCode);
      });
    }
  }

  /** Starts a transaction (untimed) on every station whose first step lies inside a session, `batch` at a time; resolves with how many failed. */
  async enterSessions(batch = 200): Promise<number> {
    const inside = this.stations.filter((_, index) => insideSession(this.positions[index] ?? 0));
    let failed = 0;
    await inFlight(inside, batch, (station) =>
      perform(station, 'TransactionStart').catch(() => {
        failed += 1;
      }),
    );
    return failed;
  }

  /** Records into `recorder` from now until it is stopped. */
  record(recorder: CallRecorder): CallRecorder {
    this.recorders.add(recorder);
    return recorder;
  }

  /**
   * Offers `perSecond` CALLs for `seconds`; resolves once every station has finished its last step.
   * A station still behind schedule `drainSeconds` after the end sends no more (its steps count as
   * not sent), so an overloaded run ends in bounded time.
   */
  async run(perSecond: number, seconds: number, drainSeconds = 30): Promise<void> {
    const periodMs = (this.stations.length * 1000) / perSecond;
    const started = performance.now();
    const end = started + seconds * 1000;
    const schedule = { end, giveUp: end + drainSeconds * 1000, periodMs };
    await Promise.all(this.stations.map((station, index) => this.runStation(station, index, started + (index * periodMs) / this.stations.length, schedule)));
    for (const recorder of this.recorders) if (recorder.stopped) this.recorders.delete(recorder);
  }

  /** How many steps a station starting at `position` would take from `due` until `end`. */
  private stepsUntil(version: OcppVersion, position: number, due: number, end: number, periodMs: number): number {
    let steps = 0;
    for (let at = due, step = position; at < end; steps += 1, step = (step + 1) % STATION_CYCLE.length) {
      at += callsPerStep(version, STATION_CYCLE[step] ?? 'Heartbeat') * periodMs;
    }
    return steps;
  }

  private async runStation(station: SimulatedStation, index: number, first: number, { end, giveUp, periodMs }: Schedule): Promise<void> {
    let due = first;
    let late = false;
    while (due < end) {
      if (performance.now() > giveUp) {
        const unsent = this.stepsUntil(station.version, this.positions[index] ?? 0, due, end, periodMs);
        for (const recorder of this.recorders) recorder.stepsNotSent(unsent);
        return;
      }
      await sleep(due - performance.now());
      const position = this.positions[index] ?? 0;
      const step = STATION_CYCLE[position] ?? 'Heartbeat';
      const delayMs = performance.now() - due;
      for (const recorder of this.recorders) recorder.stepSent(delayMs, late);
      try {
        await perform(station, step);
      } catch (error) {
        // Failed CALLs are already counted through callCompleted; anything else is the step's own failure.
        const code = error instanceof StationError ? error.code : 'internal';
        if (code !== StationErrorCode.CallFailed) for (const recorder of this.recorders) recorder.stepFailed(code);
      }
      this.positions[index] = (position + 1) % STATION_CYCLE.length;
      due += callsPerStep(station.version, step) * periodMs;
      late = performance.now() > due;
    }
  }
}

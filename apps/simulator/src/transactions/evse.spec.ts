import type { ChargingRate } from '../smart-charging/charging-rate';
import type { Vehicle } from './delivered-power';
import { Evse, type LimitTimeline } from './evse';

const T0 = 1_000_000;
const HALF_HOUR = 1_800_000;
const amps = (limit: number): ChargingRate => ({ unit: 'A', limit, numberPhases: 3 });
const transaction = { evseId: 1, localId: 'l', transactionId: 't', idToken: 'T', startedAt: T0, meterStartWh: 0, trigger: 'Local' as const, nextSeqNo: 0 };

/** A constant limit, or one that changes at the given instants. */
function timeline(steps: readonly [number, ChargingRate][]): LimitTimeline {
  return {
    changesBetween: (from, to) => steps.map(([at]) => at).filter((at) => at > from && at < to),
    at: (at) => [steps.filter(([from]) => from <= at).at(-1)?.[1] ?? amps(32)],
  };
}

function charging(vehicle: Vehicle = { maxCurrentA: 32, phases: 3 }): Evse {
  const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
  evse.plugIn(vehicle);
  evse.transaction = transaction;
  return evse;
}

describe('Evse meter', () => {
  it('draws nothing and counts no energy without a transaction', () => {
    const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
    expect(evse.advance(T0 + 3_600_000, timeline([[0, amps(16)]]))).toMatchObject({ energyWh: 0, draw: { watts: 0 } });
  });

  it('counts each schedule period from its start, not from the next sample', () => {
    const evse = charging();
    const limits = timeline([
      [0, amps(16)],
      [T0 + HALF_HOUR, amps(8)],
    ]);
    expect(evse.advance(T0, limits).draw.watts).toBe(11040);
    const hourLater = evse.advance(T0 + 2 * HALF_HOUR, limits);
    expect(hourLater.energyWh).toBeCloseTo(5520 + 2760);
    expect(hourLater.draw).toMatchObject({ watts: 5520, ampsPerPhase: 8 });
  });

  it('draws on one phase for a single-phase EV plugged into a three-phase EVSE', () => {
    const evse = charging({ maxCurrentA: 16, phases: 1 });
    expect(evse.advance(T0, timeline([[0, amps(32)]])).draw).toMatchObject({ phases: 1, ampsPerPhase: 16, watts: 3680 });
  });

  it('stops at the energy the EV wanted, within a sample interval, and says the EV is full', () => {
    const evse = charging({ maxCurrentA: 32, phases: 3, energyNeedWh: 5000 });
    evse.advance(T0, timeline([[0, amps(16)]]));
    const sample = evse.advance(T0 + 2 * HALF_HOUR, timeline([[0, amps(16)]]));
    expect(sample.energyWh).toBeCloseTo(5000);
    expect(sample.draw).toMatchObject({ watts: 0, suspended: 'EV' });
  });

  it('counts the need per session: the next EV starts from nothing', () => {
    const evse = charging({ maxCurrentA: 32, phases: 3, energyNeedWh: 1000 });
    evse.advance(T0, timeline([[0, amps(16)]]));
    evse.advance(T0 + HALF_HOUR, timeline([[0, amps(16)]]));
    evse.plugIn({ maxCurrentA: 32, phases: 3, energyNeedWh: 1000 });
    expect(evse.advance(T0 + HALF_HOUR, timeline([[0, amps(16)]])).draw.watts).toBe(11040);
  });

  it('is free only when operative, idle and not faulted', () => {
    const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
    expect(evse.isFree).toBe(true);
    evse.operative = false;
    expect(evse.isFree).toBe(false);
  });
});

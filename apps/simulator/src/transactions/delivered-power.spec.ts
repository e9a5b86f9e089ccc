import { deliveredPower, energyOver } from './delivered-power';

const car = { maxCurrentA: 32, phases: 3 };
const amps = (limit: number, numberPhases = 3) => ({ unit: 'A' as const, limit, numberPhases });
const watts = (limit: number, numberPhases = 3) => ({ unit: 'W' as const, limit, numberPhases });

describe('deliveredPower', () => {
  it('draws the car maximum when the limit is higher', () => {
    expect(deliveredPower(car, [amps(63)])).toEqual({ watts: 22080, ampsPerPhase: 32, phases: 3, voltageV: 230 });
  });

  it('follows a current limit per phase', () => {
    expect(deliveredPower(car, [amps(10)])).toMatchObject({ watts: 6900, ampsPerPhase: 10 });
  });

  it('follows a power limit over all phases', () => {
    expect(deliveredPower(car, [watts(6900)])).toMatchObject({ watts: 6900, ampsPerPhase: 10, phases: 3 });
  });

  it('uses no more phases than the limit allows or the car has', () => {
    expect(deliveredPower(car, [amps(16, 1)])).toMatchObject({ watts: 3680, phases: 1 });
    expect(deliveredPower({ maxCurrentA: 32, phases: 1 }, [watts(11000)])).toMatchObject({ watts: 7360, phases: 1 });
  });

  it('keeps to every limit at once: a power limit on a single-phase car stays within the hardware current', () => {
    const bigSinglePhase = { maxCurrentA: 63, phases: 1 };
    expect(deliveredPower(bigSinglePhase, [amps(32), watts(11000)])).toMatchObject({ ampsPerPhase: 32, phases: 1, watts: 7360 });
  });

  it('pauses the car below its minimum current (6 A by IEC 61851) instead of starving it', () => {
    expect(deliveredPower(car, [amps(5)])).toEqual({ watts: 0, ampsPerPhase: 0, phases: 3, voltageV: 230, suspended: 'EVSE' });
    expect(deliveredPower(car, [watts(0)])).toMatchObject({ watts: 0, suspended: 'EVSE' });
    expect(deliveredPower({ ...car, minCurrentA: 0 }, [amps(5)])).toMatchObject({ ampsPerPhase: 5 });
    expect(deliveredPower({ ...car, minCurrentA: 10 }, [amps(8)])).toMatchObject({ watts: 0, suspended: 'EVSE' });
  });

  it('stops once the car has the energy it wanted', () => {
    const wantsTen = { ...car, energyNeedWh: 10_000 };
    expect(deliveredPower(wantsTen, [amps(16)], 9_999)).toMatchObject({ ampsPerPhase: 16 });
    expect(deliveredPower(wantsTen, [amps(16)], 10_000)).toMatchObject({ watts: 0, suspended: 'EV' });
  });
});

describe('energyOver', () => {
  it('integrates power over time in Wh', () => {
    expect(energyOver(deliveredPower(car, [watts(7200)]), 30 * 60_000)).toBeCloseTo(3600);
  });
});

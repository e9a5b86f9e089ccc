import { deliveredPower, energyOver } from './delivered-power';

const car = { maxCurrentA: 32, phases: 3 };

describe('deliveredPower', () => {
  it('draws the car maximum when the limit is higher', () => {
    expect(deliveredPower(car, { unit: 'A', limit: 63, numberPhases: 3 })).toEqual({ watts: 22080, ampsPerPhase: 32, phases: 3, voltageV: 230 });
  });

  it('follows a current limit per phase', () => {
    expect(deliveredPower(car, { unit: 'A', limit: 10, numberPhases: 3 })).toMatchObject({ watts: 6900, ampsPerPhase: 10 });
  });

  it('follows a power limit over all phases', () => {
    expect(deliveredPower(car, { unit: 'W', limit: 6900, numberPhases: 3 })).toMatchObject({ watts: 6900, ampsPerPhase: 10, phases: 3 });
  });

  it('uses no more phases than the limit allows or the car has', () => {
    expect(deliveredPower(car, { unit: 'A', limit: 16, numberPhases: 1 })).toMatchObject({ watts: 3680, phases: 1 });
    expect(deliveredPower({ maxCurrentA: 32, phases: 1 }, { unit: 'W', limit: 11000, numberPhases: 3 })).toMatchObject({ watts: 7360, phases: 1 });
  });

  it('draws nothing under a zero limit', () => {
    expect(deliveredPower(car, { unit: 'W', limit: 0, numberPhases: 3 }).watts).toBe(0);
  });
});

describe('energyOver', () => {
  it('integrates power over time in Wh', () => {
    expect(energyOver(deliveredPower(car, { unit: 'W', limit: 7200, numberPhases: 3 }), 30 * 60_000)).toBeCloseTo(3600);
  });
});

import { Evse } from './evse';

const T0 = 1_000_000;
const limit = { unit: 'A' as const, limit: 16, numberPhases: 3 };
const transaction = { evseId: 1, localId: 'l', transactionId: 't', idToken: 'T', startedAt: T0, meterStartWh: 0, trigger: 'Local' as const, nextSeqNo: 0 };

describe('Evse meter', () => {
  it('draws nothing and counts no energy without a transaction', () => {
    const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
    expect(evse.advance(T0 + 3_600_000, limit)).toMatchObject({ energyWh: 0, draw: { watts: 0 } });
  });

  it('integrates the draw set at the previous sample, then follows the new limit', () => {
    const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
    evse.transaction = transaction;
    expect(evse.advance(T0, limit).draw.watts).toBe(11040);
    const halfHour = evse.advance(T0 + 1_800_000, { ...limit, limit: 8 });
    expect(halfHour.energyWh).toBeCloseTo(5520);
    expect(halfHour.draw.watts).toBe(5520);
    expect(evse.advance(T0 + 3_600_000, limit).energyWh).toBeCloseTo(8280);
  });

  it('is free only when operative, idle and not faulted', () => {
    const evse = new Evse(1, { maxCurrentA: 32, phases: 3 }, T0);
    expect(evse.isFree).toBe(true);
    evse.operative = false;
    expect(evse.isFree).toBe(false);
  });
});

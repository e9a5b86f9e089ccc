import { admissionOrder, urgencyOf } from './admission-order';
import type { AllocationSession } from './allocation.types';

const now = Date.UTC(2025, 0, 1);
const hour = 3_600_000;
const session = (id: string, extra: Partial<AllocationSession> = {}): AllocationSession => ({ id, nodeId: 'evse', gridPhases: ['L1'], maxA: 32, ...extra });

describe('urgencyOf', () => {
  it('is the average power still needed until departure', () => {
    expect(urgencyOf(session('a', { needWh: 22_000, departure: now + 2 * hour }), now)).toBe(11_000);
  });

  it('is highest past departure with energy still needed, and lowest when need or departure is unknown', () => {
    expect(urgencyOf(session('a', { needWh: 1, departure: now - 1 }), now)).toBe(Number.POSITIVE_INFINITY);
    expect(urgencyOf(session('a', { needWh: 0, departure: now - 1 }), now)).toBe(0);
    expect(urgencyOf(session('a', { needWh: 5_000 }), now)).toBe(-1);
    expect(urgencyOf(session('a', { departure: now + hour }), now)).toBe(-1);
  });
});

describe('admissionOrder', () => {
  it('orders by priority, then urgency, then start, then id', () => {
    const sessions = [
      session('late', { startedAt: now - 1 }),
      session('unknown-start'),
      session('b-early', { startedAt: now - 10 }),
      session('a-early', { startedAt: now - 10 }),
      session('urgent', { needWh: 10_000, departure: now + hour, startedAt: now }),
      session('vip', { priority: 2 }),
    ];
    const priority = Float64Array.from(sessions, (entry) => entry.priority ?? 0);
    const order = [...admissionOrder(sessions, Int32Array.from(sessions.keys()), priority, now)].map((index) => sessions[index].id);
    expect(order).toEqual(['vip', 'urgent', 'a-early', 'b-early', 'late', 'unknown-start']);
    expect([...admissionOrder(sessions, Int32Array.from([0, 5, 2]), priority, now)]).toEqual([5, 2, 0]);
  });
});

import { emptyStation } from './charging-session';
import { foldStationFact } from './session-fold';
import type { StationFact } from './station-fact';

const fold = (facts: StationFact[]) => facts.reduce(foldStationFact, emptyStation('CP-1'));

describe('foldStationFact', () => {
  it('follows the newest connectivity fact, whatever order they arrive in', () => {
    expect(fold([{ kind: 'connected', at: 10 }, { kind: 'disconnected', at: 20 }]).connected).toBe(false);
    expect(fold([{ kind: 'disconnected', at: 20 }, { kind: 'connected', at: 10 }]).connected).toBe(false);
    expect(fold([{ kind: 'disconnected', at: 20 }, { kind: 'booted', at: 30 }]).connected).toBe(true);
  });

  it('opens a session at start and closes it at its own end only', () => {
    const started = fold([{ kind: 'transaction-started', at: 1, evseId: 1, transactionId: 'T1' }]);
    expect([...started.sessions.values()]).toEqual([{ evseId: 1, transactionId: 'T1', startedAt: 1 }]);
    expect(foldStationFact(started, { kind: 'transaction-ended', at: 5, evseId: 1, transactionId: 'OTHER' }).sessions.size).toBe(1);
    expect(foldStationFact(started, { kind: 'transaction-ended', at: 5, evseId: 1, transactionId: 'T1' }).sessions.size).toBe(0);
  });

  it('keeps a session as it is when its start comes again (a redelivery or an Updated event)', () => {
    const withDraw = fold([
      { kind: 'transaction-started', at: 1, evseId: 1, transactionId: 'T1' },
      { kind: 'current-drawn', at: 2, evseId: 1, transactionId: 'T1', perPhaseA: { L1: 16 } },
      { kind: 'transaction-started', at: 3, evseId: 1, transactionId: 'T1' },
    ]);
    expect(withDraw.sessions.get(1)).toEqual({ evseId: 1, transactionId: 'T1', startedAt: 1, drawnA: { L1: 16 }, drawnAt: 2 });
  });

  it('ignores a late start of an older transaction on an EVSE that has moved on', () => {
    const state = fold([
      { kind: 'transaction-started', at: 10, evseId: 1, transactionId: 'T2' },
      { kind: 'transaction-started', at: 5, evseId: 1, transactionId: 'T1' },
    ]);
    expect(state.sessions.get(1)?.transactionId).toBe('T2');
  });

  it('keeps the newest draw, and only the draw of the session running', () => {
    const state = fold([
      { kind: 'transaction-started', at: 1, evseId: 1, transactionId: 'T1' },
      { kind: 'current-drawn', at: 9, evseId: 1, perPhaseA: { L1: 10, L2: 10, L3: 10 } },
      { kind: 'current-drawn', at: 5, evseId: 1, perPhaseA: { L1: 30 } },
      { kind: 'current-drawn', at: 12, evseId: 1, transactionId: 'T0', perPhaseA: { L1: 2 } },
    ]);
    expect(state.sessions.get(1)?.drawnA).toEqual({ L1: 10, L2: 10, L3: 10 });
  });

  it('keeps what the EV said, also before its transaction starts, until that session ends', () => {
    const needs = { needWh: 20_000, departure: 3_600_000, minA: 8, maxA: 16, phases: 1 as const };
    const before = fold([
      { kind: 'ev-needs', at: 1, evseId: 2, ...needs },
      { kind: 'transaction-started', at: 2, evseId: 2, transactionId: 'T1' },
    ]);
    expect(before.needs.get(2)).toEqual(needs);
    expect(foldStationFact(before, { kind: 'transaction-ended', at: 3, evseId: 2, transactionId: 'T1' }).needs.size).toBe(0);
  });

  it('keeps the newest capabilities the station told', () => {
    const capabilities = { rateUnits: ['W' as const], maxStackLevel: 3, maxPeriods: 10, maxProfiles: 8 };
    expect(fold([{ kind: 'capabilities', at: 1, capabilities }]).capabilities).toEqual(capabilities);
  });
});

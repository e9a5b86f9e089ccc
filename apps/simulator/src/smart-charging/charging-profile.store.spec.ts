import type { ChargingProfile } from './charging-profile';
import { ChargingProfileStore, ProfileRejection } from './charging-profile.store';

const T0 = Date.parse('2025-01-06T10:00:00Z');

function profile(overrides: Partial<ChargingProfile> = {}): ChargingProfile {
  return {
    id: 1,
    stackLevel: 0,
    purpose: 'TxDefault',
    kind: 'Absolute',
    receivedAt: T0,
    schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 16 }], startSchedule: T0 },
    ...overrides,
  };
}

function storeWith(transactions: Record<number, string> = {}): ChargingProfileStore {
  return new ChargingProfileStore({ evseCount: 2, transactionOn: (evseId) => transactions[evseId] });
}

const ids = (store: ChargingProfileStore): number[] => store.list().map((entry) => entry.profile.id).sort((a, b) => a - b);

describe('ChargingProfileStore', () => {
  it('keeps profiles of different purposes and stack levels side by side', () => {
    const store = storeWith();
    store.install(0, profile({ id: 1, purpose: 'StationMax' }));
    store.install(1, profile({ id: 2, stackLevel: 0 }));
    store.install(1, profile({ id: 3, stackLevel: 1 }));
    expect(ids(store)).toEqual([1, 2, 3]);
  });

  it('replaces the profile with the same purpose and stack level on the same connector', () => {
    const store = storeWith();
    store.install(1, profile({ id: 1, stackLevel: 2 }));
    store.install(1, profile({ id: 2, stackLevel: 2 }));
    store.install(2, profile({ id: 3, stackLevel: 2 }));
    expect(ids(store)).toEqual([2, 3]);
  });

  it('replaces the profile with the same id wherever it was', () => {
    const store = storeWith();
    store.install(1, profile({ id: 7, stackLevel: 0 }));
    store.install(2, profile({ id: 7, stackLevel: 4 }));
    expect(store.list()).toEqual([expect.objectContaining({ evseId: 2, profile: expect.objectContaining({ id: 7, stackLevel: 4 }) })]);
  });

  it('rejects a station maximum profile on a connector', () => {
    expect(storeWith().install(1, profile({ purpose: 'StationMax' }))).toEqual({ ok: false, reason: ProfileRejection.StationMaxNotOnStation });
  });

  it('rejects a TxProfile where no transaction runs, and binds it to the running one', () => {
    expect(storeWith().install(1, profile({ purpose: 'Tx' }))).toEqual({ ok: false, reason: ProfileRejection.NoTransaction });
    const store = storeWith({ 1: 'tx-9' });
    expect(store.install(1, profile({ purpose: 'Tx' }))).toEqual({ ok: true });
    expect(store.list()[0]?.profile.transactionId).toBe('tx-9');
  });

  it('rejects a TxProfile for another transaction than the running one', () => {
    expect(storeWith({ 1: 'tx-9' }).install(1, profile({ purpose: 'Tx', transactionId: 'tx-8' }))).toEqual({ ok: false, reason: ProfileRejection.NoTransaction });
  });

  it('rejects external constraints from the CSMS and unknown connectors', () => {
    expect(storeWith().install(0, profile({ purpose: 'ExternalConstraints' }))).toEqual({ ok: false, reason: ProfileRejection.ReadOnlyPurpose });
    expect(storeWith().install(3, profile())).toEqual({ ok: false, reason: ProfileRejection.UnknownEvse });
  });

  describe('clear', () => {
    function filled(): ChargingProfileStore {
      const store = storeWith({ 1: 'tx-1' });
      store.install(0, profile({ id: 1, purpose: 'StationMax', stackLevel: 0 }));
      store.install(0, profile({ id: 2, purpose: 'TxDefault', stackLevel: 1 }));
      store.install(1, profile({ id: 3, purpose: 'TxDefault', stackLevel: 1 }));
      store.install(1, profile({ id: 4, purpose: 'Tx', stackLevel: 2 }));
      store.constrainExternally(0, profile({ id: 5 }));
      return store;
    }

    it('clears by id alone, ignoring the other criteria', () => {
      const store = filled();
      expect(store.clear({ id: 3, purpose: 'StationMax' })).toBe(1);
      expect(ids(store)).toEqual([1, 2, 4, 5]);
    });

    it('clears every profile matching all given criteria', () => {
      const store = filled();
      expect(store.clear({ purpose: 'TxDefault', stackLevel: 1 })).toBe(2);
      expect(ids(store)).toEqual([1, 4, 5]);
      expect(store.clear({ evseId: 1 })).toBe(1);
      expect(ids(store)).toEqual([1, 5]);
    });

    it('clears everything but external constraints without criteria', () => {
      const store = filled();
      expect(store.clear({})).toBe(4);
      expect(ids(store)).toEqual([5]);
    });

    it('reports 0 when nothing matched', () => {
      expect(filled().clear({ id: 99 })).toBe(0);
    });
  });

  it('drops the TxProfile of a transaction when it ends and keeps the defaults', () => {
    const store = storeWith({ 1: 'tx-1' });
    store.install(1, profile({ id: 1, purpose: 'TxDefault' }));
    store.install(1, profile({ id: 2, purpose: 'Tx' }));
    store.endTransaction(1, 'tx-1');
    expect(ids(store)).toEqual([1]);
  });
});

import type { LocalListEntry } from './local-list.entries';
import { FRAME_OVERHEAD_BYTES, type ListLimits, applyUpdate, changeBytes, chunkChanges, diffLists, planSync } from './local-list.plan';

const entry = (idToken: string, status: LocalListEntry['status'] = 'Accepted', expiresAt: string | null = null): LocalListEntry => ({ idToken, type: 'ISO14443', status, expiresAt });
const tokens = (count: number) => Array.from({ length: count }, (_, index) => entry(`TAG-${String(index).padStart(3, '0')}`));
const limits = (itemsPerMessage: number, more: Partial<ListLimits> = {}): ListLimits => ({ itemsPerMessage, ...more });

describe('diffLists', () => {
  it('adds new tokens, replaces changed ones, removes dropped ones and leaves equal ones alone', () => {
    const held = [entry('A'), entry('B'), entry('C')];
    const desired = [entry('A'), entry('b', 'Blocked'), entry('D')];
    expect(diffLists(held, desired)).toEqual([
      { idToken: 'b', type: 'ISO14443', entry: entry('b', 'Blocked') },
      { idToken: 'D', type: 'ISO14443', entry: entry('D') },
      { idToken: 'C', type: 'ISO14443' },
    ]);
  });

  it('sees a changed expiry as a change', () => {
    expect(diffLists([entry('A')], [entry('A', 'Accepted', '2030-01-01T00:00:00.000Z')])).toHaveLength(1);
  });
});

describe('chunkChanges', () => {
  it('splits by the number of items per message', () => {
    const changes = tokens(7).map((e) => ({ idToken: e.idToken, type: e.type, entry: e }));
    expect(chunkChanges(changes, limits(3)).map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });

  it('splits by bytes per message, and sends an entry larger than the budget alone', () => {
    const changes = tokens(6).map((e) => ({ idToken: e.idToken, type: e.type, entry: e }));
    // Room for two entries and a bit, not three.
    const bytesPerMessage = FRAME_OVERHEAD_BYTES + 2 * changeBytes(changes[0] ?? { idToken: '', type: '' }) + 10;
    const chunks = chunkChanges(changes, limits(100, { bytesPerMessage }));
    expect(chunks.map((chunk) => chunk.length)).toEqual([2, 2, 2]);
    expect(chunkChanges(changes.slice(0, 2), limits(100, { bytesPerMessage: 10 })).map((chunk) => chunk.length)).toEqual([1, 1]);
  });
});

describe('planSync', () => {
  it('sends a full list, first message Full and the rest Differential, when the station has none', () => {
    const plan = planSync({ held: { version: undefined, entries: [] }, stationVersion: 0, desired: tokens(5), limits: limits(2) });
    expect(plan).toMatchObject({ kind: 'send', full: true });
    if (plan.kind !== 'send') throw new Error('expected updates');
    expect(plan.updates.map((update) => [update.version, update.full, update.changes.length])).toEqual([
      [1, true, 2],
      [2, false, 2],
      [3, false, 1],
    ]);
    const after = plan.updates.reduce<LocalListEntry[]>((list, update) => applyUpdate(list, update), [entry('STALE')]);
    expect(after).toEqual(tokens(5));
  });

  it('sends only the difference when the station holds the version the CSMS last saw accepted', () => {
    const held = { version: 7, entries: [entry('A'), entry('B')] };
    const plan = planSync({ held, stationVersion: 7, desired: [entry('A', 'Blocked'), entry('B')], limits: limits(20) });
    expect(plan).toEqual({ kind: 'send', full: false, updates: [{ version: 8, full: false, changes: [{ idToken: 'A', type: 'ISO14443', entry: entry('A', 'Blocked') }] }] });
  });

  it('is in sync when nothing differs', () => {
    expect(planSync({ held: { version: 3, entries: [entry('A')] }, stationVersion: 3, desired: [entry('A')], limits: limits(20) })).toEqual({ kind: 'in-sync' });
    expect(planSync({ held: { version: undefined, entries: [] }, stationVersion: 0, desired: [], limits: limits(20) })).toEqual({ kind: 'in-sync' });
  });

  it('sends the full list, numbered above both versions, when the station’s version differs from the stored one', () => {
    const held = { version: 4, entries: [entry('A')] };
    const reset = planSync({ held, stationVersion: 0, desired: [entry('A')], limits: limits(20) });
    expect(reset).toMatchObject({ kind: 'send', full: true, updates: [{ version: 5, full: true }] });
    const elsewhere = planSync({ held, stationVersion: 12, desired: [entry('A')], limits: limits(20) });
    expect(elsewhere).toMatchObject({ kind: 'send', full: true, updates: [{ version: 13, full: true }] });
  });

  it('sends an empty full list to clear a station whose list should be empty', () => {
    const plan = planSync({ held: { version: 2, entries: [entry('A')] }, stationVersion: 9, desired: [], limits: limits(20) });
    expect(plan).toEqual({ kind: 'send', full: true, updates: [{ version: 10, full: true, changes: [] }] });
  });

  it('sends the full list when asked, even if a differential update would do', () => {
    const plan = planSync({ held: { version: 3, entries: [entry('A')] }, stationVersion: 3, desired: [entry('A')], limits: limits(20), forceFull: true });
    expect(plan).toMatchObject({ kind: 'send', full: true, updates: [{ version: 4, full: true, changes: [{ idToken: 'A' }] }] });
  });

  it('refuses a list longer than the station holds', () => {
    expect(planSync({ held: { version: undefined, entries: [] }, stationVersion: 0, desired: tokens(3), limits: limits(20, { maxEntries: 2 }) })).toEqual({
      kind: 'too-long',
      reason: 'the list has 3 entries; the station holds at most 2',
    });
  });
});

describe('applyUpdate', () => {
  it('replaces the list with a full update and edits it with a differential one', () => {
    const full = { version: 1, full: true, changes: [{ idToken: 'A', type: 'ISO14443', entry: entry('A') }] };
    expect(applyUpdate([entry('X')], full)).toEqual([entry('A')]);
    const differential = { version: 2, full: false, changes: [{ idToken: 'a', type: 'ISO14443' }, { idToken: 'B', type: 'ISO14443', entry: entry('B') }] };
    expect(applyUpdate([entry('A')], differential)).toEqual([entry('B')]);
  });
});

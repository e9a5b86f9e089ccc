import { desiredEntries, listDigest } from './local-list.entries';
import { DEFAULT_ITEMS_PER_MESSAGE, limitsFrom } from './local-list.limits';
import { syncStateOf } from './local-list.state';

const now = new Date('2026-12-06T12:00:00Z');
const token = (value: string, status = 'Accepted', expiresAt: Date | null = null) => ({ value, type: 'ISO14443', status, expiresAt });

describe('desiredEntries', () => {
  it('lists every registered token by value, an expired Accepted one as Expired, statuses without a list form as Blocked', () => {
    const entries = desiredEntries([token('b', 'NoCredit'), token('A', 'Accepted', new Date('2026-01-01T00:00:00Z')), token('C', 'Invalid')], '2.0.1', now);
    expect(entries).toEqual([
      { idToken: 'A', type: 'ISO14443', status: 'Expired', expiresAt: '2026-01-01T00:00:00.000Z' },
      { idToken: 'b', type: 'ISO14443', status: 'Blocked', expiresAt: null },
      { idToken: 'C', type: 'ISO14443', status: 'Invalid', expiresAt: null },
    ]);
  });

  it('leaves tokens longer than a 1.6 idTag off 1.6 lists only', () => {
    const long = token('X'.repeat(21));
    expect(desiredEntries([long], '1.6', now)).toEqual([]);
    expect(desiredEntries([long], '2.0.1', now)).toHaveLength(1);
  });
});

describe('listDigest', () => {
  it('is the same for the same entries in any order and differs when one changes', () => {
    const entries = desiredEntries([token('A'), token('B')], '1.6', now);
    expect(listDigest([...entries].reverse())).toBe(listDigest(entries));
    expect(listDigest(desiredEntries([token('A'), token('B', 'Blocked')], '1.6', now))).not.toBe(listDigest(entries));
  });
});

describe('limitsFrom', () => {
  it('reads 1.6 SendLocalListMaxLength and LocalAuthListMaxLength', () => {
    expect(limitsFrom('1.6', [{ key: 'SendLocalListMaxLength', value: '5' }, { key: 'LocalAuthListMaxLength', value: '100' }])).toEqual({ itemsPerMessage: 5, maxEntries: 100 });
  });

  it('reads 2.0.1 ItemsPerMessage and BytesPerMessage', () => {
    const settings = [{ key: 'LocalAuthListCtrlr/ItemsPerMessage', value: '8' }, { key: 'LocalAuthListCtrlr/BytesPerMessage', value: '4000' }];
    expect(limitsFrom('2.0.1', settings)).toEqual({ itemsPerMessage: 8, bytesPerMessage: 4000 });
  });

  it('falls back to safe defaults for values missing, zero or not numbers', () => {
    expect(limitsFrom('1.6', [{ key: 'SendLocalListMaxLength', value: 'many' }, { key: 'LocalAuthListMaxLength', value: '0' }])).toEqual({ itemsPerMessage: DEFAULT_ITEMS_PER_MESSAGE });
    expect(limitsFrom('2.0.1', [])).toEqual({ itemsPerMessage: DEFAULT_ITEMS_PER_MESSAGE });
  });
});

describe('syncStateOf', () => {
  it('is in-sync while the stored digest matches what the station should hold, pending or failed otherwise', () => {
    expect(syncStateOf({ outcome: 'in-sync', digest: 'd1', desiredDigest: 'd1' })).toBe('in-sync');
    expect(syncStateOf({ outcome: 'in-sync', digest: 'd1', desiredDigest: 'd2' })).toBe('pending');
    expect(syncStateOf({ outcome: 'failed', digest: 'd1', desiredDigest: 'd2' })).toBe('failed');
    expect(syncStateOf({ outcome: null, digest: null, desiredDigest: 'd2' })).toBe('pending');
    expect(syncStateOf({ outcome: 'not-supported', digest: null, desiredDigest: 'd2' })).toBe('not-supported');
    expect(syncStateOf({ outcome: null, digest: null, desiredDigest: listDigest([]) })).toBe('in-sync');
  });
});

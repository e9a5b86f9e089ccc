import { LocalAuthList } from './local-auth-list';

describe('LocalAuthList', () => {
  it('replaces the list with a full update and edits it with newer differential ones', () => {
    const list = new LocalAuthList({ maxEntries: 10, itemsPerMessage: 5 });
    expect(list.apply({ version: 3, full: true, changes: [{ idToken: 'A', status: 'Accepted' }, { idToken: 'B', status: 'Blocked' }] })).toBe('Accepted');
    expect(list.apply({ version: 4, full: false, changes: [{ idToken: 'a' }, { idToken: 'C', status: 'Accepted', expiresAt: '2030-01-01T00:00:00Z' }] })).toBe('Accepted');
    expect(list.version).toBe(4);
    expect(list.entries()).toEqual([
      { idToken: 'B', status: 'Blocked' },
      { idToken: 'C', status: 'Accepted', expiresAt: '2030-01-01T00:00:00Z' },
    ]);
    expect(list.apply({ version: 1, full: true, changes: [] })).toBe('Accepted');
    expect(list.size).toBe(0);
  });

  it('answers VersionMismatch to a differential update that is not newer, and changes nothing', () => {
    const list = new LocalAuthList({ maxEntries: 10, itemsPerMessage: 5 });
    list.apply({ version: 5, full: true, changes: [{ idToken: 'A', status: 'Accepted' }] });
    expect(list.apply({ version: 5, full: false, changes: [{ idToken: 'B', status: 'Accepted' }] })).toBe('VersionMismatch');
    expect(list.apply({ version: 2, full: false, changes: [{ idToken: 'B', status: 'Accepted' }] })).toBe('VersionMismatch');
    expect(list.version).toBe(5);
    expect(list.get('B')).toBeUndefined();
  });

  it('fails an update beyond its capacity or its entries per message, or a full list with a status-less entry, and changes nothing', () => {
    const list = new LocalAuthList({ maxEntries: 2, itemsPerMessage: 5 });
    expect(list.apply({ version: 1, full: true, changes: ['A', 'B', 'C'].map((idToken) => ({ idToken, status: 'Accepted' })) })).toBe('Failed');
    expect(list.apply({ version: 1, full: true, changes: [{ idToken: 'A' }] })).toBe('Failed');
    const tooMany = new LocalAuthList({ maxEntries: 10, itemsPerMessage: 2 });
    expect(tooMany.apply({ version: 1, full: true, changes: ['A', 'B', 'C'].map((idToken) => ({ idToken, status: 'Accepted' })) })).toBe('Failed');
    expect(list.version).toBe(0);
  });

  it('forgets everything when cleared', () => {
    const list = new LocalAuthList({ maxEntries: 2, itemsPerMessage: 5 });
    list.apply({ version: 7, full: true, changes: [{ idToken: 'A', status: 'Accepted' }] });
    list.clear();
    expect([list.version, list.size]).toEqual([0, 0]);
  });
});

import { stateChanges } from './state-changes';

describe('stateChanges', () => {
  it('lists the fields that changed, nested by path, and nothing else', () => {
    const before = { id: 'CP-1', model: 'A', location: { city: 'Lyon', zip: '69001' }, tags: ['x'] };
    const after = { id: 'CP-1', model: 'B', location: { city: 'Lyon', zip: '69002' }, tags: ['x'], vendor: 'V' };
    expect(stateChanges(before, after)).toEqual([
      { path: 'location.zip', before: '69001', after: '69002' },
      { path: 'model', before: 'A', after: 'B' },
      { path: 'vendor', before: null, after: 'V' },
    ]);
  });

  it('is one change at the root for a creation or a deletion', () => {
    expect(stateChanges(null, { id: 'S' })).toEqual([{ path: '', before: null, after: { id: 'S' } }]);
    expect(stateChanges({ id: 'S' }, undefined)).toEqual([{ path: '', before: { id: 'S' }, after: null }]);
  });

  it('compares arrays whole and finds nothing when nothing changed', () => {
    expect(stateChanges({ slots: [1, 2] }, { slots: [1, 3] })).toEqual([{ path: 'slots', before: [1, 2], after: [1, 3] }]);
    expect(stateChanges({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(stateChanges({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 }, 2)).toHaveLength(2);
  });
});

import { moveError } from './node-placement';
import { type PatchNodeBody, patchedRecord } from './node-patch';
import { type NodeRecord, emptyNodeFields } from './topology.model';

const feeder: NodeRecord = { ...emptyNodeFields, nodeId: 'F1', kind: 'feeder', parentId: 'S', limit: { totalW: 1000 } };
const evse: NodeRecord = { ...emptyNodeFields, nodeId: 'E1', kind: 'evse', parentId: 'C1', evseId: 1, minA: 6, maxA: 16, phases: 3, priority: 0 };
const charger: NodeRecord = { ...emptyNodeFields, nodeId: 'C1', kind: 'charger', parentId: 'F1', stationId: 'CP-1', wiring: ['L1', 'L2', 'L3'], rating: { maxA: 32, phases: 3 } };
const patch = (fields: Omit<PatchNodeBody, 'version'>): PatchNodeBody => ({ version: 1, ...fields });

describe('patchedRecord', () => {
  it('changes what the patch names and keeps the rest; null removes a label or limit', () => {
    expect(patchedRecord(feeder, patch({ label: 'Feeder 1', limit: null })).record).toEqual({ ...feeder, label: 'Feeder 1', limit: null });
    expect(patchedRecord(charger, patch({ wiring: ['L3', 'L1', 'L2'] })).record).toEqual({ ...charger, wiring: ['L3', 'L1', 'L2'] });
    expect(patchedRecord(evse, patch({ maxA: 32, priority: 5 }))).toEqual({ record: { ...evse, maxA: 32, priority: 5 }, errors: [] });
  });

  it('refuses the fields of another kind, naming the node’s kind', () => {
    expect(patchedRecord(feeder, patch({ wiring: ['L1', 'L2', 'L3'], maxA: 10 })).errors).toEqual([
      { field: 'body.wiring', message: 'only chargers have it; F1 is a feeder' },
      { field: 'body.maxA', message: 'only EVSEs have it; F1 is a feeder' },
    ]);
    expect(patchedRecord(evse, patch({ stationId: 'CP-2' })).errors).toEqual([{ field: 'body.stationId', message: 'only chargers have it; E1 is an evse' }]);
  });

  it('checks the minimum against the maximum after the change, on the field that was sent', () => {
    expect(patchedRecord(evse, patch({ maxA: 5 })).errors).toEqual([{ field: 'body.maxA', message: 'must be at least minA (6)' }]);
    expect(patchedRecord(evse, patch({ minA: 20 })).errors).toEqual([{ field: 'body.minA', message: 'must be at most maxA (16)' }]);
  });

  it('gives the site root no parent', () => {
    const root: NodeRecord = { ...emptyNodeFields, nodeId: 'S', kind: 'site', parentId: null };
    expect(patchedRecord(root, patch({ parentId: 'F1' })).errors).toEqual([{ field: 'body.parentId', message: 'the site root has no parent' }]);
  });
});

describe('moveError', () => {
  const nodes = [
    { nodeId: 'S', parentId: null, kind: 'site' as const },
    { nodeId: 'F1', parentId: 'S', kind: 'feeder' as const },
    { nodeId: 'F2', parentId: 'F1', kind: 'feeder' as const },
    { nodeId: 'C1', parentId: 'F2', kind: 'charger' as const },
    { nodeId: 'E1', parentId: 'C1', kind: 'evse' as const },
  ];

  it('lets a node move under any node that may hold it, outside its own subtree', () => {
    expect(moveError(nodes, 'C1', 'S')).toBeUndefined();
    expect(moveError(nodes, 'F2', 'S')).toBeUndefined();
  });

  it.each([
    ['F1', 'F2', 'F2 is below F1: a node cannot move under its own descendants'],
    ['F1', 'E1', 'E1 is below F1: a node cannot move under its own descendants'],
    ['F1', 'F1', 'a node cannot be its own parent'],
    ['C1', 'E1', 'E1 is below C1: a node cannot move under its own descendants'],
    ['F2', 'E1', 'E1 is below F2: a node cannot move under its own descendants'],
    ['E1', 'S', 'an evse must be under a charger, not under site S'],
    ['E1', 'F1', 'an evse must be under a charger, not under feeder F1'],
    ['F1', 'NOPE', 'the site has no node NOPE'],
    ['S', 'F1', 'the site root has no parent'],
  ])('refuses to move %s under %s: %s', (nodeId, parentId, message) => {
    expect(moveError(nodes, nodeId, parentId)).toBe(message);
  });
});

import { ancestorsOf, mayHold, placementError, subtreeOf } from './node-placement';
import { type NodeKind, nodeKinds } from './topology.model';

describe('node placement', () => {
  const allowed: Record<NodeKind, NodeKind[]> = {
    site: ['feeder', 'cabinet', 'transformer', 'charger'],
    feeder: ['feeder', 'cabinet', 'transformer', 'charger'],
    cabinet: ['feeder', 'cabinet', 'transformer', 'charger'],
    transformer: ['feeder', 'cabinet', 'transformer', 'charger'],
    charger: ['evse'],
    evse: [],
  };

  it.each(nodeKinds)('a %s holds exactly the kinds its row of the grammar lists', (parent) => {
    expect(nodeKinds.filter((child) => mayHold(parent, child))).toEqual(allowed[parent]);
  });

  it('explains a misplaced node with both kinds and the parent’s id', () => {
    expect(placementError('evse', { nodeId: 'F1', kind: 'feeder' })).toBe('an evse must be under a charger, not under feeder F1');
    expect(placementError('charger', { nodeId: 'CP-1', kind: 'charger' })).toBe('a charger must be under the site, a feeder, a cabinet or a transformer, not under charger CP-1');
    expect(placementError('feeder', { nodeId: 'E1', kind: 'evse' })).toBe('a feeder must be under the site, a feeder, a cabinet or a transformer, not under evse E1');
    expect(placementError('site', { nodeId: 'F1', kind: 'feeder' })).toBe('a site is the root of its tree and has no parent, not under feeder F1');
    expect(placementError('charger', { nodeId: 'T1', kind: 'transformer' })).toBeUndefined();
  });
});

describe('subtreeOf and ancestorsOf', () => {
  const nodes = [
    { nodeId: 'S', parentId: null },
    { nodeId: 'F1', parentId: 'S' },
    { nodeId: 'F2', parentId: 'F1' },
    { nodeId: 'C1', parentId: 'F2' },
    { nodeId: 'E1', parentId: 'C1' },
    { nodeId: 'F3', parentId: 'S' },
  ];

  it('finds a node and everything below it', () => {
    expect([...subtreeOf(nodes, 'F1')].sort()).toEqual(['C1', 'E1', 'F1', 'F2']);
    expect([...subtreeOf(nodes, 'E1')]).toEqual(['E1']);
  });

  it('gives the path from the root down to the parent', () => {
    expect(ancestorsOf(nodes, 'E1')).toEqual(['S', 'F1', 'F2', 'C1']);
    expect(ancestorsOf(nodes, 'S')).toEqual([]);
  });

  it('terminates on a cycle it is given', () => {
    const looped = [
      { nodeId: 'A', parentId: 'B' },
      { nodeId: 'B', parentId: 'A' },
    ];
    expect(ancestorsOf(looped, 'A')).toEqual(['A', 'B']);
    expect([...subtreeOf(looped, 'A')].sort()).toEqual(['A', 'B']);
  });
});

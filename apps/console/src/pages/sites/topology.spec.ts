import type { TreeNode } from './site-types';
import { findNode, nodeName, stationsBelow } from './topology';

const node = (nodeId: string, kind: TreeNode['kind'], parentId: string | null, children: TreeNode[] = [], extra: Partial<TreeNode> = {}): TreeNode => ({
  nodeId,
  kind,
  parentId,
  label: null,
  limit: null,
  children,
  ...extra,
});

const tree = node('depot', 'site', null, [
  node('feeder-a', 'feeder', 'depot', [
    node('CP-1', 'charger', 'feeder-a', [node('CP-1:1', 'evse', 'CP-1', [], { evseId: 1 })], { stationId: 'CP-1' }),
    node('CP-2', 'charger', 'feeder-a', [], { stationId: 'CP-2' }),
  ]),
  node('feeder-b', 'feeder', 'depot', [node('charger-x', 'charger', 'feeder-b', [], { stationId: 'CP-3' })]),
]);

describe('topology helpers', () => {
  it('names nodes for people', () => {
    expect(nodeName(tree)).toBe('Site depot');
    expect(nodeName(findNode(tree, 'CP-1:1') as TreeNode)).toBe('EVSE 1');
    expect(nodeName(findNode(tree, 'charger-x') as TreeNode)).toBe('Charger charger-x (station CP-3)');
    expect(nodeName({ ...tree, label: 'Depot North' })).toBe('Site Depot North');
  });

  it('finds the stations at or below a node', () => {
    expect(stationsBelow(tree, 'depot')).toEqual(['CP-1', 'CP-2', 'CP-3']);
    expect(stationsBelow(tree, 'feeder-b')).toEqual(['CP-3']);
    expect(stationsBelow(tree, 'CP-1:1')).toEqual(['CP-1']);
    expect(stationsBelow(tree, 'nope')).toEqual([]);
  });
});

import type { NodeKind, TreeNode } from './site-types';

const kindNames: Readonly<Record<NodeKind, string>> = { site: 'Site', feeder: 'Feeder', cabinet: 'Cabinet', transformer: 'Transformer', charger: 'Charger', evse: 'EVSE' };

/** "Feeder feeder-a", "Charger CP-1 (station CP-1)", "EVSE 1 of CP-1": what a node is called on screen and for screen readers. */
export function nodeName(node: Pick<TreeNode, 'kind' | 'nodeId' | 'label' | 'stationId' | 'evseId'>): string {
  if (node.kind === 'evse' && node.evseId !== undefined) return `EVSE ${node.evseId}${node.label ? ` (${node.label})` : ''}`;
  const base = `${kindNames[node.kind]} ${node.label ?? node.nodeId}`;
  return node.kind === 'charger' && node.stationId && node.stationId !== node.nodeId ? `${base} (station ${node.stationId})` : base;
}

export function findNode(root: TreeNode, nodeId: string): TreeNode | undefined {
  if (root.nodeId === nodeId) return root;
  for (const child of root.children) {
    const found = findNode(child, nodeId);
    if (found) return found;
  }
  return undefined;
}

/** Station ids of the chargers at or below a node (an EVSE's: its charger's), for the profiles in force. */
export function stationsBelow(root: TreeNode, nodeId: string): string[] {
  const node = findNode(root, nodeId);
  if (!node) return [];
  if (node.kind === 'evse') {
    const charger = node.parentId ? findNode(root, node.parentId) : undefined;
    return charger?.stationId ? [charger.stationId] : [];
  }
  const stations: string[] = [];
  const walk = (current: TreeNode) => {
    if (current.kind === 'charger' && current.stationId) stations.push(current.stationId);
    current.children.forEach(walk);
  };
  walk(node);
  return stations;
}

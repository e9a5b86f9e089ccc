import { Box } from '@mantine/core';
import type { TreeNode } from './site-types';
import { TopologyTreeItem } from './TopologyTreeItem';

/**
 * The site's tree (site → feeders … → chargers → EVSEs) as nested lists of buttons: each button is named after its
 * node, the selected one is `aria-current`, so screen readers and tests find nodes by name.
 */
export function TopologyTree({ root, selected, onSelect }: { root: TreeNode; selected: string; onSelect: (nodeId: string) => void }) {
  return (
    <Box component="nav" aria-label="Topology">
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        <TopologyTreeItem node={root} selected={selected} onSelect={onSelect} depth={0} />
      </Box>
    </Box>
  );
}

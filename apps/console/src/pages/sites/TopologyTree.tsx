import { Box, UnstyledButton, Text } from '@mantine/core';
import { formatLimit } from './limit-format';
import type { TreeNode } from './site-types';
import { nodeName } from './topology';

/**
 * The site's tree (site → feeders … → chargers → EVSEs) as nested lists of buttons: each button is named after its
 * node, the selected one is `aria-current`, so screen readers and tests find nodes by name.
 */
export function TopologyTree({ root, selected, onSelect }: { root: TreeNode; selected: string; onSelect: (nodeId: string) => void }) {
  return (
    <Box component="nav" aria-label="Topology">
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        <TreeItem node={root} selected={selected} onSelect={onSelect} depth={0} />
      </Box>
    </Box>
  );
}

function TreeItem({ node, selected, onSelect, depth }: { node: TreeNode; selected: string; onSelect: (nodeId: string) => void; depth: number }) {
  const isSelected = node.nodeId === selected;
  return (
    <li>
      <UnstyledButton
        onClick={() => onSelect(node.nodeId)}
        aria-current={isSelected ? 'true' : undefined}
        w="100%"
        py={4}
        px="xs"
        style={{ borderRadius: 4, background: isSelected ? 'var(--mantine-color-blue-light)' : undefined }}
      >
        <Text size="sm" fw={isSelected ? 600 : 400}>
          {nodeName(node)}
        </Text>
        {node.limit && (
          <Text size="xs" c="dimmed" aria-hidden>
            {formatLimit(node.limit)}
          </Text>
        )}
      </UnstyledButton>
      {node.children.length > 0 && (
        <Box component="ul" m={0} pl={depth < 4 ? 'md' : 'xs'} style={{ listStyle: 'none' }}>
          {node.children.map((child) => (
            <TreeItem key={child.nodeId} node={child} selected={selected} onSelect={onSelect} depth={depth + 1} />
          ))}
        </Box>
      )}
    </li>
  );
}

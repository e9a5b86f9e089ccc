import { Box, Text, UnstyledButton } from '@mantine/core';
import { formatLimit } from './limit-format';
import type { TreeNode } from './site-types';
import { nodeName } from './topology';

/** A node of the tree as a button named after it, with its children below. */
export function TopologyTreeItem({ node, selected, onSelect, depth }: { node: TreeNode; selected: string; onSelect: (nodeId: string) => void; depth: number }) {
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
            <TopologyTreeItem key={child.nodeId} node={child} selected={selected} onSelect={onSelect} depth={depth + 1} />
          ))}
        </Box>
      )}
    </li>
  );
}

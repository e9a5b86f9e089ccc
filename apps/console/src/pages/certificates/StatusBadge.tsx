import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A light badge that keeps its whole word in a squeezed table column (Mantine's badge would cut it to "VA…"). */
export function StatusBadge({ color, children, size }: { color: string; children: ReactNode; size?: BadgeProps['size'] }) {
  return (
    <Badge color={color} variant="light" size={size} style={{ minWidth: 'max-content' }}>
      {children}
    </Badge>
  );
}

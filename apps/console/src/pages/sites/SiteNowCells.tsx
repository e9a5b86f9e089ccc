import { Skeleton, Table, Text } from '@mantine/core';
import { formatPhases } from '../../components/format';
import { formatLimit } from './limit-format';
import type { SiteNow } from './use-sites-now';

/** The "limit now" and "draw now" cells of a site's row: its root node's latest sample (undefined while loading). */
export function SiteNowCells({ now }: { now: SiteNow | undefined }) {
  if (now === undefined)
    return (
      <>
        <Table.Td>
          <Skeleton h={14} w={80} />
        </Table.Td>
        <Table.Td>
          <Skeleton h={14} w={80} />
        </Table.Td>
      </>
    );
  if (!now.ok)
    return (
      <Table.Td colSpan={2}>
        <Text size="sm" c="red">
          {now.message}
        </Text>
      </Table.Td>
    );
  return (
    <>
      <Table.Td>{formatLimit({ perPhaseA: now.limitA ?? undefined, totalW: now.limitW ?? undefined })}</Table.Td>
      <Table.Td>{formatPhases(now.drawnA, 'A')}</Table.Td>
    </>
  );
}

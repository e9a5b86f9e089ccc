import { Skeleton, Table, Text } from '@mantine/core';
import { formatLimit } from './limit-format';
import type { Triple } from './site-types';
import { useSiteNow } from './use-site-now';

const amps = (values: Triple | null) => (values ? `${values.map((value) => Number(value.toFixed(1)).toLocaleString('en-GB')).join(' / ')} A` : '—');

/** The "limit now" and "draw now" cells of a site's row: its root node's latest sample. */
export function SiteNowCells({ siteId }: { siteId: string }) {
  const now = useSiteNow(siteId);
  if (now.isPending)
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
  if (now.isError)
    return (
      <Table.Td colSpan={2}>
        <Text size="sm" c="red">
          {now.error.message}
        </Text>
      </Table.Td>
    );
  return (
    <>
      <Table.Td>{formatLimit({ perPhaseA: now.data.limitA ?? undefined, totalW: now.data.limitW ?? undefined })}</Table.Td>
      <Table.Td>{amps(now.data.drawnA)}</Table.Td>
    </>
  );
}
